import RevtrackFacts

extension OutletAlignment {
    /// The two outlets' facts compared where they report one thing: counts,
    /// dates, quotations and claims meet within an aligned pair of sentences
    /// (as the pair shows them: conflicting only where a conflict rule says
    /// so), so that a percentage meets the one its words tie it to ("a 4.5%
    /// rise" / "3.5 percent"), not the first percentage of the other text
    /// ("inflation at 3.1%"). People, places and organisations are one
    /// referent wherever they are named, so they keep the whole texts'
    /// matching, as do facts no pair holds, where that matching is sure.
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
        // What no pair holds keeps the whole texts' matching where it is sure: the same value, a
        // quotation or claim in like words, a count of one named thing, dates of like precision
        // ("last September" / "the fall of 2023"). Not amounts that count nothing named, which it
        // pairs by unit alone; not a day against a year ("Thursday" overlaps "this year", as does
        // every day of it); not values it calls conflicting, since only the conflict rules, within
        // a pair, say two outlets disagree.
        for entry in whole.entries where !isEntity(entry) {
            guard let a = entry.old, let b = entry.new, !usedOld.contains(a), !usedNew.contains(b),
                  entry.relation != .conflicting,
                  entry.relation == .shared || a.kind == .quote || a.kind == .claim || a.kind == .quantity && a.subject != nil && b.subject != nil
                    || a.kind == .date && Self.alikeInPrecision(a, b)
            else { continue }
            usedOld.insert(a)
            usedNew.insert(b)
            entries.append(entry)
        }
        entries += old.filter { !entities.contains($0.kind) && !usedOld.contains($0) }.map { .init(relation: .onlyOld, old: $0, new: nil) }
        entries += new.filter { !entities.contains($0.kind) && !usedNew.contains($0) }.map { .init(relation: .onlyNew, old: nil, new: $0) }
        return FactComparison(entries: entries)
    }

    /// Whether two dates name periods of like length (a day or a week, a month
    /// or a season or quarter, a year, a decade), or a year and a part of it
    /// ("last year" / "the fall of 2023"). A day against a month or a year
    /// overlaps too many others to be one date reported twice.
    static func alikeInPrecision(_ a: Fact, _ b: Fact) -> Bool {
        // By the days each covers: a week at most, a quarter at most, a year, longer.
        func rank(_ fact: Fact) -> Int? {
            guard let days = fact.days?.count else { return nil }
            return days <= 7 ? 3 : days <= 92 ? 2 : days <= 366 ? 1 : 0
        }
        guard let x = rank(a), let y = rank(b) else { return false }
        return x == y || Set([x, y]) == [1, 2]
    }

    /// Whether a pair's facts are two sides of one of its conflicts: the
    /// counts or dates a conflict names, or a quotation whose speakers it names.
    static func isConflict(_ entry: FactComparison.Entry, _ conflicts: [Conflict]) -> Bool {
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
