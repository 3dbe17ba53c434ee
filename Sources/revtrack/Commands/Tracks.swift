import ArgumentParser
import RevtrackRender
import RevtrackStory
import RevtrackStorage

struct Tracks: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List tracks with their number of revisions and latest capture time.")

    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var output: OutputOptions<ListFormat>

    func run() throws {
        let store = try repository.location.open()
        let summaries = try store.trackSummaries()
        for damaged in store.damagedTrackNames() {
            StandardError.write("revtrack: note: track '\(damaged)' has a damaged branch file (\(damaged.referenceName) holds no commit id) and is not listed")
        }
        switch output.format {
        case .json:
            struct Entry: Encodable {
                let track: String
                let revisions: Int
                let latest: RevisionJSON
            }
            try output.emitJSON(summaries.map { Entry(track: $0.track.rawValue, revisions: $0.revisionCount, latest: RevisionJSON($0.latest)) })
        case .text:
            let width = summaries.map(\.track.rawValue.count).max() ?? 0
            for summary in summaries {
                let name = summary.track.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                let count = "\(summary.revisionCount) revision\(summary.revisionCount == 1 ? "" : "s")"
                print("\(name)  \(count.padding(toLength: 13, withPad: " ", startingAt: 0))  latest \(CaptureTime.format(summary.latest.captured))")
            }
        }
    }
}
