import RevtrackFacts
import RevtrackText

/// A sentence's words, read once for the conflict rules that each look at
/// them (tallies, parts of a whole, status, durations): a pair's two
/// sentences are tokenized once, not once per rule.
struct SentenceWords {
    let tokens: [WordToken]
    /// Words and numbers as written, without punctuation.
    let written: [String]
    /// The same, lowercased.
    let lower: [String]

    init(_ sentence: String) {
        tokens = WordTokenizer.tokenize(sentence)
        written = tokens.filter { $0.kind != .punctuation }.map(\.text)
        lower = written.map { $0.lowercased() }
    }

    /// Where a phrase's words (a fact's text) start in the sentence, and how many they are.
    func position(of phrase: String) -> (Int, Int)? {
        let words = SentenceWords(phrase).lower
        guard let first = words.first, let start = lower.indices.first(where: { lower[$0] == first
            && lower[$0..<min(lower.count, $0 + words.count)].elementsEqual(words) }) else { return nil }
        return (start, words.count)
    }

    /// The words that say something from `before` words ahead of `index` to
    /// `after` words past it, stemmed, numbers and units of time aside: what
    /// a verb, a duration or a date is of ("a two-year *mission*",
    /// "*deployed* in the fall of 2020").
    func meaning(around index: Int, before: Int = 5, after: Int = 5) -> Set<String> {
        let window = lower[max(0, index - before)..<min(lower.count, index + after + 1)]
        var found = Set<String>()
        for word in window where ReferentTerms.carriesMeaning(word) && Durations.years(per: word) == nil && ReferentTerms.numberValue(word) == nil {
            found.insert(ReferentTerms.stem(word))
        }
        return found
    }
}
