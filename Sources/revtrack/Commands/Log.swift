import ArgumentParser
import RevtrackStorage

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List a track's revisions, newest first.")

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The track.")
    var track: String

    @Option(help: "Output format: text or json.")
    var format: ListFormat = .text

    func run() throws {
        let store = try repository.open()
        let revisions = try store.revisions(of: try store.resolveTrack(track)).reversed()
        switch format {
        case .json:
            try printJSON(revisions.map(RevisionJSON.init))
        case .text:
            let width = String(revisions.first?.number ?? 0).count + 1
            for revision in revisions {
                let number = "@\(revision.number)".padding(toLength: width, withPad: " ", startingAt: 0)
                let title = revision.title.map(safe) ?? "(untitled)"
                print("\(number)  \(revision.id.short)  \(CaptureTime.format(revision.captured))  \(title)  (\(revision.metadata.bytes.grouped) bytes)")
            }
        }
    }
}
