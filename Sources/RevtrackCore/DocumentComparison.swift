import RevtrackDiff
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
        public var hasDifferences: Bool { added + removed + modified + moved > 0 }
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
        }
        return summary
    }

    /// Two sentences with at least this word similarity (Dice coefficient on
    /// lowercased words) in the same changed region are one edited sentence;
    /// so is a sentence that grew around, or was cut down to, the other.
    /// Measured on revision pairs of wire copy: real edits of one sentence score
    /// 0.55–0.95, unrelated sentences of the same story 0.05–0.40.
    public static let pairingThreshold = 0.5
    /// A sentence removed in one place and added elsewhere at this similarity or
    /// more has moved (possibly with edits).
    public static let moveThreshold = 0.8

    public init(old oldText: String, new newText: String) {
        self.init(old: SentenceSegmenter.segment(oldText), new: SentenceSegmenter.segment(newText))
    }

    public init(old: SegmentedText, new: SegmentedText) {
        self.old = old
        self.new = new
        var pairing = Pairing(old: old, new: new)
        self.changes = pairing.changes()
    }
}

// MARK: - Pairing

/// The work behind `DocumentComparison`: one value per comparison.
private struct Pairing {
    let old: SegmentedText
    let new: SegmentedText
    /// Word bags of the removed and added sentences only: tokenizing every
    /// unchanged sentence would cost more than the whole diff.
    var oldWords: [Int: WordBag] = [:]
    var newWords: [Int: WordBag] = [:]

    init(old: SegmentedText, new: SegmentedText) {
        self.old = old
        self.new = new
    }

    /// A changed region between two runs of equal sentences.
    struct Hunk {
        var deleted: [Int] = []
        var inserted: [Int] = []
    }

    enum Block {
        case equal(old: Int, new: Int)
        case hunk(Int)
    }

    mutating func changes() -> [SentenceChange] {
        var interner = [String: Int32]()
        func ids(_ text: SegmentedText) -> [Int32] {
            text.sentences.map { sentence in
                let key = sentence.normalized
                if let id = interner[key] { return id }
                let id = Int32(interner.count)
                interner[key] = id
                return id
            }
        }
        let a = ids(old), b = ids(new)
        let script = Difference.script(fromInterned: a, to: b, symbolCount: interner.count)

        var blocks: [Block] = []
        var hunks: [Hunk] = []
        for run in script.runs {
            switch run.operation {
            case .equal:
                for offset in 0..<run.old.count { blocks.append(.equal(old: run.old.lowerBound + offset, new: run.new.lowerBound + offset)) }
            case .delete, .insert:
                if case .hunk = blocks.last {} else { hunks.append(Hunk()); blocks.append(.hunk(hunks.count - 1)) }
                if run.operation == .delete { hunks[hunks.count - 1].deleted.append(contentsOf: run.old) }
                else { hunks[hunks.count - 1].inserted.append(contentsOf: run.new) }
            }
        }

        for hunk in hunks {
            for i in hunk.deleted { oldWords[i] = WordBag(old.sentences[i].text) }
            for j in hunk.inserted { newWords[j] = WordBag(new.sentences[j].text) }
        }

        // Moves: a removed sentence that reappears elsewhere, identical or nearly.
        var movedFrom: [Int: Int] = [:]       // new index → old index
        var movedOld = Set<Int>()
        var insertedByKey: [Int32: [Int]] = [:]
        for hunk in hunks { for j in hunk.inserted { insertedByKey[b[j], default: []].append(j) } }
        for hunk in hunks {
            for i in hunk.deleted {
                if var candidates = insertedByKey[a[i]], !candidates.isEmpty {
                    let j = candidates.removeFirst()
                    insertedByKey[a[i]] = candidates
                    movedFrom[j] = i
                    movedOld.insert(i)
                }
            }
        }
        var hunkOfNew: [Int: Int] = [:]
        for (index, hunk) in hunks.enumerated() { for j in hunk.inserted { hunkOfNew[j] = index } }
        let candidateIndex = CandidateIndex(bags: newWords, members: hunks.flatMap(\.inserted).filter { movedFrom[$0] == nil })
        for (hunkIndex, hunk) in hunks.enumerated() {
            for i in hunk.deleted where !movedOld.contains(i) {
                var best: (Int, Double)? = nil
                for j in candidateIndex.candidates(for: oldWords[i]!) where movedFrom[j] == nil && hunkOfNew[j] != hunkIndex {
                    let score = oldWords[i]!.similarity(to: newWords[j]!)
                    if score >= DocumentComparison.moveThreshold, score > (best?.1 ?? 0) { best = (j, score) }
                }
                if let (j, _) = best { movedFrom[j] = i; movedOld.insert(i) }
            }
        }

        var result: [SentenceChange] = []
        for block in blocks {
            switch block {
            case let .equal(i, j):
                result.append(SentenceChange(operation: .equal, old: i..<(i + 1), new: j..<(j + 1), words: [], editKind: nil, similarity: nil))
            case let .hunk(index):
                let hunk = hunks[index]
                result.append(contentsOf: resolve(Hunk(deleted: hunk.deleted.filter { !movedOld.contains($0) },
                                                       inserted: hunk.inserted), movedFrom: movedFrom))
            }
        }
        return result
    }

    /// Pairs edited sentences inside one hunk and orders its changes.
    func resolve(_ hunk: Hunk, movedFrom: [Int: Int]) -> [SentenceChange] {
        let inserted = hunk.inserted.filter { movedFrom[$0] == nil }
        let deleted = hunk.deleted
        // Score candidate pairs; large hunks only look at pairs sharing rare words.
        var scored: [(d: Int, i: Int, score: Double)] = []
        if deleted.count * inserted.count <= 4_096 {
            for (dIndex, d) in deleted.enumerated() {
                for (iIndex, i) in inserted.enumerated() {
                    let score = oldWords[d]!.editScore(to: newWords[i]!, threshold: DocumentComparison.pairingThreshold)
                    if score >= DocumentComparison.pairingThreshold { scored.append((dIndex, iIndex, score)) }
                }
            }
        } else {
            let index = CandidateIndex(bags: newWords, members: inserted)
            let position = Dictionary(uniqueKeysWithValues: inserted.enumerated().map { ($1, $0) })
            for (dIndex, d) in deleted.enumerated() {
                for i in index.candidates(for: oldWords[d]!) {
                    let score = oldWords[d]!.editScore(to: newWords[i]!, threshold: DocumentComparison.pairingThreshold)
                    if score >= DocumentComparison.pairingThreshold { scored.append((dIndex, position[i]!, score)) }
                }
            }
        }
        // Greedy by score, keeping pairs in order on both sides.
        scored.sort { $0.score != $1.score ? $0.score > $1.score : ($0.d, $0.i) < ($1.d, $1.i) }
        var pairs: [(d: Int, i: Int)] = []
        for candidate in scored {
            let crosses = pairs.contains { ($0.d - candidate.d) * ($0.i - candidate.i) <= 0 }
            if !crosses { pairs.append((candidate.d, candidate.i)) }
        }
        pairs.sort { $0.d < $1.d }

        // Splits and merges: extend a pair over an adjacent unpaired sentence
        // when the joined text matches the other side clearly better.
        var pairedD = Set(pairs.map(\.d)), pairedI = Set(pairs.map(\.i))
        var extended: [(d: Range<Int>, i: Range<Int>)] = []
        for pair in pairs {
            var dRange = pair.d..<(pair.d + 1), iRange = pair.i..<(pair.i + 1)
            var score = oldWords[deleted[pair.d]]!.similarity(to: newWords[inserted[pair.i]]!)
            func joinedScore(_ ds: Range<Int>, _ is_: Range<Int>) -> Double {
                WordBag(merging: ds.map { oldWords[deleted[$0]]! }).similarity(to: WordBag(merging: is_.map { newWords[inserted[$0]]! }))
            }
            // Only sentences adjacent in the text itself, not merely in the hunk.
            while iRange.upperBound < inserted.count, !pairedI.contains(iRange.upperBound),
                  inserted[iRange.upperBound] == inserted[iRange.upperBound - 1] + 1 {
                let candidate = joinedScore(dRange, iRange.lowerBound..<(iRange.upperBound + 1))
                guard candidate > score + 0.05 else { break }
                score = candidate; pairedI.insert(iRange.upperBound); iRange = iRange.lowerBound..<(iRange.upperBound + 1)
            }
            while dRange.upperBound < deleted.count, !pairedD.contains(dRange.upperBound),
                  deleted[dRange.upperBound] == deleted[dRange.upperBound - 1] + 1 {
                let candidate = joinedScore(dRange.lowerBound..<(dRange.upperBound + 1), iRange)
                guard candidate > score + 0.05 else { break }
                score = candidate; pairedD.insert(dRange.upperBound); dRange = dRange.lowerBound..<(dRange.upperBound + 1)
            }
            while iRange.lowerBound > 0, !pairedI.contains(iRange.lowerBound - 1),
                  inserted[iRange.lowerBound - 1] == inserted[iRange.lowerBound] - 1,
                  extended.last.map({ $0.i.upperBound < iRange.lowerBound }) ?? true {
                let candidate = joinedScore(dRange, (iRange.lowerBound - 1)..<iRange.upperBound)
                guard candidate > score + 0.05 else { break }
                score = candidate; pairedI.insert(iRange.lowerBound - 1); iRange = (iRange.lowerBound - 1)..<iRange.upperBound
            }
            while dRange.lowerBound > 0, !pairedD.contains(dRange.lowerBound - 1),
                  deleted[dRange.lowerBound - 1] == deleted[dRange.lowerBound] - 1,
                  extended.last.map({ $0.d.upperBound < dRange.lowerBound }) ?? true {
                let candidate = joinedScore((dRange.lowerBound - 1)..<dRange.upperBound, iRange)
                guard candidate > score + 0.05 else { break }
                score = candidate; pairedD.insert(dRange.lowerBound - 1); dRange = (dRange.lowerBound - 1)..<dRange.upperBound
            }
            extended.append((dRange, iRange))
        }

        var result: [SentenceChange] = []
        var nextD = 0, nextI = 0
        func flush(untilD: Int, untilI: Int) {
            while nextD < untilD {
                if !pairedD.contains(nextD) {
                    let d = deleted[nextD]
                    result.append(SentenceChange(operation: .delete, old: d..<(d + 1), new: nil, words: [], editKind: nil, similarity: nil))
                }
                nextD += 1
            }
            while nextI < untilI {
                if !pairedI.contains(nextI) { result.append(insertion(inserted[nextI], movedFrom: movedFrom)) }
                nextI += 1
            }
        }
        for pair in extended {
            flush(untilD: pair.d.lowerBound, untilI: pair.i.lowerBound)
            let oldRange = deleted[pair.d.lowerBound]..<(deleted[pair.d.upperBound - 1] + 1)
            let newRange = inserted[pair.i.lowerBound]..<(inserted[pair.i.upperBound - 1] + 1)
            result.append(modification(.modify, oldRange, newRange))
            nextD = pair.d.upperBound
            nextI = pair.i.upperBound
        }
        flush(untilD: deleted.count, untilI: inserted.count)
        // Moved-in sentences of this hunk keep their place in the new text.
        let moves = hunk.inserted.filter { movedFrom[$0] != nil }
        if !moves.isEmpty {
            for j in moves { result.append(insertion(j, movedFrom: movedFrom)) }
            result.sort { ($0.new?.lowerBound ?? -1, $0.old?.lowerBound ?? -1) < ($1.new?.lowerBound ?? -1, $1.old?.lowerBound ?? -1) }
            result = stableDeletesFirst(result)
        }
        return result
    }

    /// After sorting by new position, deletions (no new position) sort first;
    /// keep them there, in old order.
    private func stableDeletesFirst(_ changes: [SentenceChange]) -> [SentenceChange] {
        changes.filter { $0.new == nil } + changes.filter { $0.new != nil }
    }

    private func insertion(_ j: Int, movedFrom: [Int: Int]) -> SentenceChange {
        if let i = movedFrom[j] {
            return modification(.move, i..<(i + 1), j..<(j + 1))
        }
        return SentenceChange(operation: .insert, old: nil, new: j..<(j + 1), words: [], editKind: nil, similarity: nil)
    }

    private func modification(_ operation: SentenceChange.Operation, _ oldRange: Range<Int>, _ newRange: Range<Int>) -> SentenceChange {
        let oldText = oldRange.map { old.sentences[$0].text }.joined(separator: " ")
        let newText = newRange.map { new.sentences[$0].text }.joined(separator: " ")
        let identical = Whitespace.collapse(oldText) == Whitespace.collapse(newText)
        let similarity = WordBag(merging: oldRange.map { oldWords[$0] ?? WordBag(old.sentences[$0].text) }).similarity(to: WordBag(merging: newRange.map { newWords[$0] ?? WordBag(new.sentences[$0].text) }))
        return SentenceChange(operation: operation, old: oldRange, new: newRange,
                              words: identical ? [] : WordDiff.compare(oldText, newText),
                              editKind: identical ? nil : EditKind.classify(old: oldText, new: newText),
                              similarity: similarity)
    }
}
