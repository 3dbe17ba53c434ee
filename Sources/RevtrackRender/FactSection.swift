import RevtrackFacts

/// The fact part of a diff, shared by the renderers: which entries to show
/// and how to word them.
public struct FactSection: Sendable {
    public let comparison: FactComparison
    public let mode: FactComparison.Mode

    public init(_ comparison: FactComparison, mode: FactComparison.Mode) {
        self.comparison = comparison
        self.mode = mode
    }

    /// Entries worth showing: everything but unchanged facts of two versions.
    var visible: [FactComparison.Entry] {
        let order: [FactComparison.Relation] = [.changed, .added, .removed, .conflicting, .consistent, .shared, .onlyOld, .onlyNew]
        return order.flatMap { relation in comparison.entries.filter { $0.relation == relation } }
    }

    /// "facts: 2 changed, 1 added" or "facts: 1 shared, 2 consistent, 9 only in old, 8 only in new".
    public var summary: String {
        let order: [FactComparison.Relation] = mode == .versions
            ? [.changed, .added, .removed]
            : [.shared, .consistent, .conflicting, .onlyOld, .onlyNew]
        let parts = order.compactMap { relation -> String? in
            let count = comparison.count(relation)
            return count == 0 ? nil : "\(count) \(Self.label(relation))"
        }
        return "facts: " + (parts.isEmpty ? "no changes" : parts.joined(separator: ", "))
    }

    static func label(_ relation: FactComparison.Relation) -> String {
        switch relation {
        case .onlyOld: "only in old"
        case .onlyNew: "only in new"
        default: relation.rawValue
        }
    }
}
