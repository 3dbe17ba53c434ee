import Foundation
import RevtrackCapture
import Testing

@Suite("Feed parser")
struct FeedParserTests {
    let base = URL(string: "https://news.example/rss/world.xml")!

    @Test("RSS 2.0: links resolved against the feed, guid permalinks used when there is no link, CDATA titles")
    func rss() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>World</title>
            <item><title><![CDATA[Strike ends & ports reopen]]></title><link>/world/strike-ends.html</link>
              <pubDate>Tue, 04 Mar 2025 08:15:00 GMT</pubDate></item>
            <item><title>Guid only</title><guid isPermaLink="true">https://news.example/world/guid-only</guid></item>
            <item><title>Not a permalink</title><guid isPermaLink="false">tag:news.example,2025:1</guid></item>
            </channel></rss>
            """
        let feed = try FeedParser.parse(Data(xml.utf8), baseURL: base)
        #expect(feed.title == "World")
        #expect(feed.items.map(\.link) == ["https://news.example/world/strike-ends.html", "https://news.example/world/guid-only"])
        #expect(feed.items[0].title == "Strike ends & ports reopen")
        #expect(feed.items[0].published == "Tue, 04 Mar 2025 08:15:00 GMT")
    }

    @Test("Atom: the alternate link, published or updated time; RSS 1.0 (RDF) items beside the channel")
    func atomAndRDF() throws {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
            <entry><title>One</title><link rel="self" href="https://news.example/api/1"/>
              <link rel="alternate" type="text/html" href="https://news.example/2025/one"/><updated>2025-03-04T09:00:00Z</updated></entry>
            <entry><title>Two</title><link href="two"/></entry>
            </feed>
            """
        let parsed = try FeedParser.parse(Data(atom.utf8), baseURL: base)
        #expect(parsed.items.map(\.link) == ["https://news.example/2025/one", "https://news.example/rss/two"])
        #expect(parsed.items[0].published == "2025-03-04T09:00:00Z")

        let rdf = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
            <channel><title>Old style</title></channel>
            <item><title>Three</title><link>https://news.example/three</link></item></rdf:RDF>
            """
        #expect(try FeedParser.parse(Data(rdf.utf8)).items.map(\.link) == ["https://news.example/three"])
    }

    @Test("malformed XML, an HTML page, an empty body and an entity bomb are errors, not guesses")
    func bad() {
        #expect(throws: FeedError.self) { try FeedParser.parse(Data("<rss><channel><item>".utf8)) }
        #expect(throws: FeedError.notAFeed(root: "html")) { try FeedParser.parse(Data("<html><body/></html>".utf8)) }
        #expect(throws: FeedError.self) { try FeedParser.parse(Data()) }
        let bomb = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
            <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
            <rss><channel><item><title>&d;</title><link>https://news.example/x</link></item></channel></rss>
            """
        // Entities are not expanded: the title is not 10,000 letters.
        let feed = try? FeedParser.parse(Data(bomb.utf8))
        #expect((feed?.items.first?.title?.count ?? 0) < 100)
    }
}
