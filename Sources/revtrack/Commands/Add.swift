import ArgumentParser
import Foundation
import RevtrackCapture
import RevtrackStorage
import RevtrackWatch

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Store a new revision of a track's text, from a file or straight from a web page.",
        discussion: """
            Prints TRACK@N and the short commit id, or 'unchanged' when the text equals the latest revision. \
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

    func run() throws {
        let named = try TrackName(self.track)
        var captured = Date()
        if let date {
            guard let parsed = CaptureTime.parse(date) else {
                throw CommandFailure("--date '\(date)' is not an ISO 8601 time (e.g. 2024-05-15T09:30:00Z or 2024-05-15)")
            }
            captured = parsed
        }
        let text: String
        var title = self.title
        var page: PageProvenance? = nil
        var sourceHTML: [UInt8]? = nil
        var validators = CacheValidators()
        if let file {
            guard selector == nil, !keepHTML else {
                throw CommandFailure("--selector and --keep-html apply to a fetched page: give --url without FILE")
            }
            text = try InputFile.text(file)
        } else {
            guard let url else { throw CommandFailure("give a FILE to store, - for standard input, or --url URL to fetch") }
            guard let webURL = CaptureInput.webURL(url) else { throw CommandFailure("\(url): not an http or https URL") }
            let fetched = try CaptureInput.capture(webURL, selector: try CaptureInput.selector(selector))
            text = fetched.article.textFile
            title = title ?? fetched.article.title
            if date == nil { captured = fetched.page.fetched }
            page = PageProvenance(fetched, requested: webURL, selector: selector)
            if keepHTML { sourceHTML = Array(fetched.page.data) }
            validators = fetched.page.validators
        }

        let store: RevisionStore
        if FileManager.default.fileExists(atPath: repository.path) {
            store = try repository.open()
        } else {
            store = try RevisionStore.create(at: repository.path)
            StandardError.write("revtrack: created repository at \(repository.path)")
        }
        let track = try Self.existingOrNew(named, in: store)
        let outcome = try store.add(text: text, to: track, title: title, url: url, captured: captured,
                                    page: page, sourceHTML: sourceHTML)
        if file == nil, let url {
            WatchCache.remember(validators, for: url, in: repository.path)
            try store.updateWatchList("watch \(track)") { list in
                list.watch(WatchList.Page(track: track.rawValue, url: url, selector: selector,
                                          feed: list.page(for: track)?.feed, keepHTML: keepHTML ? true : nil))
            }
        }
        switch outcome {
        case .added(let revision):
            print("\(revision.spec) \(revision.id.short)")
        case .unchanged(let revision):
            print("\(revision.spec) \(revision.id.short) unchanged")
        }
    }
}

extension Add {
    /// A short name adds to the one existing track it names; otherwise it is a new track.
    static func existingOrNew(_ named: TrackName, in store: RevisionStore) throws -> TrackName {
        do { return try store.resolveTrack(named.rawValue) } catch StorageError.unknownTrack { return named }
    }
}
