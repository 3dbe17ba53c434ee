import RevtrackText

/// Lowercased words interned to integers, shared by one comparison's bags.
struct Vocabulary {
    private var ids: [String: Int32] = [:]

    mutating func id(_ word: String) -> Int32 {
        if let id = ids[word] { return id }
        let id = Int32(ids.count)
        ids[word] = id
        return id
    }
}

/// The lowercased words of a sentence as a sorted multiset of word ids, for
/// similarity scores.
struct WordBag {
    private(set) var ids: [Int32]
    var total: Int { ids.count }

    init(_ tokens: [WordToken], vocabulary: inout Vocabulary) {
        ids = tokens.compactMap { token in
            token.kind == .punctuation ? nil : vocabulary.id(token.text.asciiLowercasedFast)
        }.sorted()
    }

    init(merging bags: [WordBag]) {
        ids = bags.flatMap(\.ids).sorted()
    }

    /// Dice coefficient on the multisets: 2·|A ∩ B| / (|A| + |B|).
    func similarity(to other: WordBag) -> Double {
        guard total + other.total > 0 else { return 1 }
        return 2 * Double(common(with: other)) / Double(total + other.total)
    }

    private func common(with other: WordBag) -> Int {
        var i = 0, j = 0, count = 0
        while i < ids.count && j < other.ids.count {
            if ids[i] == other.ids[j] { count += 1; i += 1; j += 1 }
            else if ids[i] < other.ids[j] { i += 1 }
            else { j += 1 }
        }
        return count
    }

    /// How well the two match as an edit of one sentence: the Dice coefficient,
    /// or, when one sentence was grown or cut around the other (at least 80%
    /// of the shorter one's words, and at least four, reappear), the pairing
    /// threshold itself, so that expansions pair while clear rewrites win.
    func editScore(to other: WordBag, threshold: Double) -> Double {
        let dice = similarity(to: other)
        if dice >= threshold { return dice }
        let smaller = min(total, other.total)
        guard smaller >= 4 else { return dice }
        return Double(common(with: other)) / Double(smaller) >= 0.8 ? threshold : dice
    }

    /// Whether `other` is this sentence moved elsewhere, possibly edited: word
    /// similarity at least `threshold`, or one sentence holding 90% of the
    /// other's words (at least six): a quote trimmed or extended on the move.
    func isMove(of other: WordBag, threshold: Double) -> Double? {
        let dice = similarity(to: other)
        if dice >= threshold { return dice }
        let smaller = min(total, other.total)
        guard smaller >= 6, Double(common(with: other)) / Double(smaller) >= 0.9 else { return nil }
        return dice
    }

    /// Distinct word ids.
    var words: [Int32] {
        var result: [Int32] = []
        for id in ids where result.last != id { result.append(id) }
        return result
    }
}

/// Finds sentences that share rare words with a given one, so pairing never
/// compares every removed sentence with every added one.
struct CandidateIndex {
    private var postings: [Int32: [Int]] = [:]

    init(bags: [Int: WordBag], members: [Int]) {
        for member in members {
            for word in bags[member]!.words { postings[word, default: []].append(member) }
        }
    }

    /// Members sharing one of the bag's three rarest words (at most 64).
    func candidates(for bag: WordBag) -> [Int] {
        let rare = bag.words.compactMap { word in postings[word].map { (word, $0.count) } }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .prefix(3)
        var seen = Set<Int>()
        var result: [Int] = []
        for (word, _) in rare {
            for member in postings[word]! where seen.insert(member).inserted {
                result.append(member)
                if result.count == 64 { return result }
            }
        }
        return result
    }
}

extension String {
    /// Lowercase with a fast path for ASCII words, which most are.
    var asciiLowercasedFast: String {
        var hasUpper = false
        for byte in utf8 {
            if byte >= 0x80 { return lowercased() }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        guard hasUpper else { return self }
        return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
