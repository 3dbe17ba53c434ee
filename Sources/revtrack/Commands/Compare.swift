import ArgumentParser
import Foundation
import RevtrackRender
import RevtrackStorage
import RevtrackStory

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare all outlets of one story: facts by outlet, copied text, framing.",
        discussion: """
            STORY names the tracks under STORY/ (e.g. 'karabakh' for karabakh/reuters, karabakh/opinion), \
            each at its latest revision, or the last one captured by --at. Conflicting facts come first; \
            the copied-text matrix gives the share of each outlet's words it shares word for word with \
            another, the earlier capture being the likely source.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The story: the first part of its tracks' names.")
    var story: String

    @Option(help: ArgumentHelp("Each outlet as it stood at this time (ISO 8601 date or time).", valueName: "date"))
    var at: String?

    @OptionGroup var output: OutputOptions<CompareFormat>

    @OptionGroup var color: ColorOptions

    func run() throws {
        var when: Date? = nil
        if let at {
            guard let date = CaptureTime.parse(at) else { throw ValidationError("--at: '\(at)' is not an ISO 8601 date or time") }
            when = date
        }
        let comparison = try StoryComparison.load(story, at: when, store: try repository.location.open())
        let table = StoryTable(comparison, story: story)
        switch output.format {
        case .text: try output.emit(StoryComparisonRenderer.text(table, color: output.colored(color.color)))
        case .json: try output.emit(try StoryComparisonRenderer.json(table))
        case .html: try output.emit(StoryComparisonRenderer.html(table))
        }
    }
}

enum CompareFormat: String, OutputFormat {
    case text, json, html
}

