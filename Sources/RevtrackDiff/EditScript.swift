/// The result of comparing two sequences: runs of kept, deleted and inserted
/// elements with their index ranges on both sides, enough to rebuild the new
/// sequence from the old one.
public struct EditScript: Sendable, Equatable {
    public enum Operation: Sendable, Equatable {
        case equal, delete, insert
    }

    /// A maximal run of one operation. `equal` runs have ranges of equal length;
    /// a `delete` run has an empty `new` range at the position where it applies,
    /// an `insert` run an empty `old` range.
    public struct Run: Sendable, Equatable {
        public var operation: Operation
        public var old: Range<Int>
        public var new: Range<Int>

        public init(_ operation: Operation, old: Range<Int>, new: Range<Int>) {
            self.operation = operation
            self.old = old
            self.new = new
        }
    }

    public var runs: [Run]
    /// False when a cost limit cut the search short: the script is still
    /// correct, but may delete and insert more than necessary.
    public var isMinimal: Bool

    public init(runs: [Run], isMinimal: Bool = true) {
        self.runs = runs
        self.isMinimal = isMinimal
    }

    /// Deleted plus inserted elements: the edit distance when `isMinimal`.
    public var editDistance: Int {
        runs.reduce(0) { total, run in
            switch run.operation {
            case .equal: total
            case .delete: total + run.old.count
            case .insert: total + run.new.count
            }
        }
    }

    public var isIdentity: Bool { runs.allSatisfy { $0.operation == .equal } }

    /// Rebuilds the new sequence from `old`, taking inserted elements from `new`.
    /// Tests use it to prove a script is a real transformation.
    public func apply<Element>(to old: [Element], inserting new: [Element]) -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(new.count)
        for run in runs {
            switch run.operation {
            case .equal: result.append(contentsOf: old[run.old])
            case .delete: break
            case .insert: result.append(contentsOf: new[run.new])
            }
        }
        return result
    }

    /// Builds runs from per-element change marks on both sides.
    init(deleted: [Bool], inserted: [Bool], isMinimal: Bool) {
        var runs: [Run] = []
        var i = 0, j = 0
        let n = deleted.count, m = inserted.count
        func append(_ operation: Operation, _ old: Range<Int>, _ new: Range<Int>) {
            if let last = runs.last, last.operation == operation, last.old.upperBound == old.lowerBound,
               last.new.upperBound == new.lowerBound {
                runs[runs.count - 1].old = last.old.lowerBound..<old.upperBound
                runs[runs.count - 1].new = last.new.lowerBound..<new.upperBound
            } else {
                runs.append(Run(operation, old: old, new: new))
            }
        }
        while i < n || j < m {
            if i < n && deleted[i] {
                let start = i
                while i < n && deleted[i] { i += 1 }
                append(.delete, start..<i, j..<j)
            } else if j < m && inserted[j] {
                let start = j
                while j < m && inserted[j] { j += 1 }
                append(.insert, i..<i, start..<j)
            } else {
                let startI = i, startJ = j
                while i < n && j < m && !deleted[i] && !inserted[j] { i += 1; j += 1 }
                append(.equal, startI..<i, startJ..<j)
            }
        }
        self.init(runs: runs, isMinimal: isMinimal)
    }
}
