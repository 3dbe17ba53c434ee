import ArgumentParser
import Foundation
import RevtrackRender
import RevtrackStorage
import RevtrackStory

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

    @OptionGroup var output: OutputOptions<ListFormat>

    func run() throws {
        let history = try StoryHistory.load(track, range: range.range, store: try repository.location.open(), withPrevious: false)
        let referents = history.facts.referents.filter { !changed || $0.changed }
        switch output.format {
        case .json:
            try output.emitJSON(referents)
        case .text:
            let revisions = history.revisions
            func end(_ revision: Revision) -> TimelineRenderer.End {
                .init(number: revision.number, captured: CaptureTime.format(revision.captured))
            }
            try output.emit(TimelineRenderer(width: TerminalSize.columns())
                .render(referents, track: revisions[0].track.description, first: end(revisions[0]),
                        last: end(revisions[revisions.count - 1]), revisions: revisions.count))
        }
    }
}
