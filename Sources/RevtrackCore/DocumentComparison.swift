import Dispatch
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

    /// The changes with cosmetic edits (white space, punctuation, case, quote
    /// style) turned into `equal`: what `--ignore-cosmetic` shows and counts.
    public func ignoringCosmetic() -> DocumentComparison {
        DocumentComparison(old: old, new: new, changes: changes.map { change in
            guard change.operation == .modify, change.editKind == .cosmetic else { return change }
            return SentenceChange(operation: .equal, old: change.old, new: change.new)
        })
    }

    private init(old: SegmentedText, new: SegmentedText, changes: [SentenceChange]) {
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

    /// Which new sentences each old sentence became (kept, edited or moved):
    /// what lets facts be followed through a revision by where they stand, not
    /// only by what they say.
    public var alignment: [Int: [Int]] {
        var alignment: [Int: [Int]] = [:]
        for change in changes {
            guard let old = change.old, let new = change.new else { continue }
            for index in old { alignment[index, default: []].append(contentsOf: new) }
        }
        return alignment
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
        var pairing = Pairing(old: old, new: new, wordLevel: wordLevel)
        self.changes = pairing.changes()
    }

    /// The word similarity pairing uses (Dice coefficient on lowercased words).
    public static func similarity(_ a: String, _ b: String) -> Double {
        var vocabulary = Vocabulary()
        return WordBag(WordTokenizer.tokenize(a), vocabulary: &vocabulary)
            .similarity(to: WordBag(WordTokenizer.tokenize(b), vocabulary: &vocabulary))
    }

    /// Both sides segmented; large texts on two cores at once.
    public static func segment(_ oldText: String, _ newText: String) -> (SegmentedText, SegmentedText) {
        guard oldText.utf8.count + newText.utf8.count > 256 * 1024 else {
            return (SentenceSegmenter.segment(oldText), SentenceSegmenter.segment(newText))
        }
        let texts = [oldText, newText]
        var results: [SegmentedText?] = [nil, nil]
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                slots[index] = SentenceSegmenter.segment(texts[index])
            }
        }
        return (results[0]!, results[1]!)
    }
}

// MARK: - Pairing

/// The work behind `DocumentComparison`: one value per comparison.
private struct Pairing {
    let old: SegmentedText
    let new: SegmentedText
    /// Tokens and word bags of the removed and added sentences only:
    /// tokenizing every unchanged sentence would cost more than the whole diff.
    var oldTokens: [Int: [WordToken]] = [:]
    var newTokens: [Int: [WordToken]] = [:]
    var oldWords: [Int: WordBag] = [:]
    var newWords: [Int: WordBag] = [:]
    var vocabulary = Vocabulary()

    let wordLevel: Bool

    init(old: SegmentedText, new: SegmentedText, wordLevel: Bool) {
        self.old = old
        self.new = new
        self.wordLevel = wordLevel
    }

    /// A changed region between two runs of equal sentences.
    struct Hunk {
        var deleted: [Int] = []
        var inserted: [Int] = []
        /// Edited sentences: old and new sentence ranges (more than one for splits and merges).
        var pairs: [(old: Range<Int>, new: Range<Int>)] = []
    }

    enum Block {
        case equal(old: Int, new: Int)
        case hunk(Int)
    }

    mutating func changes() -> [SentenceChange] {
        let (a, b, symbolCount) = SentenceInterning.intern(old, new)
        let script = Difference.script(fromInterned: a, to: b, symbolCount: symbolCount)

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

        // 1. Exact moves: a removed sentence that reappears, identical, elsewhere.
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

        // 2. Edited sentences, paired inside each hunk.
        for hunk in hunks {
            for i in hunk.deleted where !movedOld.contains(i) { prepareOld(i) }
            for j in hunk.inserted where movedFrom[j] == nil { prepareNew(j) }
        }
        for index in hunks.indices {
            hunks[index].pairs = pairs(deleted: hunks[index].deleted.filter { !movedOld.contains($0) },
                                       inserted: hunks[index].inserted.filter { movedFrom[$0] == nil })
        }

        // 3. Near-identical moves among what is left unpaired.
        var pairedOld = Set<Int>(), pairedNew = Set<Int>()
        for hunk in hunks {
            for pair in hunk.pairs { pairedOld.formUnion(pair.old); pairedNew.formUnion(pair.new) }
        }
        let leftoverNew = hunks.flatMap(\.inserted).filter { movedFrom[$0] == nil && !pairedNew.contains($0) }
        let candidateIndex = CandidateIndex(bags: newWords, members: leftoverNew)
        for hunk in hunks {
            for i in hunk.deleted where !movedOld.contains(i) && !pairedOld.contains(i) {
                var best: (Int, Double)? = nil
                for j in candidateIndex.candidates(for: oldWords[i]!) where movedFrom[j] == nil {
                    if let score = oldWords[i]!.isMove(of: newWords[j]!, threshold: DocumentComparison.moveThreshold),
                       score > (best?.1 ?? 0) { best = (j, score) }
                }
                if let (j, _) = best { movedFrom[j] = i; movedOld.insert(i) }
            }
        }

        var result: [SentenceChange] = []
        result.reserveCapacity(max(a.count, b.count))
        for block in blocks {
            switch block {
            case let .equal(i, j):
                result.append(SentenceChange(operation: .equal, old: i..<(i + 1), new: j..<(j + 1)))
            case let .hunk(index):
                result.append(contentsOf: emit(hunks[index], movedOld: movedOld, movedFrom: movedFrom))
            }
        }
        return Self.fewestMoves(result)
    }

    /// Myers keeps the longest run of *identical* sentences in order, so when one
    /// paragraph moves past several edited ones, the edited ones can come out as
    /// "moved". Readers expect the fewest moves: keep in place the heaviest chain
    /// of correspondences whose old positions increase in reading order
    /// (identical sentences weigh more than edited ones), and call moves only
    /// what falls outside it.
    static func fewestMoves(_ changes: [SentenceChange]) -> [SentenceChange] {
        let matched = changes.indices.filter { changes[$0].old != nil && changes[$0].new != nil }
        guard matched.contains(where: { changes[$0].operation == .move }) else { return changes }
        let size = (matched.map { changes[$0].old!.lowerBound }.max() ?? 0) + 1
        // Fenwick tree over old positions: best chain weight ending at or before a position.
        var tree = [(weight: Int, index: Int)](repeating: (0, -1), count: size + 1)
        var previous = [Int](repeating: -1, count: matched.count)
        var chainWeight = [Int](repeating: 0, count: matched.count)
        func query(_ position: Int) -> (weight: Int, index: Int) {
            var best: (weight: Int, index: Int) = (0, -1)
            var i = position
            while i > 0 { if tree[i].weight > best.weight { best = tree[i] }; i -= i & -i }
            return best
        }
        func update(_ position: Int, _ value: (weight: Int, index: Int)) {
            var i = position
            while i <= size { if value.weight > tree[i].weight { tree[i] = value }; i += i & -i }
        }
        for (k, index) in matched.enumerated() {
            let change = changes[index]
            let identical = change.words.isEmpty && change.editKind == nil
            let before = query(change.old!.lowerBound)          // positions strictly before
            chainWeight[k] = before.weight + (identical ? 3 : 2)
            previous[k] = before.index
            update(change.old!.lowerBound + 1, (chainWeight[k], k))
        }
        var inChain = Set<Int>()
        var cursor = chainWeight.indices.max { chainWeight[$0] < chainWeight[$1] } ?? -1
        while cursor >= 0 { inChain.insert(matched[cursor]); cursor = previous[cursor] }
        return changes.enumerated().map { index, change in
            guard change.old != nil, change.new != nil else { return change }
            let identical = change.words.isEmpty && change.editKind == nil
            let operation: SentenceChange.Operation
            if inChain.contains(index) {
                operation = identical ? .equal : .modify
            } else {
                operation = .move
            }
            guard operation != change.operation else { return change }
            return SentenceChange(operation: operation, old: change.old, new: change.new, words: change.words,
                                  editKind: change.editKind, similarity: operation == .equal ? nil : change.similarity ?? 1)
        }
    }

    private mutating func prepareOld(_ i: Int) {
        let tokens = WordTokenizer.tokenize(old.sentences[i].text)
        oldTokens[i] = tokens
        oldWords[i] = WordBag(tokens, vocabulary: &vocabulary)
    }

    private mutating func prepareNew(_ j: Int) {
        let tokens = WordTokenizer.tokenize(new.sentences[j].text)
        newTokens[j] = tokens
        newWords[j] = WordBag(tokens, vocabulary: &vocabulary)
    }

    /// Pairs edited sentences of one hunk: greedy by score, in order on both
    /// sides, then extended over adjacent sentences for splits and merges.
    private func pairs(deleted: [Int], inserted: [Int]) -> [(old: Range<Int>, new: Range<Int>)] {
        guard !deleted.isEmpty, !inserted.isEmpty else { return [] }
        let threshold = DocumentComparison.pairingThreshold
        var scored: [(d: Int, i: Int, score: Double)] = []
        if deleted.count * inserted.count <= 4_096 {
            for (dIndex, d) in deleted.enumerated() {
                for (iIndex, i) in inserted.enumerated() {
                    let score = oldWords[d]!.editScore(to: newWords[i]!, threshold: threshold)
                    if score >= threshold { scored.append((dIndex, iIndex, score)) }
                }
            }
        } else {
            // Large hunks only look at pairs sharing rare words.
            let index = CandidateIndex(bags: newWords, members: inserted)
            let position = Dictionary(uniqueKeysWithValues: inserted.enumerated().map { ($1, $0) })
            for (dIndex, d) in deleted.enumerated() {
                for i in index.candidates(for: oldWords[d]!) {
                    let score = oldWords[d]!.editScore(to: newWords[i]!, threshold: threshold)
                    if score >= threshold { scored.append((dIndex, position[i]!, score)) }
                }
            }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : ($0.d, $0.i) < ($1.d, $1.i) }
        var chosen: [(d: Int, i: Int)] = []
        for candidate in scored {
            let crosses = chosen.contains { ($0.d - candidate.d) * ($0.i - candidate.i) <= 0 }
            if !crosses { chosen.append((candidate.d, candidate.i)) }
        }
        chosen.sort { $0.d < $1.d }

        var pairedD = Set(chosen.map(\.d)), pairedI = Set(chosen.map(\.i))
        var extended: [(d: Range<Int>, i: Range<Int>)] = []
        for pair in chosen {
            var dRange = pair.d..<(pair.d + 1), iRange = pair.i..<(pair.i + 1)
            var score = oldWords[deleted[pair.d]]!.similarity(to: newWords[inserted[pair.i]]!)
            func joinedScore(_ ds: Range<Int>, _ iset: Range<Int>) -> Double {
                WordBag(merging: ds.map { oldWords[deleted[$0]]! }).similarity(to: WordBag(merging: iset.map { newWords[inserted[$0]]! }))
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
        return extended.map { pair in
            (deleted[pair.d.lowerBound]..<(deleted[pair.d.upperBound - 1] + 1),
             inserted[pair.i.lowerBound]..<(inserted[pair.i.upperBound - 1] + 1))
        }
    }

    /// The changes of one hunk in reading order: deletions where they stood in
    /// the old text, insertions, edits and moved-in sentences where they stand
    /// in the new one.
    private func emit(_ hunk: Hunk, movedOld: Set<Int>, movedFrom: [Int: Int]) -> [SentenceChange] {
        var result: [SentenceChange] = []
        var pairedOld = Set<Int>(), pairedNew = Set<Int>()
        for pair in hunk.pairs { pairedOld.formUnion(pair.old); pairedNew.formUnion(pair.new) }
        let deleted = hunk.deleted.filter { !movedOld.contains($0) && !pairedOld.contains($0) }
        var deletedCursor = 0
        var pairCursor = 0
        func flushDeletions(before oldIndex: Int) {
            while deletedCursor < deleted.count && deleted[deletedCursor] < oldIndex {
                let i = deleted[deletedCursor]
                result.append(SentenceChange(operation: .delete, old: i..<(i + 1), new: nil))
                deletedCursor += 1
            }
        }
        for j in hunk.inserted {
            if pairCursor < hunk.pairs.count, hunk.pairs[pairCursor].new.lowerBound == j {
                let pair = hunk.pairs[pairCursor]
                flushDeletions(before: pair.old.lowerBound)
                result.append(modification(.modify, pair.old, pair.new))
                pairCursor += 1
            } else if pairedNew.contains(j) {
                continue
            } else {
                // Removals that precede the next edited sentence read first, as in diff(1).
                flushDeletions(before: pairCursor < hunk.pairs.count ? hunk.pairs[pairCursor].old.lowerBound : Int.max)
                if let i = movedFrom[j] {
                    result.append(modification(.move, i..<(i + 1), j..<(j + 1)))
                } else {
                    result.append(SentenceChange(operation: .insert, old: nil, new: j..<(j + 1)))
                }
            }
        }
        flushDeletions(before: Int.max)
        return result
    }

    private func modification(_ operation: SentenceChange.Operation, _ oldRange: Range<Int>, _ newRange: Range<Int>) -> SentenceChange {
        let oldText = oldRange.map { old.sentences[$0].text }.joined(separator: " ")
        let newText = newRange.map { new.sentences[$0].text }.joined(separator: " ")
        if Whitespace.collapse(oldText) == Whitespace.collapse(newText) {
            return SentenceChange(operation: operation, old: oldRange, new: newRange, similarity: 1)
        }
        // Single sentences reuse their tokens; joined ones are tokenized whole.
        let oldTokens = oldRange.count == 1 ? self.oldTokens[oldRange.lowerBound] ?? WordTokenizer.tokenize(oldText) : WordTokenizer.tokenize(oldText)
        let newTokens = newRange.count == 1 ? self.newTokens[newRange.lowerBound] ?? WordTokenizer.tokenize(newText) : WordTokenizer.tokenize(newText)
        var vocabulary = Vocabulary()
        let similarity = WordBag(oldTokens, vocabulary: &vocabulary).similarity(to: WordBag(newTokens, vocabulary: &vocabulary))
        return SentenceChange(operation: operation, old: oldRange, new: newRange,
                              words: wordLevel ? WordDiff.compare(oldText, newText, oldTokens: oldTokens, newTokens: newTokens) : [],
                              editKind: EditKind.classify(old: oldText, new: newText, oldTokens: oldTokens, newTokens: newTokens),
                              similarity: similarity)
    }
}
