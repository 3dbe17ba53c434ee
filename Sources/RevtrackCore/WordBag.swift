import RevtrackText

/// The lowercased words of a sentence as a multiset, for similarity scores.
struct WordBag {
    private(set) var counts: [String: Int] = [:]
    private(set) var total = 0

    init(_ sentence: String) {
        for token in WordTokenizer.tokenize(sentence) where token.kind != .punctuation {
            counts[token.text.lowercased(), default: 0] += 1
            total += 1
        }
    }

    init(merging bags: [WordBag]) {
        for bag in bags {
            for (word, count) in bag.counts { counts[word, default: 0] += count }
            total += bag.total
        }
    }

    /// Dice coefficient on the multisets: 2·|A ∩ B| / (|A| + |B|).
    func similarity(to other: WordBag) -> Double {
        guard total + other.total > 0 else { return 1 }
        let (small, large) = counts.count <= other.counts.count ? (counts, other.counts) : (other.counts, counts)
        var common = 0
        for (word, count) in small { common += min(count, large[word] ?? 0) }
        return 2 * Double(common) / Double(total + other.total)
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
        let common = dice * Double(total + other.total) / 2
        return common / Double(smaller) >= 0.8 ? threshold : dice
    }

    var words: Dictionary<String, Int>.Keys { counts.keys }
}

/// Finds sentences that share rare words with a given one, so pairing never
/// compares every removed sentence with every added one.
struct CandidateIndex {
    private var postings: [String: [Int]] = [:]

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
