import RevtrackFacts

extension OutletAlignment {
    /// The two outlets' facts compared where they report one thing: counts,
    /// dates, quotations and claims meet within an aligned pair of sentences
    /// (as the pair shows them, agreeing with its conflicts), so that a
    /// percentage meets the one its words tie it to ("a 4.5% rise" / "3.5
    /// percent"), not the first percentage of the other text ("inflation at
    /// 3.1%"). People, places and organisations are one referent wherever
    /// they are named, so they keep the whole texts' matching, as do facts
    /// no pair holds.
    /// - Parameter whole: the two texts' facts compared as wholes.
    public func comparingFacts(_ whole: FactComparison, old: [Fact], new: [Fact]) -> FactComparison {
        let entities: Set<Fact.Kind> = [.person, .place, .organisation]
        func isEntity(_ entry: FactComparison.Entry) -> Bool { (entry.old ?? entry.new).map { entities.contains($0.kind) } ?? false }
        var entries = whole.entries.filter(isEntity)
        var usedOld = Set<Fact>(), usedNew = Set<Fact>()
        // Conflicting pairs come first, so a fact two pairs hold is shown in its conflict.
        for pair in pairs {
            for entry in pair.facts where !isEntity(entry) {
                guard let a = entry.old, let b = entry.new, !usedOld.contains(a), !usedNew.contains(b) else { continue }
                usedOld.insert(a)
                usedNew.insert(b)
                entries.append(entry)
            }
        }
        // What no pair holds keeps the whole texts' matching (an opinion piece's "fall of 2023"
        // is the wire's "last September" though their sentences share too little to pair),
        // except amounts that count nothing named, which that matching pairs by unit alone.
        for entry in whole.entries where !isEntity(entry) {
            guard let a = entry.old, let b = entry.new, !usedOld.contains(a), !usedNew.contains(b),
                  entry.relation == .shared || a.kind != .quantity || a.subject != nil && b.subject != nil else { continue }
            usedOld.insert(a)
            usedNew.insert(b)
            entries.append(entry)
        }
        entries += old.filter { !entities.contains($0.kind) && !usedOld.contains($0) }.map { .init(relation: .onlyOld, old: $0, new: nil) }
        entries += new.filter { !entities.contains($0.kind) && !usedNew.contains($0) }.map { .init(relation: .onlyNew, old: nil, new: $0) }
        return FactComparison(entries: entries)
    }

    /// Whether a pair's facts are two sides of one of its conflicts: the
    /// counts or dates a conflict names, or a quotation whose speakers it names.
    public static func isConflict(_ entry: FactComparison.Entry, _ conflicts: [Conflict]) -> Bool {
        guard let a = entry.old, let b = entry.new else { return false }
        return conflicts.contains { conflict in
            switch conflict.kind {
            case .number, .date: conflict.old == a.text && conflict.new == b.text
            case .attribution: a.kind == .quote && conflict.old == a.speaker && conflict.new == b.speaker
            default: false
            }
        }
    }
}
