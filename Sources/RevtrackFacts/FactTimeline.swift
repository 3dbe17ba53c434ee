import RevtrackCore

/// How a story's facts moved over its revisions: for each referent (a toll, a
/// date, a quote…) its value where it first appeared and at every change,
/// e.g. `dead: at least 12 (@1) → at least 20 (@3) → 23 (@5)`. Built by
/// chaining the version comparison of each revision with the one before, so a
/// referent is followed through rewording and reordering, not by its text alone.
public struct FactTimeline: Sendable {
    /// One revision's input: its facts, and which of its sentences each
    /// sentence of the revision before became (empty for the first).
    public struct Revision: Sendable {
        public var number: Int
        public var date: String
        public var facts: [Fact]
        public var alignment: SentenceAlignment

        public init(number: Int, date: String, facts: [Fact], alignment: SentenceAlignment = .none) {
            self.number = number
            self.date = date
            self.facts = facts
            self.alignment = alignment
        }
    }

    /// A referent's value from one revision on; `value` nil means it left the story.
    public struct Value: Sendable, Hashable, Codable {
        public var revision: Int
        public var date: String
        public var value: String?
        /// The mention as written ("killed at least 20 people"); nil when gone.
        public var text: String?
    }

    public struct Referent: Sendable, Encodable {
        public var kind: Fact.Kind
        /// What the value is of: "people (dead)", "quote — Mayor Joaquim Serrano", "date “Tuesday”".
        public var label: String
        /// How many mentions in the text follow this referent in lockstep
        /// (a toll in the headline and in the lead is one referent).
        public var mentions: Int
        public var values: [Value]
        /// Mentions with equal values merge when this agrees: what is counted
        /// for quantities, the label otherwise.
        var merging: String

        enum CodingKeys: String, CodingKey { case kind, label, mentions, values }

        /// Changed at least once after it first appeared (including leaving the story).
        public var changed: Bool { values.count > 1 }
    }

    /// Counts of one revision's fact changes against the one before.
    public struct Step: Sendable, Hashable, Codable {
        public var changed = 0, added = 0, removed = 0
        public var isEmpty: Bool { changed + added + removed == 0 }
        public init(changed: Int = 0, added: Int = 0, removed: Int = 0) {
            (self.changed, self.added, self.removed) = (changed, added, removed)
        }
    }

    /// Ordered by first appearance.
    public let referents: [Referent]
    /// Index k compares revision k with revision k + 1 of the input.
    public let steps: [Step]

    public init(revisions: [Revision]) {
        var chains: [Referent] = []
        var positions: [(revision: Int, start: Int)] = []      // first appearance, for ordering
        var chainOfFact: [FactKey: Int] = [:]                  // facts of the previous revision → chain
        var steps: [Step] = []
        for (offset, revision) in revisions.enumerated() {
            var next: [FactKey: Int] = [:]
            func start(_ fact: Fact) {
                next[FactKey(fact)] = chains.count
                chains.append(Referent(kind: fact.kind, label: Self.label(fact), mentions: 1,
                                       values: [Self.value(fact, revision, label: Self.label(fact))],
                                       merging: fact.kind == .quantity ? FactComparison.countedKey(fact) ?? "" : Self.label(fact)))
                positions.append((offset, fact.start))
            }
            guard offset > 0 else {
                revision.facts.forEach(start)
                chainOfFact = next
                continue
            }
            let comparison = FactComparison(old: revisions[offset - 1].facts, new: revision.facts, mode: .versions,
                                            alignment: revision.alignment)
            var step = Step()
            for entry in comparison.entries {
                switch (entry.old.flatMap { chainOfFact[FactKey($0)] }, entry.new) {
                case let (chain?, new?):
                    next[FactKey(new)] = chain
                    if entry.relation == .changed {
                        step.changed += 1
                        chains[chain].values.append(Self.value(new, revision, label: chains[chain].label))
                    }
                case let (chain?, nil):
                    step.removed += 1
                    chains[chain].values.append(Value(revision: revision.number, date: revision.date, value: nil, text: nil))
                case let (nil, new?):
                    step.added += 1
                    start(new)
                case (nil, nil):
                    break
                }
            }
            steps.append(step)
            chainOfFact = next
        }
        // Mentions that moved in lockstep all along are one referent.
        var merged: [Referent] = []
        var seen: [MergeKey: Int] = [:]
        for index in chains.indices.sorted(by: { (positions[$0].revision, positions[$0].start) < (positions[$1].revision, positions[$1].start) }) {
            let chain = chains[index]
            let key = MergeKey(kind: chain.kind, label: chain.merging,
                               values: chain.values.map { [String($0.revision), $0.value ?? "∅"] })
            if let existing = seen[key] {
                merged[existing].mentions += 1
                // "people (dead)" says more than the headline's bare "dead".
                if chain.label.count > merged[existing].label.count { merged[existing].label = chain.label }
            } else {
                seen[key] = merged.count
                merged.append(chain)
            }
        }
        referents = merged
        self.steps = steps
    }

    private struct FactKey: Hashable {
        let kind: Fact.Kind
        let start: Int
        init(_ fact: Fact) { kind = fact.kind; start = fact.start }
    }

    private struct MergeKey: Hashable {
        let kind: Fact.Kind
        let label: String
        let values: [[String]]
    }

    static func label(_ fact: Fact) -> String {
        switch fact.kind {
        case .quantity:
            if let subject = fact.subject { return subject }
            switch fact.unit {
            case "%": return "percentage"
            case nil: return "number"
            default: return "amount"
            }
        case .date: return "date “\(fact.text)”"
        case .quote: return "quote" + (fact.speaker.map { " — " + $0 } ?? "")
        case .person, .place, .organisation: return fact.value
        case .claim: return "claim — " + (fact.speaker ?? "unattributed")
        }
    }

    /// The value as the timeline shows it; a quote names its speaker only when
    /// that differs from the referent's label (a corrected name).
    static func value(_ fact: Fact, _ revision: Revision, label: String) -> Value {
        let value: String = switch fact.kind {
        case .quantity: fact.value
        case .date: fact.resolved ?? fact.value
        case .quote: "“" + fact.value + "”" + (Self.label(fact) == label ? "" : fact.speaker.map { " — " + $0 } ?? " — no speaker")
        case .person: fact.title.map { $0 + " " + fact.value } ?? fact.value
        case .place: "named"
        case .organisation: fact.summary
        case .claim: fact.value + (Self.label(fact) == label ? "" : " — " + (fact.speaker ?? "unattributed"))
        }
        return Value(revision: revision.number, date: revision.date, value: value, text: fact.text)
    }
}
