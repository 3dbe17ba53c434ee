import Foundation
import RevtrackCapture
import RevtrackStorage

/// Turns a feed's items into watched pages: each new link becomes the track
/// `FEED/<slug>`, named from the link (stable) rather than the headline,
/// which is what newsrooms rewrite.
public enum FeedTracks {
    /// Path segments that name a site's section or script, not a story.
    static let genericSegments: Set<String> = ["index", "article", "articles", "story", "stories", "news", "post", "item", "amp", "view", "content", "default"]

    /// `https://news.example/world/2025/03/04/port-strike-ends.html` → `port-strike-ends`;
    /// falls back to the title, then to the link's digits.
    public static func slug(for item: Feed.Item) -> String {
        let url = URL(string: item.link)
        let segments = (url?.path ?? "").split(separator: "/").map { segment -> String in
            let name = String(segment)
            if let dot = name.lastIndex(of: "."), ["html", "htm", "php", "aspx", "shtml"].contains(name[name.index(after: dot)...].lowercased()) {
                return String(name[..<dot])
            }
            return name
        }
        let fromPath = segments.reversed().lazy.map(slugify).first { slug in
            slug.count >= 3 && slug.contains(where: \.isLetter) && !genericSegments.contains(slug)
        }
        if let fromPath { return fromPath }
        if let title = item.title.map(slugify), !title.isEmpty { return title }
        let digits = item.link.filter(\.isNumber)
        return digits.isEmpty ? "item" : "item-" + String(digits.suffix(12))
    }

    /// Lowercase ASCII letters and digits joined by single hyphens, at most 60 characters.
    static func slugify(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var slug = ""
        for word in words {
            let next = slug.isEmpty ? word : slug + "-" + word
            if next.count > 60 { break }
            slug = next
        }
        return slug.isEmpty ? String(words.first?.prefix(60) ?? "") : slug
    }

    /// Adds the feed's items that no watched page has yet, each as a track
    /// `FEED/<slug>` (made unique with `-2`, `-3`…). Returns the new pages.
    public static func register(_ feed: Feed, as watched: WatchList.Feed, in list: inout WatchList) -> [WatchList.Page] {
        let known = Set(list.pages.map(\.url))
        var taken = Set(list.pages.map(\.track))
        var added: [WatchList.Page] = []
        // Only web pages are watched: an item linking to file:, javascript:, ftp: or data: would fail every round.
        for item in feed.items where isWebLink(item.link) && !known.contains(item.link) && !added.contains(where: { $0.url == item.link }) {
            let base = watched.name + "/" + slug(for: item)
            var track = base
            var suffix = 2
            while taken.contains(track) || (try? TrackName(track)) == nil {
                track = base + "-\(suffix)"
                suffix += 1
                if suffix > 1000 { break }
            }
            guard (try? TrackName(track)) != nil else { continue }
            taken.insert(track)
            let page = WatchList.Page(track: track, url: item.link, selector: watched.selector, feed: watched.name,
                                      keepHTML: watched.keepHTML)
            list.watch(page)
            added.append(page)
        }
        return added
    }

    /// Whether a feed item's link is an http(s) URL with a host.
    static func isWebLink(_ link: String) -> Bool {
        guard let url = URL(string: link), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty else { return false }
        return true
    }
}
