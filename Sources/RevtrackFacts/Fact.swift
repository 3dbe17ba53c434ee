/// A fact mentioned in a text: a quantity, a date, a quotation, an entity
/// (person, place, organisation) or an attributed claim, with the sentence it
/// came from and its exact place.
public struct Fact: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case quantity, date, quote, person, place, organisation, claim

        /// "quantities", "people", "claims": how listings head a group.
        public var plural: String {
            switch self {
            case .quantity: "quantities"
            case .person: "people"
            default: rawValue + "s"
            }
        }
    }

    public var kind: Kind
    /// The mention exactly as written ("nearly 2,000 of its troops").
    public var text: String
    /// A normalized value: "1960", "nearly 2000", "2024-05-15", or the quoted words.
    public var value: String
    /// Sentence index (0-based) in the text's segmentation.
    public var sentence: Int
    /// UTF-8 byte offsets of the mention in the text.
    public var start: Int
    public var end: Int
    /// Quantities: the qualifier ("nearly", "more than") and the interval of
    /// values it allows (`upper` nil when unbounded).
    public var qualifier: String?
    public var lower: Double?
    public var upper: Double?
    /// Quantities: what is counted ("Russian peacekeepers"), and the unit for
    /// percentages and money ("%", "$").
    public var counted: String?
    public var unit: String?
    /// Quantities: the state of what is counted, when the text gives one
    /// ("dead" for "killed at least 12 people", "missing"), so that a toll is
    /// followed whatever noun counts it.
    public var state: String?
    /// Quotations: who said it, when the text says so.
    public var speaker: String?
    /// Dates: the date or period the mention resolves to (ISO 8601: 2024-05-15,
    /// 2023-09, 2023, 1990s).
    public var resolved: String?
    /// People: the title or role the text gives ("colonel general", "foreign minister").
    public var title: String?
    /// Organisations: the acronym the text uses for it ("RPC", "INEC").
    public var acronym: String?
    /// Claims: the verb of saying, in its base form ("say", "accuse", "deny");
    /// the source is in `speaker`.
    public var verb: String?
    /// Claims: whether the verb of saying or believing is negated ("did not
    /// expect", "does not believe"); nil when it is not.
    public var negated: Bool?

    public init(kind: Kind, text: String, value: String, sentence: Int, start: Int, end: Int) {
        self.kind = kind
        self.text = text
        self.value = value
        self.sentence = sentence
        self.start = start
        self.end = end
    }

    /// Quantities: what is counted and in what state, as a reader says it
    /// ("people (dead)", "Russian peacekeepers", "dead").
    public var subject: String? {
        guard let state else { return counted }
        guard let counted else { return state }
        return counted.lowercased().split(separator: " ").contains { WordLists.states[String($0)] == state }
            ? counted : counted + " (" + state + ")"
    }

    /// Dates: whether the day, month or year is written ("May 4", "2019"),
    /// not only a weekday or a relative day ("Monday", "last week"), which
    /// name a day only against the text's capture day.
    public var isWrittenOut: Bool {
        kind == .date && (text.contains(where: \.isNumber)
            || text.lowercased().split(whereSeparator: { !$0.isLetter }).contains { Grammar.months[String($0)] != nil })
    }

    /// The fact in a few words: value, what it counts, who said it.
    public var summary: String {
        switch kind {
        case .quantity: return value + (subject.map { " " + $0 } ?? "")
        case .date: return (resolved ?? value) + " (\"" + text + "\")"
        case .quote: return "“" + value + "”" + (speaker.map { " — " + $0 } ?? "")
        case .person: return (title.map { $0 + " " } ?? "") + value
        case .place: return value
        case .organisation: return value + (acronym.map { " (" + $0 + ")" } ?? "")
        case .claim: return (speaker ?? "?") + " " + (verb ?? "said") + ": " + value
        }
    }
}
