import RevtrackFacts

/// The fact part of a diff, shared by the renderers: which entries to show
/// and how to word them.
public struct FactSection: Sendable {
    public let report: FactReport
    public var comparison: FactComparison { report.comparison }
    public var mode: FactComparison.Mode { report.mode }
    /// Words two outlets choose differently for one referent (outlets only).
    public var framing: [FramingContrast] { report.framing }

    /// Edited sentence (change index) → the entries that changed in it, which
    /// the JSON links from each sentence.
    public let links: [Int: [Int]]

    public init(_ report: FactReport, links: [Int: [Int]] = [:]) {
        self.report = report
        self.links = links
    }

    public init(_ comparison: FactComparison, mode: FactComparison.Mode, framing: [FramingContrast] = []) {
        self.init(FactReport(comparison, mode: mode, framing: framing))
    }

    /// Entries worth showing: everything but unchanged facts of two versions.
    var visible: [FactComparison.Entry] {
        let order: [FactComparison.Relation] = [.changed, .added, .removed, .conflicting, .consistent, .shared, .onlyOld, .onlyNew]
        return order.flatMap { relation in comparison.entries.filter { $0.relation == relation } }
    }

    /// A line of the fact section: a fact entry or a framing contrast.
    enum Row {
        case entry(FactComparison.Entry)
        case framing(FramingContrast)
    }

    /// The visible entries with the framing contrasts after what both outlets
    /// report and before what only one does: they are about shared referents.
    var rows: [Row] {
        let entries = visible
        let split = entries.firstIndex { $0.relation == .onlyOld || $0.relation == .onlyNew } ?? entries.count
        return entries[..<split].map(Row.entry) + framing.map(Row.framing) + entries[split...].map(Row.entry)
    }

    /// Whether the two sides differ in any fact or its wording.
    public var hasDifferences: Bool { report.hasDifferences }

    /// "facts: 2 changed, 1 added" or "facts: 1 shared, 2 consistent, 9 only in old, 8 only in new".
    public var summary: String {
        let order: [FactComparison.Relation] = mode == .versions
            ? [.changed, .added, .removed]
            : [.shared, .consistent, .conflicting, .onlyOld, .onlyNew]
        var parts = order.compactMap { relation -> String? in
            let count = comparison.count(relation)
            return count == 0 ? nil : "\(count) \(Self.label(relation))"
        }
        if !framing.isEmpty { parts.append("\(framing.count) framing contrast" + (framing.count == 1 ? "" : "s")) }
        return "facts: " + (parts.isEmpty ? "no changes" : parts.joined(separator: ", "))
    }

    /// "“recaptured” ×2  vs  “liberated”": a contrast's two wordings.
    public static func wording(_ contrast: FramingContrast) -> (old: String, new: String) {
        func usage(_ usage: FramingContrast.Usage) -> String {
            "“" + usage.phrase + "”" + (usage.count > 1 ? " ×\(usage.count)" : "")
        }
        return (usage(contrast.old), usage(contrast.new))
    }

    public static func label(_ relation: FactComparison.Relation) -> String {
        switch relation {
        case .onlyOld: "only in old"
        case .onlyNew: "only in new"
        default: relation.rawValue
        }
    }
}
