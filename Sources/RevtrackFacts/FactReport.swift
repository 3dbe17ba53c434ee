import RevtrackCore
import RevtrackText

/// The fact side of a comparison: how the two texts' facts relate and, for
/// two outlets, the words they choose differently for one referent.
public struct FactReport: Sendable {
    public let comparison: FactComparison
    public let mode: FactComparison.Mode
    /// Words two outlets choose differently for one referent (outlets only).
    public let framing: [FramingContrast]
    /// Every fact each side holds, in text order: what an alignment of two
    /// outlets compares pair by pair.
    public let oldFacts: [Fact]
    public let newFacts: [Fact]

    public init(_ comparison: FactComparison, mode: FactComparison.Mode, framing: [FramingContrast] = [],
                oldFacts: [Fact] = [], newFacts: [Fact] = []) {
        self.comparison = comparison
        self.mode = mode
        self.framing = framing
        self.oldFacts = oldFacts
        self.newFacts = newFacts
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
        self.init(facts, mode: mode, framing: framing, oldFacts: oldFacts, newFacts: newFacts)
    }

    /// The report without the facts of ignored sentences (a user's ignore
    /// rules; page furniture yields no facts in the first place).
    public func droppingFacts(inOld old: Set<Int>, inNew new: Set<Int>) -> FactReport {
        guard !old.isEmpty || !new.isEmpty else { return self }
        let entries = comparison.entries.filter { entry in
            !(entry.old.map { old.contains($0.sentence) } ?? false) && !(entry.new.map { new.contains($0.sentence) } ?? false)
        }
        return FactReport(FactComparison(entries: entries), mode: mode, framing: framing,
                          oldFacts: oldFacts.filter { !old.contains($0.sentence) }, newFacts: newFacts.filter { !new.contains($0.sentence) })
    }

    /// Which fact entries each edited sentence holds: change index (edits only,
    /// `modify` and edited `move`) → indices into `comparison.entries` of the
    /// facts that changed there (changed, added, removed; conflicting between
    /// outlets). An edit that changed a fact is a `fact` edit, linked to them.
    public func factsChanged(in sentences: DocumentComparison) -> [Int: [Int]] {
        var byOld: [Int: Int] = [:], byNew: [Int: Int] = [:]
        for (index, change) in sentences.changes.enumerated() where change.editKind != nil {
            for sentence in change.old ?? 0..<0 { byOld[sentence] = index }
            for sentence in change.new ?? 0..<0 { byNew[sentence] = index }
        }
        var links: [Int: [Int]] = [:]
        for (entryIndex, entry) in comparison.entries.enumerated()
        where [.changed, .added, .removed, .conflicting].contains(entry.relation) {
            // A claim whose source, verb and polarity stay is the same attribution, reworded.
            if entry.relation == .changed, let old = entry.old, let new = entry.new, old.kind == .claim,
               old.speaker == new.speaker, old.verb == new.verb, old.negated == new.negated { continue }
            let change = entry.old.flatMap { byOld[$0.sentence] } ?? entry.new.flatMap { byNew[$0.sentence] }
            if let change { links[change, default: []].append(entryIndex) }
        }
        return links
    }

    /// Whether the two sides differ in any fact or its wording.
    public var hasDifferences: Bool {
        !framing.isEmpty || comparison.entries.contains { ![.unchanged, .shared].contains($0.relation) }
    }
}
