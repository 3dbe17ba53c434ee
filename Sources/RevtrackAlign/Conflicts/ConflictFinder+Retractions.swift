import RevtrackText

/// Values a sentence names only to take them back: a correction's
/// "misstated the council's vote as 7-2", a reply's "goes up by $8, not the
/// $11.50 that was in the original proposal", "rather than the 12% first
/// proposed", a fact-check's line of the claim it checks ("CLAIM:
/// "Pensioners have lost £250 million.""). They are no claim of the outlet,
/// so they conflict with nothing.
extension ConflictFinder {
    /// Whether every place the value's first word stands in the sentence is taken back.
    static func retracts(_ sentence: SentenceWords, _ value: String) -> Bool {
        if checksClaim(sentence) { return true }
        guard let first = WordTokenizer.tokenize(value).first(where: { $0.kind != .punctuation })?.text.lowercased() else { return false }
        let places = sentence.lower.indices.filter { sentence.lower[$0] == first }
        return !places.isEmpty && places.allSatisfy { retracted(sentence.lower, at: $0) }
    }

    private static func retracted(_ lower: [String], at index: Int) -> Bool {
        if lower[max(0, index - 12)..<index].contains(where: correctionWords.contains) { return true }
        var before = index - 1
        while before >= 0, ["the", "a", "an"].contains(lower[before]) { before -= 1 }
        guard before >= 0 else { return false }
        return lower[before] == "not" || before > 0 && (lower[before - 1] == "rather" && lower[before] == "than"
            || lower[before - 1] == "instead" && lower[before] == "of")
    }

    /// A line a fact-check opens with the claim it checks: "CLAIM:", "The claim:", "What was claimed:".
    private static func checksClaim(_ sentence: SentenceWords) -> Bool {
        guard let colon = sentence.tokens.prefix(5).firstIndex(where: { $0.text == ":" }) else { return false }
        return sentence.tokens[..<colon].contains { ["claim", "claims", "claimed"].contains($0.text.lowercased()) }
    }

    /// Words of a correction: what they govern was wrong.
    private static let correctionWords: Set<String> = [
        "misstated", "misreported", "misquoted", "incorrectly", "wrongly", "erroneously", "mistakenly",
    ]
}
