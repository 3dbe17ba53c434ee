import RevtrackFacts
import RevtrackText

/// Quotations a transcript gives as a speaker's turn, without quotation
/// marks: "SOUNDBITE (RHEA CALDWELL, CALLOWAY RIDGE SPOKESWOMAN): We are
/// devastated, …" is Caldwell's, whom a wire may not credit with the words.
extension ConflictFinder {
    /// The same words quoted in one sentence and spoken in the other's turn
    /// by someone else: `"We are devastated, …," Chief Executive Martin Voss
    /// said` / `SOUNDBITE (RHEA CALDWELL, …): We are devastated, …`. The
    /// quotation's first words (at least five) must open the turn (an
    /// analyst who asks "you said we are …" quotes them, and does not speak
    /// them), and both speakers be named.
    static func turnAttribution(_ old: Sentence, _ new: Sentence, _ facts: (old: [Fact], new: [Fact])) -> OutletAlignment.Conflict? {
        func check(_ quoted: [Fact], _ turn: Sentence) -> (String, String)? {
            guard let spokenTurn = TranscriptTurn(turn.text), let speaker = spokenTurn.speaker else { return nil }
            let turnWords = words(spokenTurn.spoken)
            for quote in quoted where quote.kind == .quote {
                guard let credited = quote.speaker, isName(credited) else { continue }
                let opening = Array(words(quote.value).prefix(8))
                guard opening.count >= 5, opens(turnWords, with: opening),
                      FactComparison.sourceHead(credited) != FactComparison.sourceHead(speaker) else { continue }
                return (credited, speaker)
            }
            return nil
        }
        if let (credited, speaker) = check(facts.old, new) { return .init(kind: .attribution, old: credited, new: speaker) }
        if let (credited, speaker) = check(facts.new, old) { return .init(kind: .attribution, old: speaker, new: credited) }
        return nil
    }

    private static func words<S: StringProtocol>(_ text: S) -> [String] {
        WordTokenizer.tokenize(String(text)).filter { $0.kind != .punctuation }.map { $0.text.lowercased() }
    }

    /// Whether the run starts within a turn's first three words ("Well, we are …").
    private static func opens(_ words: [String], with run: [String]) -> Bool {
        guard run.count <= words.count else { return false }
        return (0...min(2, words.count - run.count)).contains { words[$0..<($0 + run.count)].elementsEqual(run) }
    }
}
