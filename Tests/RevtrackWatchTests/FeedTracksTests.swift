import Foundation
import RevtrackCapture
import RevtrackStorage
import RevtrackWatch
import Testing

@Suite("Feed items as tracks")
struct FeedTracksTests {
    func item(_ link: String, _ title: String? = nil) -> Feed.Item { Feed.Item(title: title, link: link, published: nil) }

    @Test("slugs come from the link's last meaningful segment, else the title, else the link's digits")
    func slugs() {
        #expect(FeedTracks.slug(for: item("https://news.example/world/2025/03/04/port-strike-ends.html")) == "port-strike-ends")
        #expect(FeedTracks.slug(for: item("https://news.example/world/port-strike-ends/")) == "port-strike-ends")
        #expect(FeedTracks.slug(for: item("https://news.example/article?id=123", "Strike ends: what's next?")) == "strike-ends-what-s-next")
        #expect(FeedTracks.slug(for: item("https://news.example/2025/123456", "Zürich café owners protest")) == "zurich-cafe-owners-protest")
        #expect(FeedTracks.slug(for: item("https://news.example/news/123456")) == "item-123456")
        let long = FeedTracks.slug(for: item("https://x.example/" + String(repeating: "word-", count: 30) + "end"))
        #expect(long.count <= 60 && !long.hasSuffix("-"))
    }

    @Test("new items only, unique and valid track names, the feed's selector passed on")
    func register() throws {
        var list = WatchList(pages: [WatchList.Page(track: "wire/known", url: "https://news.example/a/known")])
        let watched = WatchList.Feed(name: "wire", url: "https://news.example/feed", selector: "article")
        let feed = Feed(title: nil, items: [
            item("https://news.example/a/known"),
            item("https://news.example/b/known"),
            item("https://news.example/b/known"),
            item("https://news.example/c/fresh"),
        ])
        let added = FeedTracks.register(feed, as: watched, in: &list)
        #expect(added.map(\.track) == ["wire/known-2", "wire/fresh"])
        #expect(added.allSatisfy { $0.selector == "article" && $0.feed == "wire" })
        #expect(list.pages.count == 3)
        for page in list.pages { #expect((try? TrackName(page.track)) != nil) }
        #expect(FeedTracks.register(feed, as: watched, in: &list).isEmpty)
    }
}

@Suite("Feed links and origins")
struct FeedLinkTests {
    @Test("items linking to anything but an http(s) page are not watched",
          arguments: ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/a", "data:text/html,hi", "mailto:a@b.c", "https://"])
    func refused(_ link: String) {
        var list = WatchList()
        let feed = Feed(title: nil, items: [Feed.Item(title: "A story", link: link, published: nil),
                                            Feed.Item(title: "Good", link: "https://news.example/good", published: nil)])
        let added = FeedTracks.register(feed, as: WatchList.Feed(name: "wire", url: "https://news.example/feed"), in: &list)
        #expect(added.map(\.url) == ["https://news.example/good"])
    }
}
