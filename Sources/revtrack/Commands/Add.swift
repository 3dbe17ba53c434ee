import ArgumentParser
import Foundation
import RevtrackStorage
import RevtrackStory
import RevtrackWatch

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Store a new revision of a track's text, from a file or straight from a web page.",
        discussion: """
            Prints TRACK@N and the short commit id, or 'unchanged' when the text equals the latest revision. \
            A track's revisions stay in capture order: a --date before the latest revision's is refused \
            unless --insert. \
            With --url and no FILE the page is fetched and its article text stored, with the HTTP status, \
            the final URL after redirects and the page's own published and modified times in meta.json; \
            the track then remembers its URL (and selector) for 'revtrack watch'.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The track, e.g. reuters or karabakh/reuters.")
    var track: String

    @Argument(help: "The text file to store; - reads standard input. Without it, --url is fetched.")
    var file: String?

    @Option(help: "The article's title (default for a fetched page: its headline).")
    var title: String?

    @Option(help: "The source URL: fetched when no FILE is given, else only recorded.")
    var url: String?

    @Option(help: "A CSS selector for the article's region on the fetched page (tag, .class, #id, descendants).")
    var selector: String?

    @Flag(help: "Also store the fetched page, byte for byte, as source.html in the same commit.")
    var keepHTML = false

    @Option(help: ArgumentHelp("Capture time, ISO 8601 (default: now).", valueName: "time"))
    var date: String?

    @Flag(help: "Store a capture time before the track's latest revision in capture order, re-creating the later revisions on top (otherwise refused).")
    var insert = false

    func run() throws {
        _ = try TrackName(track)
        let captured = try date.map { date in
            guard let parsed = CaptureTime.parse(date) else {
                throw CommandFailure("--date '\(date)' is not an ISO 8601 time (e.g. 2024-05-15T09:30:00Z or 2024-05-15)")
            }
            guard CaptureTime.storable.contains(parsed) else {
                throw CommandFailure("--date '\(date)' is outside the times git can store (1970-01-01 to 2106-02-07)")
            }
            return parsed
        }
        let outcome: AddOutcome
        if let file {
            guard selector == nil, !keepHTML else {
                throw CommandFailure("--selector and --keep-html apply to a fetched page: give --url without FILE")
            }
            let text = try InputFile.text(file)
            let store = try open()
            outcome = try CaptureAndStore.add(text: text, to: track, title: title, url: url, captured: captured,
                                              insert: insert, in: store)
        } else {
            guard let url else { throw CommandFailure("give a FILE to store, - for standard input, or --url URL to fetch") }
            let webURL = try CaptureAndStore.webURL(url)
            let page = try CaptureAndStore.fetch(webURL, selector: try CaptureAndStore.parseSelector(selector))
            let store = try open()
            outcome = try CaptureAndStore.store(page, requested: webURL, selector: selector, keepHTML: keepHTML,
                                                to: try CaptureAndStore.track(named: track, in: store), title: title,
                                                captured: captured, insert: insert, in: store)
            try PageWatching.watch(track: outcome.revision.track, url: url, selector: selector, keepHTML: keepHTML,
                                   validators: page.page.validators, repository: repository.location.path, store: store)
        }
        switch outcome {
        case .added(let revision): print("\(revision.spec) \(revision.id.short)")
        case .unchanged(let revision): print("\(revision.spec) \(revision.id.short) unchanged")
        case .inserted(let revision, let recreated):
            print("\(revision.spec) \(revision.id.short) inserted in capture order"
                  + (recreated > 0 ? "; \(recreated) later revision\(recreated == 1 ? "" : "s") re-created after it" : ""))
        }
    }

    /// The repository, created on first use (and said so).
    private func open() throws -> RevisionStore {
        let (store, created) = try repository.location.openOrCreate()
        if created { StandardError.write("revtrack: created repository at \(repository.location.path)") }
        return store
    }
}
