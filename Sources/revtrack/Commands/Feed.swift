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
            _ = try CaptureAndStore.parseSelector(selector)
            let feedURL = try CaptureAndStore.webURL(url)
            let store = try repository.location.open()
            if let existing = try store.trackNames().first(where: { $0 == name || name.rawValue.hasPrefix($0.rawValue + "/") }) {
                throw CommandFailure("feed '\(name)' cannot hold tracks: '\(existing)' is a track")
            }
            if try store.watchList().feeds.contains(where: { $0.name == name.rawValue }) {
                throw CommandFailure("a feed named '\(name)' is already watched (remove it first)")
            }
            let feed = try CaptureAndStore.feed(feedURL)
            let watched = WatchList.Feed(name: name.rawValue, url: url, selector: selector, keepHTML: keepHTML ? true : nil)
            var added: [WatchList.Page] = []
            try store.updateWatchList("watch feed \(name)") { list in
                list.feeds.append(watched)
                added = FeedTracks.register(feed, as: watched, in: &list)
            }
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
            let store = try repository.location.open()
            guard try store.watchList().feeds.contains(where: { $0.name == name }) else {
                throw CommandFailure("no feed named '\(name)' is watched (see 'revtrack watch list')")
            }
            try store.updateWatchList("unwatch feed \(name)") { list in
                list.feeds.removeAll { $0.name == name }
                list.pages.removeAll { $0.feed == name }
            }
            print("stopped watching feed \(name)")
        }
    }
}
