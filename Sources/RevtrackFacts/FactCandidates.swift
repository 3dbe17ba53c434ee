import RevtrackText

/// Which new facts could pair with an old one, so comparison scores a handful
/// of candidates per fact instead of every fact of the other text: every fact
/// in the sentences its sentence became, and facts with the same key (counted
/// thing, date, name, shared words of a quote) near where that sentence went.
struct FactCandidates {
    /// How far, in sentences, from where an old sentence went a fact may pair
    /// by what it says alone. Wider than most articles are long, so an article's
    /// facts pair across the whole text; in a book-length text, a number edited
    /// 300 sentences away is another number.
    static let window = 300

    private let newFacts: [Fact]
    /// New facts' sentences, in order (facts are sorted by position).
    private let newSentences: [Int]
    /// Keyed groups of new fact indices, each ascending.
    private var buckets: [String: [Int]] = [:]
    /// Quote and claim words: new fact indices per (kind, word id), ascending.
    private var postings: [Int64: [Int]] = [:]
    /// Distinct resolved dates with a period, for overlap: key and period.
    private var periods: [(key: String, period: Period)] = []

    init(new: [Fact], features: [FactFeatures], mode: FactComparison.Mode) {
        newFacts = new
        newSentences = new.map(\.sentence)
        for (index, fact) in new.enumerated() {
            for key in Self.keys(fact, features[index], mode) { buckets[key, default: []].append(index) }
            if fact.kind == .quote || fact.kind == .claim {
                if features[index].words.isEmpty { buckets[Self.noWords(fact.kind), default: []].append(index) }
                var previous: Int32 = -1
                for word in features[index].words where word != previous {
                    postings[Self.posting(fact.kind, word), default: []].append(index)
                    previous = word
                }
            }
            if fact.kind == .date, let period = features[index].period {
                let key = Self.dateKey(fact)
                if buckets[key]?.count == 1 { periods.append((key, period)) }
            }
        }
    }

    /// New facts of `kind` in the `aligned` sentences.
    func aligned(_ kind: Fact.Kind, in aligned: [Int]) -> [Int] {
        aligned.flatMap { sentence in range(sentences: sentence...sentence).filter { newFacts[$0].kind == kind } }
    }

    /// New fact indices that may have a positive affinity with `fact` by what
    /// they say (`FactComparison.affinity`): within the window around
    /// `position`, those sharing a key or enough words with it. In no order and
    /// possibly repeated: the caller keeps the earliest of the best.
    func candidates(for fact: Fact, _ features: FactFeatures, mode: FactComparison.Mode, position: Int) -> [Int] {
        var found: [Int] = []
        let window = range(sentences: (position - Self.window)...(position + Self.window))
        func add(_ members: [Int]?) {
            guard let members, !members.isEmpty else { return }
            let lower = members.partitioningIndex { $0 >= window.lowerBound }
            let upper = members.partitioningIndex { $0 >= window.upperBound }
            found.append(contentsOf: members[lower..<upper])
        }
        for key in Self.keys(fact, features, mode) { add(buckets[key]) }
        switch fact.kind {
        case .date:
            if let period = features.period {
                for (key, other) in periods where other.overlaps(period) { add(buckets[key]) }
            }
        case .quote, .claim:
            guard !features.words.isEmpty else { add(buckets[Self.noWords(fact.kind)]); break }
            // A pair reaching the lowest threshold shares at least `least` words,
            // so one of the old fact's `count - least + 1` rarest words.
            let threshold = fact.kind == .quote ? 0.5 : 0.3
            let count = features.words.count
            let least = max(1, Int((threshold * Double(count) / (2 - threshold) - 1e-6).rounded(.down)))
            let byRarity = features.words.map { word in (word, postings[Self.posting(fact.kind, word)]?.count ?? 0) }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            var previous: Int32 = -1
            for (word, _) in byRarity.prefix(count - least + 1) where word != previous {
                add(postings[Self.posting(fact.kind, word)])
                previous = word
            }
        case .quantity, .person, .place, .organisation: break
        }
        return found
    }

    /// The indices of new facts whose sentence lies in `sentences`.
    private func range(sentences: ClosedRange<Int>) -> Range<Int> {
        newSentences.partitioningIndex { $0 >= sentences.lowerBound }
            ..< newSentences.partitioningIndex { $0 > sentences.upperBound }
    }

    /// The keys under which two facts with a positive affinity (`FactComparison.affinity`)
    /// share at least one group; quotes, claims and date overlaps are found otherwise.
    private static func keys(_ fact: Fact, _ features: FactFeatures, _ mode: FactComparison.Mode) -> [String] {
        let kind = fact.kind.rawValue + "\u{1}"
        switch fact.kind {
        case .quantity:
            guard let counted = features.countedKey ?? (mode == .versions ? "∅" : nil) else { return [] }
            return [kind + (fact.unit.map { "u" + $0 } ?? "-") + "\u{1}" + counted]
        case .date: return [dateKey(fact)]
        case .place: return [kind + features.lowered]
        case .organisation: return [kind + features.lowered] + (fact.acronym.map { [kind + "\u{2}" + $0] } ?? [])
        case .person:
            var keys = [kind + features.lowered, kind + "\u{2}" + (features.surname ?? "")]
            if features.nameWords.count > 1, let first = features.nameWords.first {
                keys.append(kind + "\u{3}\(features.nameWords.count)\u{3}" + first)
            }
            return keys
        case .quote, .claim: return []
        }
    }

    private static func dateKey(_ fact: Fact) -> String { "date\u{1}" + (fact.resolved.map { "r" + $0 } ?? "-") }
    private static func noWords(_ kind: Fact.Kind) -> String { kind.rawValue + "\u{1}\u{4}" }
    private static func posting(_ kind: Fact.Kind, _ word: Int32) -> Int64 {
        Int64(kind == .quote ? 0 : 1) << 32 | Int64(word)
    }
}

extension Collection {
    /// The first index whose element satisfies `belongs`, for a collection
    /// partitioned so that all such elements come last (binary search).
    func partitioningIndex(where belongs: (Element) -> Bool) -> Index {
        var low = startIndex, count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if belongs(self[middle]) { count = half } else { low = index(after: middle); count -= half + 1 }
        }
        return low
    }
}
