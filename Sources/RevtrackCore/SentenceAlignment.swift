/// Which new sentences each old sentence became (kept, edited, moved, split
/// or merged): what lets facts be followed through a revision by where they
/// stand, not only by what they say. Indices are sentence positions.
public struct SentenceAlignment: Sendable, Hashable {
    private var targets: [Int: [Int]]

    public init(_ targets: [Int: [Int]] = [:]) {
        self.targets = targets
    }

    /// No alignment: two outlets, or a first revision.
    public static let none = SentenceAlignment()

    /// The new sentences the old sentence `old` became; empty when it was removed.
    public subscript(old: Int) -> [Int] { targets[old] ?? [] }

    public var isEmpty: Bool { targets.isEmpty }
}

extension DocumentComparison {
    /// The alignment this comparison found.
    public var alignment: SentenceAlignment {
        var targets: [Int: [Int]] = [:]
        for change in changes {
            guard let old = change.old, let new = change.new else { continue }
            for index in old { targets[index, default: []].append(contentsOf: new) }
        }
        return SentenceAlignment(targets)
    }
}

extension SentenceAlignment: ExpressibleByDictionaryLiteral {
    /// `[0: [0], 1: [1, 2]]`: written out, as tests and small callers do.
    public init(dictionaryLiteral elements: (Int, [Int])...) {
        self.init(Dictionary(elements, uniquingKeysWith: +))
    }
}
