import RevtrackFacts
import RevtrackText

/// What two sentences that report one thing disagree on.
enum ConflictFinder {
    /// - Parameter facts: the two sentences' facts compared as between outlets.
    static func conflicts(old: String, new: String, facts: [FactComparison.Entry],
                          reference: (old: CivilDate, new: CivilDate)?) -> [OutletAlignment.Conflict] {
        var found: [OutletAlignment.Conflict] = []
        for entry in facts {
            guard let a = entry.old, let b = entry.new else { continue }
            switch (entry.relation, a.kind) {
            case (.conflicting, .quantity): found.append(.init(kind: .number, old: a.text, new: b.text))
            case (.conflicting, .date): found.append(.init(kind: .date, old: a.text, new: b.text))
            case (_, .quote):
                // The same words in two mouths.
                if let sa = a.speaker, let sb = b.speaker, FactComparison.sourceHead(sa) != FactComparison.sourceHead(sb) {
                    found.append(.init(kind: .attribution, old: sa, new: sb))
                }
            default: break
            }
        }
        return found
    }
}
