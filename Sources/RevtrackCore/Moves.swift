import RevtrackText

/// Moves: sentences that left one place and reappear in another, identical
/// or nearly so, and the choice of which sentences to call moved at all.
extension Pairing {
    /// A removed sentence that reappears, identical, elsewhere is moved to the
    /// earliest such insertion (a queue of insertions per sentence id).
    /// Returns nil when a pair taken as identical by hash is not, byte for byte.
    /// - Complexity: O(n) in the number of sentences.
    static func exactMoves(_ hunks: [Hunk], _ a: [Int32], _ b: [Int32], symbolCount: Int,
                           identical: (Int, Int) -> Bool) -> (movedFrom: [Int], movedOld: [Bool])? {
        var movedFrom = [Int](repeating: -1, count: b.count)        // new index → old index
        var movedOld = [Bool](repeating: false, count: a.count)
        var queueHead = [Int](repeating: -1, count: symbolCount)
        var queueNext = [Int](repeating: -1, count: b.count)
        for hunk in hunks.reversed() {
            for j in hunk.inserted.reversed() { queueNext[j] = queueHead[Int(b[j])]; queueHead[Int(b[j])] = j }
        }
        for hunk in hunks {
            for i in hunk.deleted {
                let j = queueHead[Int(a[i])]
                guard j >= 0 else { continue }
                guard identical(i, j) else { return nil }
                queueHead[Int(a[i])] = queueNext[j]
                movedFrom[j] = i
                movedOld[i] = true
            }
        }
        return (movedFrom, movedOld)
    }

    /// Near-identical moves among the removed and added sentences left
    /// unpaired: each removed sentence's candidates scored on all cores, then
    /// claimed in reading order by the best score.
    func nearMoves(removed leftoverOld: [Int], added leftoverNew: [Int], movedFrom: inout [Int], movedOld: inout [Bool]) {
        let candidateIndex = CandidateIndex(words: newWords, members: leftoverNew)
        let options = Parallel.map(leftoverOld.count, grain: 64) { k -> [(Int, Double)] in
            let bag = oldWords[leftoverOld[k]]!.bag
            return candidateIndex.candidates(for: bag).compactMap { j in
                bag.isMove(of: newWords[j]!.bag, threshold: DocumentComparison.moveThreshold).map { (j, $0) }
            }
        }
        for (k, i) in leftoverOld.enumerated() {
            var best: (Int, Double)? = nil
            for (j, score) in options[k] where movedFrom[j] < 0 && score > (best?.1 ?? 0) { best = (j, score) }
            if let (j, _) = best { movedFrom[j] = i; movedOld[i] = true }
        }
    }

    /// Myers keeps the longest run of *identical* sentences in order, so when one
    /// paragraph moves past several edited ones, the edited ones can come out as
    /// "moved". Readers expect the fewest moves: keep in place the heaviest chain
    /// of correspondences whose old positions increase in reading order
    /// (identical sentences weigh more than edited ones), and call moves only
    /// what falls outside it.
    static func fewestMoves(_ changes: inout [SentenceChange]) {
        guard changes.contains(where: { $0.operation == .move }) else { return }
        // Flat copies of what the chain needs: where each matched change stood
        // in the old text and whether it is identical.
        var matched: [Int32] = [], position: [Int32] = [], identical: [Bool] = []
        matched.reserveCapacity(changes.count); position.reserveCapacity(changes.count); identical.reserveCapacity(changes.count)
        var size = 1
        for index in changes.indices {
            guard let old = changes[index].old, changes[index].new != nil else { continue }
            matched.append(Int32(index))
            position.append(Int32(old.lowerBound))
            identical.append(changes[index].words.isEmpty && changes[index].editKind == nil)
            size = max(size, old.lowerBound + 1)
        }
        // Fenwick tree over old positions: best chain weight ending at or before a position.
        var treeWeight = [Int32](repeating: 0, count: size + 1)
        var treeIndex = [Int32](repeating: -1, count: size + 1)
        var previous = [Int32](repeating: -1, count: matched.count)
        var chainWeight = [Int32](repeating: 0, count: matched.count)
        var best = -1
        for k in matched.indices {
            // The best chain over positions strictly before this one.
            var bestWeight: Int32 = 0, bestIndex: Int32 = -1
            var i = Int(position[k])
            while i > 0 {
                if treeWeight[i] > bestWeight { bestWeight = treeWeight[i]; bestIndex = treeIndex[i] }
                i -= i & -i
            }
            let weight = bestWeight + (identical[k] ? 3 : 2)
            chainWeight[k] = weight
            previous[k] = bestIndex
            if best < 0 || weight > chainWeight[best] { best = k }
            i = Int(position[k]) + 1
            while i <= size {
                if weight > treeWeight[i] { treeWeight[i] = weight; treeIndex[i] = Int32(k) }
                i += i & -i
            }
        }
        var inChain = [Bool](repeating: false, count: matched.count)
        var cursor = best
        while cursor >= 0 { inChain[cursor] = true; cursor = Int(previous[cursor]) }
        for k in matched.indices {
            let index = Int(matched[k])
            let operation: SentenceChange.Operation = inChain[k] ? (identical[k] ? .equal : .modify) : .move
            guard operation != changes[index].operation else { continue }
            let change = changes[index]
            changes[index] = SentenceChange(operation: operation, old: change.old, new: change.new, words: change.words,
                                            editKind: change.editKind, similarity: operation == .equal ? nil : change.similarity ?? 1)
        }
    }

    /// Pairs edited sentences of one hunk: greedy by score, in order on both
    /// sides, then extended over adjacent sentences for splits and merges.
}
