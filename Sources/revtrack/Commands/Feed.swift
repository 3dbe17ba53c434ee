import ArgumentParser
import RevtrackStory
import Foundation
import RevtrackCapture
import RevtrackStorage
import RevtrackWatch

struct FeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Watch an RSS or Atom feed: each of its items becomes a track NAME/<slug>.",
        subcommands: [Add.self, Remove.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a feed; its current items are watched at once, new ones on each 'watch' round.",
            discussion: "The feed is fetched and parsed first: a feed that cannot be read is refused and nothing is stored."
        )

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: "The feed's name: the folder its items' tracks go in (e.g. reuters-world).")
        var name: String

        @Argument(help: "The feed's http(s) URL.")
        var url: String

        @Option(help: "A CSS selector for the article's region on the item pages.")
        var selector: String?

        @Flag(help: "Keep each captured page as source.html.")
        var keepHTML = false

        func run() throws {
            let name = try TrackName(self.name)
            let (feed, added) = try FeedWatching.add(name: name, url: url, selector: selector, keepHTML: keepHTML,
                                                     store: try repository.location.open())
            print("feed \(name): \(feed.items.count) items, \(added.count) new tracks; 'revtrack watch --once' captures them")
            for page in added { print("  \(safe(page.track))  \(safe(page.url))") }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop watching a feed and its items' pages (their revisions stay).")

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: "The feed's name.")
        var name: String

        func run() throws {
            try FeedWatching.remove(name: name, store: try repository.location.open())
            print("stopped watching feed \(name)")
        }
    }
}
