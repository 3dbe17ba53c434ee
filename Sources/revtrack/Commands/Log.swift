import ArgumentParser
import RevtrackCore
import RevtrackStorage

struct Log: ParsableCommand {
    /// `+2 added, -1 removed, ~3 modified, >1 moved`, like `git log --stat` reads for code.
    static func statLine(_ summary: DocumentComparison.Summary) -> String {
        guard summary.hasDifferences else { return "no sentence changes" }
        var parts: [String] = []
        if summary.added > 0 { parts.append("+\(summary.added) added") }
        if summary.removed > 0 { parts.append("-\(summary.removed) removed") }
        if summary.modified > 0 { parts.append("~\(summary.modified) modified") }
        if summary.moved > 0 { parts.append(">\(summary.moved) moved") }
        return parts.joined(separator: ", ")
    }

    static let configuration = CommandConfiguration(abstract: "List a track's revisions, newest first.")

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The track.")
    var track: String

    @Option(help: "Output format: text or json.")
    var format: ListFormat = .text

    @Flag(help: "Add each revision's changes against the one before: sentences added, removed, modified, moved.")
    var stat = false

    func run() throws {
        let store = try repository.open()
        let oldestFirst = try store.revisions(of: try store.resolveTrack(track))
        let revisions = oldestFirst.reversed()
        var stats: [Int: DocumentComparison.Summary] = [:]
        if stat {
            // One pass over consecutive revisions, each text read and segmented once.
            let texts = try oldestFirst.map { try store.text(of: $0) }
            for (index, step) in SentenceHistory(revisions: texts).steps.enumerated() { stats[index + 2] = step }
        }
        switch format {
        case .json:
            struct Entry: Encodable {
                let revision: RevisionJSON
                let stat: DocumentComparison.Summary?
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
                        line += "\n" + String(repeating: " ", count: width + 2) + "| " + Self.statLine(summary)
                    } else {
                        line += "\n" + String(repeating: " ", count: width + 2) + "| first revision"
                    }
                }
                print(line)
            }
        }
    }
}
