import ArgumentParser
import RevtrackCore
import RevtrackFacts
import RevtrackStorage

struct Log: ParsableCommand {
    /// `+2 added, -1 removed, ~3 modified, >1 moved`, like `git log --stat` reads for code.
    static func statLine(_ summary: DocumentComparison.Summary, facts: FactTimeline.Step) -> String {
        var parts: [String] = []
        if summary.added > 0 { parts.append("+\(summary.added) added") }
        if summary.removed > 0 { parts.append("-\(summary.removed) removed") }
        if summary.modified > 0 { parts.append("~\(summary.modified) modified") }
        if summary.moved > 0 { parts.append(">\(summary.moved) moved") }
        var line = summary.hasDifferences ? parts.joined(separator: ", ") : "no sentence changes"
        var factParts: [String] = []
        if facts.changed > 0 { factParts.append("\(facts.changed) changed") }
        if facts.added > 0 { factParts.append("\(facts.added) added") }
        if facts.removed > 0 { factParts.append("\(facts.removed) removed") }
        if !factParts.isEmpty { line += " · facts: " + factParts.joined(separator: ", ") }
        return line
    }

    static let configuration = CommandConfiguration(abstract: "List a track's revisions, newest first.")

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The track.")
    var track: String

    @Option(help: "Output format: text or json.")
    var format: ListFormat = .text

    @Flag(help: "Add each revision's changes against the one before: sentences added, removed, modified, moved, and facts changed, added, removed.")
    var stat = false

    @OptionGroup var range: RevisionRangeOptions

    func run() throws {
        let store = try repository.open()
        let name = try store.resolveTrack(track)
        let all = try store.revisions(of: name)
        let oldestFirst = try range.select(all, track: name.description)
        let revisions = oldestFirst.reversed()
        var stats: [Int: Stat] = [:]
        if stat {
            // One pass over consecutive revisions, each text read, segmented and
            // compared once; the revision before the range gives its first one a stat too.
            let before = oldestFirst[0].number > 1 ? [all[oldestFirst[0].number - 2]] : []
            let history = try StoryHistory(before + oldestFirst, store: store)
            for (index, step) in history.sentences.steps.enumerated() {
                stats[history.revisions[index + 1].number] = Stat(sentences: step, facts: history.facts.steps[index])
            }
        }
        switch format {
        case .json:
            struct Entry: Encodable {
                let revision: RevisionJSON
                let stat: Stat?
                func encode(to encoder: any Encoder) throws {
                    try revision.encode(to: encoder)
                    if let stat {
                        var container = encoder.container(keyedBy: Key.self)
                        try container.encode(stat, forKey: .stat)
                    }
                }
                enum Key: String, CodingKey { case stat }
            }
            try printJSON(revisions.map { Entry(revision: RevisionJSON($0), stat: stats[$0.number]) })
        case .text:
            let width = String(revisions.first?.number ?? 0).count + 1
            for revision in revisions {
                let number = "@\(revision.number)".padding(toLength: width, withPad: " ", startingAt: 0)
                let title = revision.title.map(safe) ?? "(untitled)"
                var line = "\(number)  \(revision.id.short)  \(CaptureTime.format(revision.captured))  \(title)  (\(revision.metadata.bytes.grouped) bytes)"
                if stat {
                    if let summary = stats[revision.number] {
                        line += "\n" + String(repeating: " ", count: width + 2) + "| " + Self.statLine(summary.sentences, facts: summary.facts)
                    } else {
                        line += "\n" + String(repeating: " ", count: width + 2) + "| first revision"
                    }
                }
                print(line)
            }
        }
    }

    /// One revision's changes against the one before, as `--stat` shows them.
    struct Stat: Encodable {
        let sentences: DocumentComparison.Summary
        let facts: FactTimeline.Step

        /// The sentence counts at the top level (as before facts were counted), facts inside.
        func encode(to encoder: any Encoder) throws {
            try sentences.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(facts, forKey: .facts)
        }
        enum Key: String, CodingKey { case facts }
    }
}
