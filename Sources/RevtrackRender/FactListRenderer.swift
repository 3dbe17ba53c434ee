import RevtrackFacts

/// `facts` as text: the facts of one text grouped by kind, each with its
/// sentence number and what it is attached to.
public enum FactListRenderer {
    public static func render(_ facts: [Fact]) -> String {
        func safe(_ text: String) -> String { TerminalText.escapingControls(text, keepNewlines: false) }
        var out = ""
        for kind in Fact.Kind.allCases {
            let group = facts.filter { $0.kind == kind }
            guard !group.isEmpty else { continue }
            out += "\(kind.plural) (\(group.count))\n"
            for fact in group {
                var line = "  s\(fact.sentence + 1)  " + safe(fact.value)
                if let subject = fact.subject { line += "  — " + safe(subject) }
                if let speaker = fact.speaker { line += "  — " + safe(speaker) }
                if fact.kind == .date { line += "  (\"" + safe(fact.text) + "\")" }
                if let title = fact.title { line += "  — " + safe(title) }
                if let acronym = fact.acronym { line += "  (" + safe(acronym) + ")" }
                if let verb = fact.verb { line += "  — " + verb }
                out += line + "\n"
            }
            out += "\n"
        }
        return out.isEmpty ? "no facts found\n" : out
    }
}
