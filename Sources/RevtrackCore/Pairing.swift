import RevtrackDiff
import RevtrackText

/// The work behind `DocumentComparison`: Myers on interned sentences, then
/// exact moves, pairing of edited sentences inside each changed region,
/// near-identical moves, and the word-level look at every edited pair.
///
/// It reads both texts' UTF-8 in place (the buffers are borrowed for the
/// value's lifetime) and keeps per-sentence state in arrays indexed by
/// sentence, so that a 10 MB comparison builds no string per sentence or word
/// and hashes no dictionary key in its hot loops. Tokenizing changed sentences
/// and comparing edited pairs run on all cores.
///
/// `@unchecked Sendable`: the byte buffers are borrowed read-only for the
/// value's lifetime and never written; the only mutable state (`oldWords`,
/// `newWords`) is set on the calling thread between parallel phases, and the
/// parallel closures work on a copy of the value taken after that.
struct Pairing: @unchecked Sendable {
    let old: SegmentedText
    let new: SegmentedText
    let oldBytes: UnsafeBufferPointer<UInt8>
    let newBytes: UnsafeBufferPointer<UInt8>
    let wordLevel: Bool
    /// The sentence hash interning starts from; tests pass a poor one to
    /// check that a collision changes nothing.
    var sentenceHash: SentenceInterning.Hash = SentenceInterning.hash
    /// Tokens and word bags of the removed and added sentences only:
    /// tokenizing every unchanged sentence would cost more than the whole diff.
    private(set) var oldWords = PreparedWords()
    private(set) var newWords = PreparedWords()

    init(old: SegmentedText, oldBytes: UnsafeBufferPointer<UInt8>, new: SegmentedText,
         newBytes: UnsafeBufferPointer<UInt8>, wordLevel: Bool) {
        self.old = old
        self.new = new
        self.oldBytes = oldBytes
        self.newBytes = newBytes
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
        changes(exact: false) ?? changes(exact: true)!
    }

    /// Sentences told apart by hash alone unless `exact`: then every pair
    /// taken as identical (kept in place or moved) is checked byte for byte,
    /// and nil says a check failed, two different sentences sharing a hash.
    private mutating func changes(exact: Bool) -> [SentenceChange]? {
        let (a, b, symbolCount) = SentenceInterning.intern(old, oldBytes, new, newBytes, exact: exact, hashing: sentenceHash)
        let script = Difference.script(fromInterned: a, to: b, symbolCount: symbolCount)
        func identical(_ i: Int, _ j: Int) -> Bool {
            exact || SentenceInterning.equal(oldBytes, old.sentences[i].utf8Range, newBytes, new.sentences[j].utf8Range)
        }

        var blocks: [Block] = []
        blocks.reserveCapacity(max(a.count, b.count))
        var hunks: [Hunk] = []
        for run in script.runs {
            switch run.operation {
            case .equal:
                for offset in 0..<run.old.count {
                    guard identical(run.old.lowerBound + offset, run.new.lowerBound + offset) else { return nil }
                    blocks.append(.equal(old: run.old.lowerBound + offset, new: run.new.lowerBound + offset))
                }
            case .delete, .insert:
                if case .hunk = blocks.last {} else { hunks.append(Hunk()); blocks.append(.hunk(hunks.count - 1)) }
                if run.operation == .delete { hunks[hunks.count - 1].deleted.append(contentsOf: run.old) }
                else { hunks[hunks.count - 1].inserted.append(contentsOf: run.new) }
            }
        }

        // 1. Exact moves: a removed sentence that reappears, identical, elsewhere.
        guard var (movedFrom, movedOld) = Self.exactMoves(hunks, a, b, symbolCount: symbolCount, identical: identical) else { return nil }

        // 2. Edited sentences, paired inside each hunk.
        let removed = hunks.flatMap { $0.deleted.filter { !movedOld[$0] } }
        let added = hunks.flatMap { $0.inserted.filter { movedFrom[$0] < 0 } }
        oldWords = prepare(removed, of: old, oldBytes)
        newWords = prepare(added, of: new, newBytes)
        let (exactOld, exactFrom, fixedHunks, pairing) = (movedOld, movedFrom, hunks, self)
        let hunkPairs = Parallel.map(hunks.count, grain: 64) { index in
            pairing.pairs(deleted: fixedHunks[index].deleted.filter { !exactOld[$0] },
                          inserted: fixedHunks[index].inserted.filter { exactFrom[$0] < 0 })
        }
        for index in hunks.indices { hunks[index].pairs = hunkPairs[index] }

        // 3. Near-identical moves among what is left unpaired.
        var pairedOld = [Bool](repeating: false, count: a.count), pairedNew = [Bool](repeating: false, count: b.count)
        for hunk in hunks {
            for pair in hunk.pairs {
                for i in pair.old { pairedOld[i] = true }
                for j in pair.new { pairedNew[j] = true }
            }
        }
        nearMoves(removed: removed.filter { !pairedOld[$0] }, added: added.filter { !pairedNew[$0] },
                  movedFrom: &movedFrom, movedOld: &movedOld)

        // 4. Reading order; edited and moved sentences are compared afterwards, on all cores.
        var result: [SentenceChange] = []
        result.reserveCapacity(a.count + b.count)      // an upper bound: never grown, never copied
        var pending: [(position: Int, operation: SentenceChange.Operation, old: Range<Int>, new: Range<Int>)] = []
        for block in blocks {
            switch block {
            case let .equal(i, j):
                result.append(SentenceChange(operation: .equal, old: i..<(i + 1), new: j..<(j + 1)))
            case let .hunk(index):
                emit(hunks[index], movedOld: movedOld, pairedOld: pairedOld, pairedNew: pairedNew, movedFrom: movedFrom) { operation, old, new in
                    if operation == .modify || operation == .move {
                        pending.append((result.count, operation, old!, new!))
                    }
                    result.append(SentenceChange(operation: operation, old: old, new: new))
                }
            }
        }
        let (work, finished) = (pending, self)
        let compared = Parallel.map(work.count, grain: 64) { k in
            finished.modification(work[k].operation, work[k].old, work[k].new)
        }
        for (k, item) in pending.enumerated() { result[item.position] = compared[k] }
        Self.fewestMoves(&result)
        return result
    }

    /// Tokens and bags of the given sentences, found by sentence index.
    private func prepare(_ indices: [Int], of text: SegmentedText, _ bytes: UnsafeBufferPointer<UInt8>) -> PreparedWords {
        let sentences = text.sentences
        // Read-only for the duration of the call, which borrows it.
        nonisolated(unsafe) let bytes = bytes
        let computed = Parallel.map(indices.count) { k in
            SentenceWords(UnsafeBufferPointer(rebasing: bytes[sentences[indices[k]].utf8Range]))
        }
        return PreparedWords(computed, of: indices, sentenceCount: sentences.count)
    }

    private func pairs(deleted: [Int], inserted: [Int]) -> [(old: Range<Int>, new: Range<Int>)] {
        guard !deleted.isEmpty, !inserted.isEmpty else { return [] }
        let threshold = DocumentComparison.pairingThreshold
        func bag(old index: Int) -> WordBag { oldWords[deleted[index]]!.bag }
        func bag(new index: Int) -> WordBag { newWords[inserted[index]]!.bag }
        var scored: [(d: Int, i: Int, score: Double)] = []
        if deleted.count * inserted.count <= 4_096 {
            for d in deleted.indices {
                for i in inserted.indices {
                    if let score = bag(old: d).editScore(to: bag(new: i), threshold: threshold) { scored.append((d, i, score)) }
                }
            }
        } else {
            // Large hunks only look at pairs sharing rare words.
            let index = CandidateIndex(words: newWords, members: inserted)
            var position = [Int: Int](minimumCapacity: inserted.count)
            for (k, j) in inserted.enumerated() { position[j] = k }
            for d in deleted.indices {
                for j in index.candidates(for: bag(old: d)) {
                    if let score = bag(old: d).editScore(to: newWords[j]!.bag, threshold: threshold) {
                        scored.append((d, position[j]!, score))
                    }
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
            var score = bag(old: pair.d).similarity(to: bag(new: pair.i))
            func joinedScore(_ ds: Range<Int>, _ iset: Range<Int>) -> Double {
                WordBag(merging: ds.map { bag(old: $0) }).similarity(to: WordBag(merging: iset.map { bag(new: $0) }))
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
    /// in the new one. Edits and moves are emitted bare and compared later.
    private func emit(_ hunk: Hunk, movedOld: [Bool], pairedOld: [Bool], pairedNew: [Bool], movedFrom: [Int],
                      _ append: (SentenceChange.Operation, Range<Int>?, Range<Int>?) -> Void) {
        let deleted = hunk.deleted.filter { !movedOld[$0] && !pairedOld[$0] }
        var deletedCursor = 0
        var pairCursor = 0
        func flushDeletions(before oldIndex: Int) {
            while deletedCursor < deleted.count && deleted[deletedCursor] < oldIndex {
                let i = deleted[deletedCursor]
                append(.delete, i..<(i + 1), nil)
                deletedCursor += 1
            }
        }
        for j in hunk.inserted {
            if pairCursor < hunk.pairs.count, hunk.pairs[pairCursor].new.lowerBound == j {
                let pair = hunk.pairs[pairCursor]
                flushDeletions(before: pair.old.lowerBound)
                append(.modify, pair.old, pair.new)
                pairCursor += 1
            } else if pairedNew[j] {
                continue
            } else {
                // Removals that precede the next edited sentence read first, as in diff(1).
                flushDeletions(before: pairCursor < hunk.pairs.count ? hunk.pairs[pairCursor].old.lowerBound : Int.max)
                if movedFrom[j] >= 0 {
                    append(.move, movedFrom[j]..<(movedFrom[j] + 1), j..<(j + 1))
                } else {
                    append(.insert, nil, j..<(j + 1))
                }
            }
        }
        flushDeletions(before: Int.max)
    }

    /// An edited or moved sentence (or a split or merge) compared word by word.
    /// Called from several threads at once: reads only.
    private func modification(_ operation: SentenceChange.Operation, _ oldRange: Range<Int>, _ newRange: Range<Int>) -> SentenceChange {
        piece(oldRange, of: old, oldBytes, oldWords) { oldPiece, oldTokens in
            piece(newRange, of: new, newBytes, newWords) { newPiece, newTokens in
                if Self.sameText(oldPiece, newPiece) {
                    return SentenceChange(operation: operation, old: oldRange, new: newRange, similarity: 1)
                }
                let oldTokens = oldTokens ?? SentenceWords(oldPiece), newTokens = newTokens ?? SentenceWords(newPiece)
                return SentenceChange(operation: operation, old: oldRange, new: newRange,
                                      words: wordLevel ? WordDiff.compare(oldPiece, oldTokens.spans, newPiece, newTokens.spans) : [],
                                      editKind: EditKind.classify(oldPiece, oldTokens, newPiece, newTokens),
                                      similarity: oldTokens.bag.similarity(to: newTokens.bag))
            }
        }
    }

    /// The bytes of one sentence in place (with its tokens when prepared), or
    /// of several joined by a space.
    private func piece<R>(_ range: Range<Int>, of text: SegmentedText, _ bytes: UnsafeBufferPointer<UInt8>,
                          _ words: PreparedWords, _ body: (UnsafeBufferPointer<UInt8>, SentenceWords?) -> R) -> R {
        if range.count == 1 {
            return body(UnsafeBufferPointer(rebasing: bytes[text.sentences[range.lowerBound].utf8Range]), words[range.lowerBound])
        }
        let joined = Array(range.map { bytes[text.sentences[$0].utf8Range] }.joined(separator: [0x20]))
        return joined.withUnsafeBufferPointer { body($0, nil) }
    }

    /// Equal after whitespace normalization; for text beyond ASCII, also when
    /// Unicode calls the two canonically equivalent (composed or not).
    private static func sameText(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if SentenceInterning.equal(a, 0..<a.count, b, 0..<b.count) { return true }
        guard a.contains(where: { $0 >= 0x80 }) || b.contains(where: { $0 >= 0x80 }) else { return false }
        return Whitespace.collapse(String(decoding: a, as: UTF8.self)) == Whitespace.collapse(String(decoding: b, as: UTF8.self))
    }
}
