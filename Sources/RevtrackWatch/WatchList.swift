import Foundation
import RevtrackStorage

/// What `watch` polls: pages (a track and its URL) and feeds whose items
/// become tracks. Kept in the repository (`refs/revtrack/watch`, a commit
/// holding `watch.json`) so that it travels with the archive.
public struct WatchList: Hashable, Sendable, Codable {
    public struct Page: Hashable, Sendable, Codable {
        public var track: String
        public var url: String
        /// The CSS selector the page's text is extracted with.
        public var selector: String?
        /// The feed the page was found in, if any.
        public var feed: String?
        /// Whether each capture also keeps the raw page as `source.html`.
        public var keepHTML: Bool?

        public init(track: String, url: String, selector: String? = nil, feed: String? = nil, keepHTML: Bool? = nil) {
            self.track = track
            self.url = url
            self.selector = selector
            self.feed = feed
            self.keepHTML = keepHTML
        }
    }

    public struct Feed: Hashable, Sendable, Codable {
        /// Prefix of the tracks its items become (`NAME/<slug>`).
        public var name: String
        public var url: String
        /// The selector for the item pages.
        public var selector: String?
        public var keepHTML: Bool?

        public init(name: String, url: String, selector: String? = nil, keepHTML: Bool? = nil) {
            self.name = name
            self.url = url
            self.selector = selector
            self.keepHTML = keepHTML
        }
    }

    public var pages: [Page] = []
    public var feeds: [Feed] = []

    public init(pages: [Page] = [], feeds: [Feed] = []) {
        self.pages = pages
        self.feeds = feeds
    }

    public func page(for track: TrackName) -> Page? { pages.first { $0.track == track.rawValue } }

    /// Adds or replaces the page of `page.track`.
    public mutating func watch(_ page: Page) {
        if let index = pages.firstIndex(where: { $0.track == page.track }) { pages[index] = page } else { pages.append(page) }
    }
}
