import RevtrackText

/// The lowercased words of a sentence as a sorted multiset of word hashes,
/// for similarity scores.
struct WordBag: Sendable {
    let hashes: [UInt64]
    /// One bit per word (a bit of its hash): a bit one bag has and the other
    /// lacks stands for at least one word missing from the other, so two
    /// popcounts bound the overlap before any merge.
    let sketch: UInt64
    var total: Int { hashes.count }

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ spans: [TokenSpan]) {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(spans.count)
        for span in spans where span.kind != .punctuation { hashes.append(WordHash.lowercased(bytes, span.range)) }
        self.init(hashes: hashes)
    }

    init(merging bags: [WordBag]) {
        self.init(hashes: bags.flatMap(\.hashes))
    }

    private init(hashes: consuming [UInt64]) {
        var sorted = hashes
        sorted.sort()
        self.hashes = sorted
        sketch = sorted.reduce(0) { $0 | (1 << ($1 >> 58)) }
    }

    /// Dice coefficient on the multisets: 2·|A ∩ B| / (|A| + |B|).
    func similarity(to other: WordBag) -> Double {
        guard total + other.total > 0 else { return 1 }
        return 2 * Double(common(with: other)) / Double(total + other.total)
    }

    private func common(with other: WordBag) -> Int {
        common(with: other, reaching: 0)!
    }

    /// The size of the multiset intersection, or nil as soon as it can no
    /// longer reach `minimum`: most candidate pairs fail after a few words.
    private func common(with other: WordBag, reaching minimum: Int) -> Int? {
        let n = hashes.count, m = other.hashes.count
        guard n - (sketch & ~other.sketch).nonzeroBitCount >= minimum,
              m - (other.sketch & ~sketch).nonzeroBitCount >= minimum else { return nil }
        var i = 0, j = 0, count = 0
        while i < n && j < m {
            if count + min(n - i, m - j) < minimum { return nil }
            if hashes[i] == other.hashes[j] { count += 1; i += 1; j += 1 }
            else if hashes[i] < other.hashes[j] { i += 1 }
            else { j += 1 }
        }
        return count >= minimum ? count : nil
    }

    /// The least intersection size for which `passes` holds (it must be
    /// monotone), or one more than `limit` when none does; `estimate` is
    /// where to start looking (usually the answer itself).
    private static func least(upTo limit: Int, from estimate: Int, _ passes: (Int) -> Bool) -> Int {
        var value = min(max(estimate, 0), limit + 1)
        while value <= limit && !passes(value) { value += 1 }
        while value > 0 && passes(value - 1) { value -= 1 }
        return value
    }

    private func dice(_ common: Int, _ other: WordBag) -> Double {
        total + other.total > 0 ? 2 * Double(common) / Double(total + other.total) : 1
    }

    /// How well the two match as an edit of one sentence, when they match at
    /// least at `threshold`: the Dice coefficient, or, when one sentence was
    /// grown or cut around the other (at least 80% of the shorter one's
    /// words, and at least four, reappear), the threshold itself, so that
    /// expansions pair while clear rewrites win. Nil below the threshold.
    func editScore(to other: WordBag, threshold: Double) -> Double? {
        let smaller = min(total, other.total)
        func grown(_ common: Int) -> Bool { smaller >= 4 && Double(common) / Double(smaller) >= 0.8 }
        let estimate = min(Int((threshold * Double(total + other.total) / 2).rounded(.up)), Int((0.8 * Double(smaller)).rounded(.up)))
        let minimum = Self.least(upTo: smaller, from: estimate) { dice($0, other) >= threshold || grown($0) }
        guard let common = common(with: other, reaching: minimum) else { return nil }
        let score = dice(common, other)
        if score >= threshold { return score }
        return grown(common) ? threshold : nil
    }

    /// Whether `other` is this sentence moved elsewhere, possibly edited: word
    /// similarity at least `threshold`, or one sentence holding 90% of the
    /// other's words (at least six): a quote trimmed or extended on the move.
    func isMove(of other: WordBag, threshold: Double) -> Double? {
        let smaller = min(total, other.total)
        func trimmed(_ common: Int) -> Bool { smaller >= 6 && Double(common) / Double(smaller) >= 0.9 }
        let estimate = min(Int((threshold * Double(total + other.total) / 2).rounded(.up)), Int((0.9 * Double(smaller)).rounded(.up)))
        let minimum = Self.least(upTo: smaller, from: estimate) { dice($0, other) >= threshold || trimmed($0) }
        guard let common = common(with: other, reaching: minimum) else { return nil }
        let score = dice(common, other)
        return score >= threshold || trimmed(common) ? score : nil
    }

    /// Distinct words.
    var words: [UInt64] {
        var result: [UInt64] = []
        for hash in hashes where result.last != hash { result.append(hash) }
        return result
    }
}
