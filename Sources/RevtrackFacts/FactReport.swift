import RevtrackCore
import RevtrackText

/// The fact side of a comparison: how the two texts' facts relate and, for
/// two outlets, the words they choose differently for one referent.
public struct FactReport: Sendable {
    public let comparison: FactComparison
    public let mode: FactComparison.Mode
    /// Words two outlets choose differently for one referent (outlets only).
    public let framing: [FramingContrast]

    public init(_ comparison: FactComparison, mode: FactComparison.Mode, framing: [FramingContrast] = []) {
        self.comparison = comparison
        self.mode = mode
        self.framing = framing
    }

    /// Extracts both sides' facts (on two cores for long texts) and compares
    /// them; framing contrasts only between outlets.
    /// - Parameter references: each side's reference date, against which relative dates resolve.
    public init(old: SegmentedText, new: SegmentedText, alignment: SentenceAlignment,
                references: (old: CivilDate, new: CivilDate), mode: FactComparison.Mode, ignoreCosmetic: Bool = false) {
        let (oldFacts, newFacts) = Parallel.sides(bytes: old.text.utf8.count + new.text.utf8.count) { side in
            FactExtractor.extract(from: side == 0 ? old : new, reference: side == 0 ? references.old : references.new)
        }
        var facts = FactComparison(old: oldFacts, new: newFacts, mode: mode, alignment: alignment, ignoreCosmetic: ignoreCosmetic)
        if mode == .outlets { facts = facts.resolvingConflicts(old: old, new: new) }
        let framing = mode == .outlets
            ? FramingContrast.find(old: old, new: new, oldFacts: oldFacts, newFacts: newFacts, comparison: facts)
            : []
        self.init(facts, mode: mode, framing: framing)
    }

    /// Whether the two sides differ in any fact or its wording.
    public var hasDifferences: Bool {
        !framing.isEmpty || comparison.entries.contains { ![.unchanged, .shared].contains($0.relation) }
    }
}
