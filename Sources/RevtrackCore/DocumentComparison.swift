import RevtrackText

/// What happened to one sentence (or, for splits and merges, a few adjacent ones).
public struct SentenceChange: Sendable, Hashable {
    public enum Operation: String, Sendable, Hashable, Codable {
        case equal, insert, delete, modify, move
    }

    public let operation: Operation
    /// Sentence indices in the old text (nil for `insert`); two or more for a merge.
    public let old: Range<Int>?
    /// Sentence indices in the new text (nil for `delete`); two or more for a split.
    public let new: Range<Int>?
    /// Word-level changes for `modify`, and for a `move` whose text also changed.
    public let words: [WordSegment]
    /// For `modify` and edited `move`s.
    public let editKind: EditKind?
    /// Word similarity of the pair (Dice coefficient), for `modify` and `move`.
    public let similarity: Double?

    public init(operation: Operation, old: Range<Int>?, new: Range<Int>?, words: [WordSegment] = [],
                editKind: EditKind? = nil, similarity: Double? = nil) {
        self.operation = operation
        self.old = old
        self.new = new
        self.words = words
        self.editKind = editKind
        self.similarity = similarity
    }
}

/// A sentence-level comparison of two texts: Myers on whitespace-normalized
/// sentences, then pairing of edited sentences, move detection and
/// word-level changes inside each edited sentence.
public struct DocumentComparison: Sendable {
    public let old: SegmentedText
    public let new: SegmentedText
    /// In reading order of the new text; deletions stand where they were in the old one.
    public let changes: [SentenceChange]

    public struct Summary: Sendable, Hashable, Codable {
        public var unchanged = 0, added = 0, removed = 0, modified = 0, moved = 0
        /// Edits (modified or moved with edits) that change what a sentence says: negation, antonyms, modality.
        public var meaning = 0
        public var hasDifferences: Bool { added + removed + modified + moved > 0 }
        public init(unchanged: Int = 0, added: Int = 0, removed: Int = 0, modified: Int = 0, moved: Int = 0, meaning: Int = 0) {
            (self.unchanged, self.added, self.removed, self.modified, self.moved, self.meaning) = (unchanged, added, removed, modified, moved, meaning)
        }
    }

    /// The changes with cosmetic edits (white space, punctuation, case, quote
    /// style) turned into `equal`: what `--ignore-cosmetic` shows and counts.
    public func ignoringCosmetic() -> DocumentComparison {
        DocumentComparison(old: old, new: new, changes: changes.map { change in
            guard change.operation == .modify, change.editKind == .cosmetic else { return change }
            return SentenceChange(operation: .equal, old: change.old, new: change.new)
        })
    }

    /// The rewordings at `indices` raised to `kind`: the fact comparison marks
    /// the edits that changed a fact. A typo or cosmetic edit stays what it
    /// is, whatever it did to a fact's spelling; a meaning edit outranks.
    public func raisingEditKinds(to kind: EditKind, at indices: Set<Int>) -> DocumentComparison {
        DocumentComparison(old: old, new: new, changes: changes.enumerated().map { index, change in
            guard indices.contains(index), let current = change.editKind, current == .wording, current < kind else { return change }
            return SentenceChange(operation: change.operation, old: change.old, new: change.new, words: change.words,
                                  editKind: kind, similarity: change.similarity)
        })
    }

    /// How many edits of each kind: what `log --stat` and the diff's head count.
    public var editKindCounts: [EditKind: Int] {
        var counts: [EditKind: Int] = [:]
        for change in changes { if let kind = change.editKind { counts[kind, default: 0] += 1 } }
        return counts
    }

    init(old: SegmentedText, new: SegmentedText, changes: [SentenceChange]) {
        self.old = old
        self.new = new
        self.changes = changes
    }

    /// The paragraph a change stands in: its new position, else its old one.
    public func paragraph(of change: SentenceChange) -> Int {
        if let new = change.new { return self.new.sentences[new.lowerBound].paragraph }
        if let old = change.old { return self.old.sentences[old.lowerBound].paragraph }
        return 0
    }

    public var summary: Summary {
        var summary = Summary()
        for change in changes {
            switch change.operation {
            case .equal: summary.unchanged += 1
            case .insert: summary.added += 1
            case .delete: summary.removed += 1
            case .modify: summary.modified += 1
            case .move: summary.moved += 1
            }
            if change.editKind == .meaning { summary.meaning += 1 }
        }
        return summary
    }

    /// Two sentences with at least this word similarity (Dice coefficient on
    /// lowercased words) in the same changed region are one edited sentence;
    /// so is a sentence that grew around, or was cut down to, the other.
    /// `revtrack-bench pairing` measures it; figures in docs/diff.md.
    public static let pairingThreshold = 0.5
    /// A sentence removed in one place and added elsewhere at this similarity or
    /// more has moved (possibly with edits); so has one that holds 90% of the
    /// other's words (a quote trimmed on the move).
    public static let moveThreshold = 0.8

    /// - Parameter wordLevel: false skips the word-level changes inside edited
    ///   sentences (`diff --level sentence`); pairing and edit kinds remain.
    public init(old oldText: String, new newText: String, wordLevel: Bool = true) {
        let (old, new) = Self.segment(oldText, newText)
        self.init(old: old, new: new, wordLevel: wordLevel)
    }

    public init(old: SegmentedText, new: SegmentedText, wordLevel: Bool = true) {
        self.old = old
        self.new = new
        var oldText = old.text, newText = new.text
        self.changes = oldText.withUTF8 { oldBytes in
            newText.withUTF8 { newBytes in
                var pairing = Pairing(old: old, oldBytes: oldBytes, new: new, newBytes: newBytes, wordLevel: wordLevel)
                return pairing.changes()
            }
        }
    }

    /// The word similarity pairing uses (Dice coefficient on lowercased words).
    public static func similarity(_ a: String, _ b: String) -> Double {
        var a = a, b = b
        return a.withUTF8 { a in b.withUTF8 { b in SentenceWords(a).bag.similarity(to: SentenceWords(b).bag) } }
    }

    /// Both sides segmented; large texts on two cores at once.
    public static func segment(_ oldText: String, _ newText: String) -> (SegmentedText, SegmentedText) {
        Parallel.sides(bytes: oldText.utf8.count + newText.utf8.count) { SentenceSegmenter.segment($0 == 0 ? oldText : newText) }
    }
}
