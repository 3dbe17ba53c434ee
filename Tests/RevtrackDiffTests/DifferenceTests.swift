import Testing
import RevtrackTestSupport
@testable import RevtrackDiff

/// Edit distance (insertions + deletions) by the plain O(N·M) LCS table: the oracle.
func lcsEditDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    var previous = [Int](repeating: 0, count: b.count + 1)
    var current = previous
    for i in 1...max(a.count, 1) where !a.isEmpty {
        for j in 1...max(b.count, 1) where !b.isEmpty {
            current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
        }
        swap(&previous, &current)
    }
    return a.count + b.count - 2 * (previous.last ?? 0)
}

/// Checks that runs tile both sides in order and that equal runs really match.
func checkInvariants<T: Equatable>(_ script: EditScript, _ a: [T], _ b: [T]) -> Bool {
    var i = 0, j = 0
    for run in script.runs {
        guard run.old.lowerBound == i, run.new.lowerBound == j else { return false }
        switch run.operation {
        case .equal:
            guard run.old.count == run.new.count, run.old.count > 0,
                  zip(a[run.old], b[run.new]).allSatisfy({ $0 == $1 }) else { return false }
        case .delete: guard run.new.isEmpty, !run.old.isEmpty else { return false }
        case .insert: guard run.old.isEmpty, !run.new.isEmpty else { return false }
        }
        i = run.old.upperBound
        j = run.new.upperBound
    }
    return i == a.count && j == b.count
}

@Suite("Myers difference")
struct DifferenceTests {
    @Test("on thousands of random pairs the script rebuilds new and is minimal")
    func randomPairsAreMinimal() {
        var random = SeededGenerator(state: 42)
        for round in 0..<3_000 {
            let alphabet = [2, 3, 4, 8, 26][round % 5]
            let n = Int.random(in: 0...(round < 2_000 ? 40 : 200), using: &random)
            let a = (0..<n).map { _ in Int.random(in: 0..<alphabet, using: &random) }
            // Derive b from a by random edits, or draw it independently.
            var b: [Int]
            if round % 3 == 0 {
                b = (0..<Int.random(in: 0...(n + 5), using: &random)).map { _ in Int.random(in: 0..<alphabet, using: &random) }
            } else {
                b = a
                for _ in 0..<Int.random(in: 0...max(1, n / 4), using: &random) {
                    let position = Int.random(in: 0...b.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0 where position < b.count: b.remove(at: position)
                    case 1 where position < b.count: b[position] = Int.random(in: 0..<alphabet, using: &random)
                    default: b.insert(Int.random(in: 0..<alphabet, using: &random), at: position)
                    }
                }
            }
            let script = Difference.script(from: a, to: b)
            #expect(script.apply(to: a, inserting: b) == b, "round \(round)")
            #expect(checkInvariants(script, a, b), "round \(round)")
            #expect(script.isMinimal)
            #expect(script.editDistance == lcsEditDistance(a, b), "round \(round): \(a) → \(b)")
        }
    }

    @Test("a cost limit keeps the script correct and says when it is not minimal")
    func costLimit() {
        var random = SeededGenerator(state: 7)
        var sawNonMinimal = false
        for round in 0..<500 {
            let a = (0..<Int.random(in: 50...300, using: &random)).map { _ in Int.random(in: 0..<4, using: &random) }
            let b = (0..<Int.random(in: 50...300, using: &random)).map { _ in Int.random(in: 0..<4, using: &random) }
            let script = Difference.script(from: a, to: b, costLimit: 3)
            #expect(script.apply(to: a, inserting: b) == b, "round \(round)")
            #expect(checkInvariants(script, a, b))
            #expect(script.editDistance >= lcsEditDistance(a, b))
            if !script.isMinimal { sawNonMinimal = true }
        }
        #expect(sawNonMinimal)
    }

    @Test("empty, identical and all-different inputs")
    func edgeCases() {
        let empty: [String] = []
        #expect(Difference.script(from: empty, to: empty).runs.isEmpty)
        #expect(Difference.script(from: empty, to: ["a", "b"]).runs == [.init(.insert, old: 0..<0, new: 0..<2)])
        #expect(Difference.script(from: ["a", "b"], to: empty).runs == [.init(.delete, old: 0..<2, new: 0..<0)])
        let same = ["x", "y", "z"]
        #expect(Difference.script(from: same, to: same).runs == [.init(.equal, old: 0..<3, new: 0..<3)])
        #expect(Difference.script(from: same, to: same).isIdentity)
        let different = Difference.script(from: ["a", "b", "c"], to: ["d", "e"])
        #expect(different.editDistance == 5)
        #expect(different.apply(to: ["a", "b", "c"], inserting: ["d", "e"]) == ["d", "e"])
    }

    @Test("agrees with the standard library's difference(from:) on edit distance")
    func agreesWithStandardLibrary() {
        var random = SeededGenerator(state: 99)
        for _ in 0..<300 {
            let a = (0..<Int.random(in: 0...60, using: &random)).map { _ in Character(UnicodeScalar(UInt8.random(in: 97...100, using: &random))) }
            let b = (0..<Int.random(in: 0...60, using: &random)).map { _ in Character(UnicodeScalar(UInt8.random(in: 97...100, using: &random))) }
            let standard = b.difference(from: a)
            #expect(Difference.script(from: a, to: b).editDistance == standard.insertions.count + standard.removals.count)
        }
    }
}

@Suite("Approximate mode")
struct ApproximateModeTests {
    @Test("anchored search with a cost limit stays correct and close to minimal")
    func anchored() {
        var random = SeededGenerator(state: 2024)
        var approximate = 0, minimal = 0
        for round in 0..<200 {
            // Text-like: many repeated small-alphabet tokens plus some unique ones.
            let a = (0..<400).map { index in index % 7 == 0 ? 1_000 + index : Int.random(in: 0..<20, using: &random) }
            var b = a
            for _ in 0..<40 {
                let position = Int.random(in: 0..<b.count, using: &random)
                if Bool.random(using: &random) { b[position] = Int.random(in: 0..<20, using: &random) } else { b.remove(at: position) }
            }
            let exact = Difference.script(from: a, to: b)
            let fast = Difference.script(from: a, to: b, costLimit: 64)
            #expect(fast.apply(to: a, inserting: b) == b, "round \(round)")
            #expect(checkInvariants(fast, a, b))
            #expect(!fast.isMinimal)
            approximate += fast.editDistance
            minimal += exact.editDistance
        }
        #expect(Double(approximate) <= Double(minimal) * 1.05, "\(approximate) vs minimal \(minimal)")
    }
}

@Suite("String interning")
struct StringInterningTests {
    @Test("string tokens diff like any other Hashable, through the byte-hash interner")
    func strings() {
        var random = SeededGenerator(state: 5)
        let vocabulary = ["the", "a", "Russia", "troops", "1,960", "Ünïcode", "“quote”", "", "naïve", "2,000"]
        for _ in 0..<300 {
            let a = (0..<Int.random(in: 0...80, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }
            let b = (0..<Int.random(in: 0...80, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }
            let script = Difference.script(from: a, to: b)
            #expect(script.apply(to: a, inserting: b) == b)
            #expect(script.editDistance == lcsEditDistance(a, b))
        }
        // Enough distinct strings to make the table grow several times: ids stay stable.
        var interner = StringInterner(capacity: 1)
        let many = (0..<20_000).map { "w\($0)" }
        let ids = interner.intern(many)
        #expect(ids == (0..<20_000).map { Int32($0) })
        #expect(interner.intern(many.reversed()) == ids.reversed())
        #expect(interner.count == 20_000)
    }
}
