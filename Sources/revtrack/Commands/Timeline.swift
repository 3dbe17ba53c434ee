import ArgumentParser
import Foundation
import RevtrackFacts
import RevtrackStorage

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "How a story's facts moved over its revisions: counts, dates and quotes at each change.",
        discussion: """
            Each line is one referent (a toll, a date, a quote) with its value where it first appeared \
            and at every change, e.g. 'people (dead)  at least 12 (@1) → at least 20 (@3) → 23 (@5)'. \
            'gone' marks a revision where it left the story; ×N says N mentions moved together.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The track.")
    var track: String

    @OptionGroup var range: RevisionRangeOptions

    @Flag(help: "Only referents that changed after they first appeared.")
    var changed = false

    @Option(help: "Output format: text or json.")
    var format: ListFormat = .text

    func run() throws {
        let store = try repository.open()
        let name = try store.resolveTrack(track)
        let revisions = try range.select(try store.revisions(of: name), track: name.description)
        let history = try StoryHistory(revisions, store: store)
        let referents = history.facts.referents.filter { !changed || $0.changed }
        switch format {
        case .json:
            try printJSON(referents)
        case .text:
            StandardOutput.write(render(referents, revisions, width: TerminalSize.columns()))
        }
    }

    private func render(_ referents: [FactTimeline.Referent], _ revisions: [Revision], width: Int) -> String {
        let first = revisions[0], last = revisions[revisions.count - 1]
        let changedCount = referents.filter(\.changed).count
        var out = "\(safe(first.track.description))  @\(first.number) \(CaptureTime.format(first.captured)) → "
            + "@\(last.number) \(CaptureTime.format(last.captured)) · \(revisions.count) revision\(revisions.count == 1 ? "" : "s")"
            + " · \(referents.count) fact\(referents.count == 1 ? "" : "s"), \(changedCount) changed\n"
        guard !referents.isEmpty else { return out + "\nno facts found\n" }
        for kind in Fact.Kind.allCases {
            let group = referents.filter { $0.kind == kind }
            guard !group.isEmpty else { continue }
            out += "\n\(kind.plural)\n"
            let labels = group.map { safe($0.label) + ($0.mentions > 1 ? " ×\($0.mentions)" : "") }
            let labelWidth = min(labels.map(\.count).max() ?? 0, 28)
            for (referent, label) in zip(group, labels) {
                let steps = referent.values.map { "\($0.value.map(safe) ?? "gone") (@\($0.revision))" }
                let line = "  " + label.padding(toLength: max(labelWidth, label.count), withPad: " ", startingAt: 0)
                    + "  " + steps.joined(separator: " → ")
                if line.count <= width {
                    out += line + "\n"
                } else {
                    out += "  " + label + "\n"
                    for value in referent.values {
                        out += "    @\(value.revision)  " + (value.value.map(safe) ?? "gone") + "\n"
                    }
                }
            }
        }
        return out
    }
}
