import RevtrackText

/// One referent that two outlets name with different words of one family:
/// Azerbaijan "recaptured" Karabakh in one and "liberated" it in the other; a
/// "lightning offensive" last September against "anti-terrorist operations"
/// in the fall of 2023. Agreeing on the facts while choosing the words is
/// what framing is, and it is what a fact comparison alone cannot show.
public struct FramingContrast: Sendable, Hashable, Codable {
    public struct Usage: Sendable, Hashable, Codable {
        /// The words as the outlet wrote them, with their modifiers ("lightning offensive").
        public let phrase: String
        /// The family member in its base form ("offensive", "recapture").
        public let term: String
        /// Sentence index and UTF-8 range of the first use.
        public let sentence: Int
        public let start: Int
        public let end: Int
        /// How many uses of the term for this referent.
        public internal(set) var count: Int
    }

    /// The word family ("taking territory", "armed group", "what is counted").
    public let family: String
    public internal(set) var old: Usage
    public internal(set) var new: Usage
    /// What both name: the actor ("Azerbaijan") or the facts both sentences
    /// share ("last September" / "fall of 2023").
    public let referent: String

    /// Contrasts between two outlets' texts. A pair counts only when the
    /// texts support it: the same actor for verbs, or a shared fact near the
    /// words (a date, a person, a quotation; places weigh less) for nouns, and
    /// each outlet avoids the other's word entirely.
    public static func find(old: SegmentedText, new: SegmentedText, oldFacts: [Fact], newFacts: [Fact],
                            comparison: FactComparison) -> [FramingContrast] {
        let oldSide = FramingText(old, facts: oldFacts), newSide = FramingText(new, facts: newFacts)
        var contrasts: [FramingContrast] = []
        var uses: [(old: Set<Int>, new: Set<Int>)] = []
        var index: [String: Int] = [:]
        func add(_ family: String, _ a: FramingText.Occurrence, _ b: FramingText.Occurrence, referent: String) {
            let key = a.term + "\u{0}" + b.term
            guard let existing = index[key] else {
                index[key] = contrasts.count
                contrasts.append(FramingContrast(family: family, old: a.usage, new: b.usage, referent: referent))
                uses.append(([a.start], [b.start]))
                return
            }
            uses[existing].old.insert(a.start)
            uses[existing].new.insert(b.start)
        }
        countedNouns(oldSide, newSide, comparison, add)
        for a in oldSide.occurrences {
            guard !newSide.uses(a.term) else { continue }
            var best: (b: FramingText.Occurrence, score: Double, distance: Int, referent: String)? = nil
            for b in newSide.occurrences where b.family == a.family && b.term != a.term && !oldSide.uses(b.term) {
                guard let (score, distance, referent) = support(a, oldSide, b, newSide), score >= 3 else { continue }
                if best == nil || score > best!.score || (score == best!.score && distance < best!.distance) {
                    best = (b, score, distance, referent)
                }
            }
            if let best { add(FramingLexicon.shared.families[a.family].name, a, best.b, referent: best.referent) }
        }
        for (index, counted) in uses.enumerated() {
            contrasts[index].old.count = counted.old.count
            contrasts[index].new.count = counted.new.count
        }
        return contrasts.sorted { ($0.old.start, $0.new.start) < ($1.old.start, $1.new.start) }
    }

    /// The same count named by different nouns ("nearly 2,000 of its troops",
    /// "nearly 2,000 personnel"), from the quantities the comparison paired.
    private static func countedNouns(_ old: FramingText, _ new: FramingText, _ comparison: FactComparison,
                                     _ add: (String, FramingText.Occurrence, FramingText.Occurrence, String) -> Void) {
        for entry in comparison.entries where [.shared, .consistent, .conflicting].contains(entry.relation) {
            guard let a = entry.old, let b = entry.new, a.kind == .quantity,
                  let oa = old.countedHead(a), let ob = new.countedHead(b), oa.term != ob.term,
                  !new.uses(oa.term), !old.uses(ob.term) else { continue }
            let family = FramingLexicon.shared.family(of: oa.term, and: ob.term) ?? "what is counted"
            add(family, oa, ob, a.value == b.value ? a.value : a.value + " / " + b.value)
        }
    }

    /// How well two uses are tied to one referent: (score, distance, referent).
    private static func support(_ a: FramingText.Occurrence, _ old: FramingText,
                                _ b: FramingText.Occurrence, _ new: FramingText) -> (Double, Int, String)? {
        var score = 0.0
        var actor: String? = nil
        if FramingLexicon.shared.families[a.family].isVerb, let actorA = a.actor, let actorB = b.actor {
            guard actorA.key == actorB.key else { return nil }
            score += 3
            actor = actorA.name
        }
        var distance = Int.max
        var anchor: (value: Double, text: String)? = nil
        for factA in old.facts(in: a.sentence) where factA.kind != .quantity {
            var contribution = 0.0
            for factB in new.facts(in: b.sentence) where factB.kind == factA.kind {
                guard FactComparison.affinity(factA, factB, .outlets) > 0 else { continue }
                let (gapA, gapB) = (old.distance(a, factA), new.distance(b, factB))
                let weight: Double = factA.kind == .place ? 1 : 3
                let value = gapA <= 6 && gapB <= 6 ? weight : weight / 3
                contribution = max(contribution, value)
                distance = min(distance, gapA + gapB)
                if value > anchor?.value ?? 0 {
                    anchor = (value, factA.text == factB.text ? factA.text : "“\(factA.text)” / “\(factB.text)”")
                }
            }
            score += contribution
        }
        guard let referent = actor ?? anchor?.text else { return nil }
        return (score, distance, referent)
    }
}
