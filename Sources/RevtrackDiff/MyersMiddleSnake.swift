/// The recursive core of Myers' linear-space algorithm on interned integers.
///
/// `forward[k]` and `backward[k]` hold the furthest x reached on diagonal
/// k = x − y by the forward and backward searches; diagonals range over
/// −(M + 1) … N + 1, so both arrays are offset by M + 1. The names follow the
/// paper; the bookkeeping of the diagonal bounds follows xdiff's `xdl_split`.
///
/// A class over manually allocated buffers: the hot loops index raw memory
/// with no copy-on-write or exclusivity checks, and `deinit` frees it.
final class MiddleSnakeSearch {
    private let a: UnsafeMutableBufferPointer<Int32>
    private let b: UnsafeMutableBufferPointer<Int32>
    let costLimit: Int?
    let deleted: UnsafeMutableBufferPointer<Bool>
    let inserted: UnsafeMutableBufferPointer<Bool>
    private(set) var limitWasHit = false
    private let forward: UnsafeMutableBufferPointer<Int>
    private let backward: UnsafeMutableBufferPointer<Int>
    private let offset: Int

    init(a: [Int32], b: [Int32], costLimit: Int?) {
        self.a = .allocate(capacity: a.count)
        _ = self.a.initialize(from: a)
        self.b = .allocate(capacity: b.count)
        _ = self.b.initialize(from: b)
        self.costLimit = costLimit.map { max($0, 1) }
        deleted = .allocate(capacity: a.count)
        deleted.initialize(repeating: false)
        inserted = .allocate(capacity: b.count)
        inserted.initialize(repeating: false)
        let diagonals = a.count + b.count + 3
        forward = .allocate(capacity: diagonals)
        forward.initialize(repeating: 0)
        backward = .allocate(capacity: diagonals)
        backward.initialize(repeating: 0)
        offset = b.count + 1
    }

    deinit {
        a.deallocate(); b.deallocate()
        deleted.deallocate(); inserted.deallocate()
        forward.deallocate(); backward.deallocate()
    }

    private(set) var usedAnchors = false

    func run() {
        compare(UnsafeBufferPointer(a), UnsafeBufferPointer(b), 0, a.count, 0, b.count, needMinimal: costLimit == nil)
    }

    /// Searches only the gaps between anchor pairs, which are kept as matches.
    func run(anchors: [(Int, Int)]) {
        guard !anchors.isEmpty else { return run() }
        usedAnchors = true
        var lowA = 0, lowB = 0
        for (i, j) in anchors {
            compare(UnsafeBufferPointer(a), UnsafeBufferPointer(b), lowA, i, lowB, j, needMinimal: costLimit == nil)
            lowA = i + 1
            lowB = j + 1
        }
        compare(UnsafeBufferPointer(a), UnsafeBufferPointer(b), lowA, a.count, lowB, b.count, needMinimal: costLimit == nil)
    }

    private func compare(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>,
                                  _ lowA: Int, _ highA: Int, _ lowB: Int, _ highB: Int, needMinimal: Bool) {
        var lowA = lowA, highA = highA, lowB = lowB, highB = highB
        while lowA < highA && lowB < highB && a[lowA] == b[lowB] { lowA += 1; lowB += 1 }
        while lowA < highA && lowB < highB && a[highA - 1] == b[highB - 1] { highA -= 1; highB -= 1 }
        if lowA == highA {
            for j in lowB..<highB { inserted[j] = true }
        } else if lowB == highB {
            for i in lowA..<highA { deleted[i] = true }
        } else {
            let split = findSplit(a, b, lowA, highA, lowB, highB, needMinimal: needMinimal)
            compare(a, b, lowA, split.x, lowB, split.y, needMinimal: split.minimalBefore)
            compare(a, b, split.x, highA, split.y, highB, needMinimal: split.minimalAfter)
        }
    }

    private struct Split {
        var x: Int, y: Int
        var minimalBefore: Bool, minimalAfter: Bool
    }

    /// Finds a point on an optimal path (the middle snake's end) by running the
    /// forward and backward greedy searches until they overlap.
    private func findSplit(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>,
                           _ lowA: Int, _ highA: Int, _ lowB: Int, _ highB: Int,
                           needMinimal: Bool) -> Split {
        let minDiagonal = lowA - highB, maxDiagonal = highA - lowB
        let forwardMid = lowA - lowB, backwardMid = highA - highB
        let odd = (forwardMid - backwardMid) & 1 != 0
        var forwardMin = forwardMid, forwardMax = forwardMid
        var backwardMin = backwardMid, backwardMax = backwardMid
        let o = offset, fv = forward, bv = backward
        fv[forwardMid + o] = lowA
        bv[backwardMid + o] = highA
        var cost = 1
        while true {
            // Forward search: extend every diagonal in range by one edit, then follow the snake.
            if forwardMin > minDiagonal { forwardMin -= 1; fv[forwardMin - 1 + o] = -1 } else { forwardMin += 1 }
            if forwardMax < maxDiagonal { forwardMax += 1; fv[forwardMax + 1 + o] = -1 } else { forwardMax -= 1 }
            var k = forwardMax
            while k >= forwardMin {
                var x = fv[k - 1 + o] >= fv[k + 1 + o] ? fv[k - 1 + o] + 1 : fv[k + 1 + o]
                var y = x - k
                while x < highA && y < highB && a[x] == b[y] { x += 1; y += 1 }
                fv[k + o] = x
                if odd && backwardMin <= k && k <= backwardMax && bv[k + o] <= x {
                    return Split(x: x, y: y, minimalBefore: true, minimalAfter: true)
                }
                k -= 2
            }
            // Backward search, from the ends towards the start.
            if backwardMin > minDiagonal { backwardMin -= 1; bv[backwardMin - 1 + o] = Int.max } else { backwardMin += 1 }
            if backwardMax < maxDiagonal { backwardMax += 1; bv[backwardMax + 1 + o] = Int.max } else { backwardMax -= 1 }
            k = backwardMax
            while k >= backwardMin {
                var x = bv[k - 1 + o] < bv[k + 1 + o] ? bv[k - 1 + o] : bv[k + 1 + o] - 1
                var y = x - k
                while x > lowA && y > lowB && a[x - 1] == b[y - 1] { x -= 1; y -= 1 }
                bv[k + o] = x
                if !odd && forwardMin <= k && k <= forwardMax && x <= fv[k + o] {
                    return Split(x: x, y: y, minimalBefore: true, minimalAfter: true)
                }
                k -= 2
            }
            if !needMinimal, let limit = costLimit, cost >= limit {
                limitWasHit = true
                return furthestReaching(lowA, highA, lowB, highB, forwardMin, forwardMax, backwardMin, backwardMax)
            }
            cost += 1
        }
    }

    /// When the cost limit is hit: split where the forward or the backward
    /// search got furthest, and search the shorter side minimally (xdiff).
    private func furthestReaching(_ lowA: Int, _ highA: Int, _ lowB: Int, _ highB: Int,
                                  _ forwardMin: Int, _ forwardMax: Int,
                                  _ backwardMin: Int, _ backwardMax: Int) -> Split {
        let o = offset, fv = forward, bv = backward
        var forwardBest = -1, forwardBestX = -1
        var k = forwardMax
        while k >= forwardMin {
            var x = min(fv[k + o], highA)
            var y = x - k
            if highB < y { x = highB + k; y = highB }
            if forwardBest < x + y { forwardBest = x + y; forwardBestX = x }
            k -= 2
        }
        var backwardBest = Int.max, backwardBestX = Int.max
        k = backwardMax
        while k >= backwardMin {
            var x = max(lowA, bv[k + o])
            var y = x - k
            if y < lowB { x = lowB + k; y = lowB }
            if x + y < backwardBest { backwardBest = x + y; backwardBestX = x }
            k -= 2
        }
        if (highA + highB) - backwardBest < forwardBest - (lowA + lowB) {
            return Split(x: forwardBestX, y: forwardBest - forwardBestX, minimalBefore: true, minimalAfter: false)
        } else {
            return Split(x: backwardBestX, y: backwardBest - backwardBestX, minimalBefore: false, minimalAfter: true)
        }
    }
}
