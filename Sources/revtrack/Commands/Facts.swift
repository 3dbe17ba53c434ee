import ArgumentParser
import Foundation
import RevtrackText
import RevtrackFacts
import RevtrackStorage

struct Facts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the facts of a revision or file: quantities, dates, quotations, people, places, organisations and claims.",
        discussion: "Dates resolve against the article's own date when it states one, else the revision's capture time (today for a file)."
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "A revision (TRACK, TRACK@N, TRACK~K, commit) or a text file; file:PATH forces a file.")
    var source: String

    @Option(help: "Output format: text or json.")
    var format: ListFormat = .text

    func run() throws {
        let operand = try TextOperand.resolve(source, repository: repository)
        let facts = FactExtractor.extract(from: operand.text, reference: civilDate(operand.revision?.captured ?? Date()))
        switch format {
        case .json:
            try printJSON(facts)
        case .text:
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
            StandardOutput.write(out.isEmpty ? "no facts found\n" : out)
        }
    }
}

/// The UTC calendar day of a moment.
func civilDate(_ date: Date) -> CivilDate {
    CivilDate(dayNumber: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
}
