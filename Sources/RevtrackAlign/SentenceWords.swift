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
    /// Where each word starts, in bytes of the whole text: a fact's offsets find its words.
    private let starts: [Int]

    /// - Parameter offset: where the sentence starts in its text, in bytes.
    init(_ sentence: String, at offset: Int = 0) {
        tokens = WordTokenizer.tokenize(sentence)
        let words = tokens.filter { $0.kind != .punctuation }
        written = words.map(\.text)
        lower = written.map { $0.lowercased() }
        starts = words.map { offset + $0.utf8Range.lowerBound }
    }

    /// Where a fact of this sentence starts among its words, and how many words it has.
    func position(of fact: Fact) -> (Int, Int)? {
        guard let first = starts.firstIndex(where: { $0 >= fact.start }), starts[first] < fact.end else { return nil }
        return (first, starts[first...].prefix { $0 < fact.end }.count)
    }

    /// The words that say something among the first `count`: what the sentence is about
    /// ("Turnout in Sunday's referendum …", "The ship's captain …").
    func subject(_ count: Int) -> Set<String> { meaning(around: 0, before: 0, after: count - 1) }

    /// The words that say something among the `count` just before `index`: who
    /// takes a stance ("Sandell declined to confirm").
    func meaning(before index: Int, count: Int) -> Set<String> {
        index > 0 ? meaning(around: index - 1, before: count - 1, after: 0) : []
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
