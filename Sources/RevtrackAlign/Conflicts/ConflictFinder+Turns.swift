import RevtrackFacts
import RevtrackText

/// Quotations a transcript gives as a speaker's turn, without quotation
/// marks: "SOUNDBITE (RHEA CALDWELL, CALLOWAY RIDGE SPOKESWOMAN): We are
/// devastated, …" is Caldwell's, whom a wire may not credit with the words.
extension ConflictFinder {
    /// The same words quoted in one sentence and spoken in the other's turn
    /// by someone else: `"We are devastated, …," Chief Executive Martin Voss
    /// said` / `SOUNDBITE (RHEA CALDWELL, …): We are devastated, …`. The
    /// quotation's first words (at least five) must open or run on in the
    /// turn, and both speakers be named.
    static func turnAttribution(_ old: Sentence, _ new: Sentence, _ facts: (old: [Fact], new: [Fact])) -> OutletAlignment.Conflict? {
        func check(_ quoted: [Fact], _ turn: Sentence) -> (String, String)? {
            guard let (speaker, spoken) = turnSpeaker(turn.text) else { return nil }
            let turnWords = words(spoken)
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

    /// The person a transcript turn's label names, and the words after it:
    /// "DANA WHITCOMBE: …" → Dana Whitcombe, "SOUNDBITE (RHEA CALDWELL,
    /// SPOKESWOMAN): …" → Rhea Caldwell; nil for a part alone ("ANCHOR:",
    /// "GUEST (courts reporter):").
    static func turnSpeaker(_ text: String) -> (name: String, spoken: Substring)? {
        guard let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 80 else { return nil }
        let label = text[..<colon]
        guard label.contains(where: \.isLetter), !label.contains(where: \.isLowercase) else { return nil }
        var name = label.split(separator: "(").first.map(String.init) ?? ""
        if let open = label.firstIndex(of: "("), let close = label.firstIndex(of: ")"), open < close {
            let inside = label[label.index(after: open)..<close].split(separator: ",").first.map(String.init) ?? ""
            // "SOUNDBITE (RHEA CALDWELL, …)", "CORRESPONDENT (CALLUM REID)": the part outside, the name inside.
            if transcriptRoles.contains(name.trimmingCharacters(in: .whitespaces).lowercased()) { name = inside }
        }
        let words = name.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }
        guard words.count >= 2, words.count <= 4, !transcriptRoles.contains(words[0].lowercased()) else { return nil }
        return (words.joined(separator: " "), text[text.index(after: colon)...])
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
