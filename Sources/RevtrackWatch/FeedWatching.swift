import Foundation
import RevtrackCapture
import RevtrackStorage
import RevtrackStory

/// Registering and dropping feeds: the checks that keep feed folders and
/// tracks apart, and the watch-list changes, for `feed add` and `feed remove`.
public enum FeedWatching {
    /// Fetches and parses the feed first (a feed that cannot be read is
    /// refused and nothing is stored), then watches it and its current items.
    /// - Returns: the feed as read and the pages its items became.
    public static func add(name: TrackName, url: String, selector: String?, keepHTML: Bool,
                           store: RevisionStore) throws -> (feed: Feed, added: [WatchList.Page]) {
        _ = try CaptureAndStore.parseSelector(selector)
        let feedURL = try CaptureAndStore.webURL(url)
        if let existing = try store.trackNames().first(where: { $0 == name || name.rawValue.hasPrefix($0.rawValue + "/") }) {
            throw StoryError("feed '\(name)' cannot hold tracks: '\(existing)' is a track")
        }
        if try store.watchList().feeds.contains(where: { $0.name == name.rawValue }) {
            throw StoryError("a feed named '\(name)' is already watched (remove it first)")
        }
        let feed = try CaptureAndStore.feed(feedURL)
        let watched = WatchList.Feed(name: name.rawValue, url: url, selector: selector, keepHTML: keepHTML ? true : nil)
        var added: [WatchList.Page] = []
        try store.updateWatchList("watch feed \(name)") { list in
            list.feeds.append(watched)
            added = FeedTracks.register(feed, as: watched, in: &list)
        }
        return (feed, added)
    }

    /// Stops watching a feed and the pages found in it; their revisions stay.
    public static func remove(name: String, store: RevisionStore) throws {
        guard try store.watchList().feeds.contains(where: { $0.name == name }) else {
            throw StoryError("no feed named '\(name)' is watched (see 'revtrack watch list')")
        }
        try store.updateWatchList("unwatch feed \(name)") { list in
            list.feeds.removeAll { $0.name == name }
            list.pages.removeAll { $0.feed == name }
        }
    }
}
