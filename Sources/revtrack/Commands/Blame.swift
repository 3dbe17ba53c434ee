import ArgumentParser
import Foundation
import RevtrackRender
import RevtrackStorage
import RevtrackStory

struct Blame: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "For every sentence of a revision, the revision that introduced it and its last edit.",
        discussion: """
            A sentence keeps its origin through edits, moves, splits and merges. Text output shows \
            @N (introduced), ~@M ×K (last edited in revision M, K edits) and the capture time of the \
            last change beside each sentence. A sentence deleted and later added back is a new \
            appearance: it is blamed on the revision that brought it back.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The revision (default: a track's latest): TRACK, TRACK@N, TRACK~K or a commit prefix.")
    var revision: String

    @OptionGroup var output: OutputOptions<ListFormat>

    @OptionGroup var color: ColorOptions

    @Flag(help: "Also list page furniture (share lines, ads, credits, time stamps), left out by default as are 'revtrack ignore' rules.")
    var showFurniture = false

    func run() throws {
        let store = try repository.location.open()
        let (revisions, history) = try StoryHistory.blame(revision, store: store)
        let filter = try StoryHistory.filter(for: revisions[revisions.count - 1].track, store: store, showFurniture: showFurniture)
        switch output.format {
        case .json:
            struct Entry: Encodable {
                let text: String
                let paragraph: Int
                let introduced: Int
                let lastChanged: Int
                let changes: Int
                let introducedId: String
                let lastChangedId: String
            }
            try output.emitJSON(zip(history.latest.sentences, history.origins).filter { !filter.ignores($0.0) }.map { sentence, origin in
                Entry(text: sentence.text, paragraph: sentence.paragraph,
                      introduced: origin.introduced + 1, lastChanged: origin.lastChanged + 1, changes: origin.changes,
                      introducedId: revisions[origin.introduced].id.short, lastChangedId: revisions[origin.lastChanged].id.short)
            })
        case .text:
            try output.emit(BlameRenderer(color: output.colored(color.color), width: TerminalSize.columns())
                .render(history, captured: revisions.map { CaptureTime.format($0.captured) }, hiding: filter.ignores))
        }
    }
}
