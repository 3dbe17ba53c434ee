/// Eugene W. Myers, "An O(ND) Difference Algorithm and Its Variations",
/// Algorithmica 1 (1986): the linear-space, divide-and-conquer variant.
///
/// Elements are interned to integers first, so the inner loop compares
/// integers in contiguous buffers whatever the element type; elements that
/// occur on one side only are set aside before the search, since they can
/// never be part of a common subsequence (GNU diff's "discard" step, which
/// keeps the result minimal).
public enum Difference {
    /// Compares two sequences.
    ///
    /// - Parameters:
    ///   - old: The earlier sequence.
    ///   - new: The later sequence.
    ///   - costLimit: When set, the search for one split point gives up after
    ///     this many edit steps and splits at the furthest-reaching point, as
    ///     git's xdiff does. The script stays correct; `isMinimal` turns false
    ///     if the limit was hit. Nil (the default) always finds a minimal script.
    /// - Returns: An edit script turning `old` into `new`.
    /// - Complexity: O((N + M) · D) time and O(N + M) space, where D is the
    ///   size of the minimal script; with a cost limit L, roughly O((N + M) · L).
    public static func script<C: Collection>(from old: C, to new: C, costLimit: Int? = nil) -> EditScript
        where C.Element: Hashable
    {
        if let oldStrings = old as? [String], let newStrings = new as? [String] {
            var interner = StringInterner(capacity: old.count + new.count)
            let a = interner.intern(oldStrings)
            let b = interner.intern(newStrings)
            return script(fromInterned: a, to: b, symbolCount: interner.count, costLimit: costLimit)
        }
        var interner = Interner<C.Element>(capacity: old.count + new.count)
        let a = interner.intern(old)
        let b = interner.intern(new)
        return script(fromInterned: a, to: b, symbolCount: interner.count, costLimit: costLimit)
    }

    /// Compares sequences already interned to small non-negative integers
    /// (`0..<symbolCount`), for callers that intern once and diff often.
    public static func script(fromInterned a: [Int32], to b: [Int32], symbolCount: Int,
                              costLimit: Int? = nil) -> EditScript
    {
        var deleted = [Bool](repeating: false, count: a.count)
        var inserted = [Bool](repeating: false, count: b.count)

        // Trim the common prefix and suffix first: most revisions change little.
        var start = 0
        while start < a.count && start < b.count && a[start] == b[start] { start += 1 }
        var endA = a.count, endB = b.count
        while endA > start && endB > start && a[endA - 1] == b[endB - 1] { endA -= 1; endB -= 1 }

        // Set aside elements without a partner on the other side.
        var inA = [Int32](repeating: 0, count: symbolCount)
        var inB = [Int32](repeating: 0, count: symbolCount)
        for index in start..<endA { inA[Int(a[index])] &+= 1 }
        for index in start..<endB { inB[Int(b[index])] &+= 1 }
        var reducedA: [Int32] = [], mapA: [Int] = []
        var reducedB: [Int32] = [], mapB: [Int] = []
        reducedA.reserveCapacity(endA - start); mapA.reserveCapacity(endA - start)
        reducedB.reserveCapacity(endB - start); mapB.reserveCapacity(endB - start)
        for index in start..<endA {
            if inB[Int(a[index])] == 0 { deleted[index] = true } else { reducedA.append(a[index]); mapA.append(index) }
        }
        for index in start..<endB {
            if inA[Int(b[index])] == 0 { inserted[index] = true } else { reducedB.append(b[index]); mapB.append(index) }
        }

        let search = MiddleSnakeSearch(a: reducedA, b: reducedB, costLimit: costLimit)
        if costLimit != nil {
            // Approximate mode: anchor on elements that occur exactly once on
            // each side and in the same order (the longest increasing run of
            // them, as patience diff does), then search the gaps between anchors.
            search.run(anchors: uniqueAnchors(reducedA, reducedB, symbolCount: symbolCount))
        } else {
            search.run()
        }
        for (reduced, original) in mapA.enumerated() where search.deleted[reduced] { deleted[original] = true }
        for (reduced, original) in mapB.enumerated() where search.inserted[reduced] { inserted[original] = true }
        return EditScript(deleted: deleted, inserted: inserted, isMinimal: !search.limitWasHit && !search.usedAnchors)
    }

    /// Pairs (i, j) of elements unique on both sides, the longest chain of them
    /// increasing in both i and j (patience sorting, O(n log n)).
    static func uniqueAnchors(_ a: [Int32], _ b: [Int32], symbolCount: Int) -> [(Int, Int)] {
        var countA = [UInt8](repeating: 0, count: symbolCount), countB = countA
        var positionB = [Int32](repeating: -1, count: symbolCount)
        for symbol in a { let s = Int(symbol); if countA[s] < 2 { countA[s] += 1 } }
        for (j, symbol) in b.enumerated() { let s = Int(symbol); if countB[s] < 2 { countB[s] += 1 }; positionB[s] = Int32(j) }
        var candidates: [(Int, Int)] = []
        for (i, symbol) in a.enumerated() {
            let s = Int(symbol)
            if countA[s] == 1 && countB[s] == 1 { candidates.append((i, Int(positionB[s]))) }
        }
        guard !candidates.isEmpty else { return [] }
        // Longest increasing subsequence on j.
        var tails: [Int] = []              // index into candidates of the smallest tail of each length
        var previous = [Int](repeating: -1, count: candidates.count)
        for (index, candidate) in candidates.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if candidates[tails[mid]].1 < candidate.1 { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var chain: [(Int, Int)] = []
        var cursor = tails.last ?? -1
        while cursor >= 0 { chain.append(candidates[cursor]); cursor = previous[cursor] }
        return chain.reversed()
    }
}
