import RevtrackText

/// What comparing a fact needs, worked out once per fact instead of once per
/// pair: names lowercased, the counted key, the period, a quote's words as ids.
struct FactFeatures {
    /// Lowercased value (names).
    let lowered: String
    /// People: last word lowercased; claims: the source's last word lowercased.
    let surname: String?
    /// People: the lowercased words of the name.
    let nameWords: [Substring]
    /// Quantities: what is counted, reduced to a key (`FactComparison.countedKey`).
    let countedKey: String?
    let period: Period?
    /// Quotes and claims: ids of the lowercased words, punctuation left out, sorted.
    let words: [Int32]

    init(_ fact: Fact, vocabulary: inout [String: Int32]) {
        switch fact.kind {
        case .person, .place, .organisation:
            lowered = fact.value.lowercased()
            surname = fact.kind == .person ? FactComparison.surname(fact.value) : nil
            nameWords = fact.kind == .person ? lowered.split(separator: " ") : []
            countedKey = nil; period = nil; words = []
        case .quantity:
            lowered = ""; surname = nil; nameWords = []; period = nil; words = []
            countedKey = FactComparison.countedKey(fact)
        case .date:
            lowered = ""; surname = nil; nameWords = []; countedKey = nil; words = []
            period = fact.resolved.flatMap(Period.init)
        case .quote, .claim:
            lowered = ""; nameWords = []; countedKey = nil; period = nil
            surname = fact.kind == .claim ? fact.speaker.map(FactComparison.surname) : nil
            words = WordTokenizer.tokenize(fact.value).compactMap { token in
                guard token.kind != .punctuation else { return nil }
                let word = token.text.lowercased()
                if let id = vocabulary[word] { return id }
                let id = Int32(vocabulary.count)
                vocabulary[word] = id
                return id
            }.sorted()
        }
    }

    /// Dice coefficient of the two word multisets: 1 for two empty quotes.
    func wordSimilarity(_ other: FactFeatures) -> Double {
        guard !words.isEmpty || !other.words.isEmpty else { return 1 }
        return 2 * Double(commonWords(other)) / Double(words.count + other.words.count)
    }

    /// Whether the shorter of two quotations, of five words or more, is
    /// (nearly) all in the longer: one outlet quotes a sentence of what
    /// another quotes in full ("This is a merger of equals …" / "This is a
    /// merger of equals …. Together we will serve …").
    func isQuotedWithin(_ other: FactFeatures) -> Bool {
        let shorter = min(words.count, other.words.count)
        return shorter >= 5 && Double(commonWords(other)) >= 0.9 * Double(shorter)
    }

    private func commonWords(_ other: FactFeatures) -> Int {
        var common = 0, i = 0, j = 0
        while i < words.count, j < other.words.count {
            if words[i] == other.words[j] { common += 1; i += 1; j += 1 }
            else if words[i] < other.words[j] { i += 1 } else { j += 1 }
        }
        return common
    }
}
