import Foundation
import RevtrackCapture
import RevtrackTestSupport
import Testing

@Suite("Article extraction from HTML")
struct ArticleExtractorTests {
    func page(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: samplesRoot + "/pages/" + name))
    }

    @Test("each fixture page gives its expected text", arguments: ["jsonld-article", "div-soup", "liveblog", "latin1", "broken"])
    func fixture(_ name: String) throws {
        let article = try ArticleExtractor.extract(html: try page(name + ".html"))
        let expected = try sampleText("pages/" + name + ".expected.txt")
        #expect(article.text == expected.trimmingCharacters(in: .newlines))
    }

    @Test("published and modified times from meta tags and JSON-LD; canonical URL; headline")
    func metadata() throws {
        let article = try ArticleExtractor.extract(html: try page("jsonld-article.html"))
        #expect(article.title == "Port strike ends after 11 days")
        #expect(article.published == "2025-03-04T08:15:00Z" && article.modified == "2025-03-04T11:40:00Z")
        #expect(article.canonicalURL == "https://news.example/business/port-strike-ends")

        let graph = Data("""
            <html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle",
            "datePublished":"2024-01-02T03:04:05+01:00","headline":"A &amp; B"}]}</script></head>
            <body><article><p>Only text here, long enough to be the article body of this small page, with a comma.</p></article></body></html>
            """.utf8)
        let fromGraph = try ArticleExtractor.extract(html: graph)
        #expect(fromGraph.published == "2024-01-02T03:04:05+01:00" && fromGraph.modified == nil)
    }

    @Test("a selector picks the region; a selector matching nothing and a page without text are errors")
    func selector() throws {
        let selector = try #require(CSSSelector("div.content p"))
        let article = try ArticleExtractor.extract(html: try page("div-soup.html"), selector: selector)
        #expect(article.text.hasPrefix("The city council approved"))
        #expect(article.text.components(separatedBy: "\n\n").count == 3)
        #expect(CSSSelector("div > p") == nil && CSSSelector("") == nil && CSSSelector("#") == nil)
        #expect(throws: ExtractionError.selectorMatchesNothing("#nothing")) {
            try ArticleExtractor.extract(html: try page("div-soup.html"), selector: CSSSelector("#nothing")!)
        }
        #expect(throws: ExtractionError.noText) {
            try ArticleExtractor.extract(html: Data("<html><body><nav>Home</nav><script>x()</script></body></html>".utf8))
        }
        #expect(throws: ExtractionError.notHTML) { try ArticleExtractor.extract(html: Data()) }
    }
}

@Suite("Extraction limits")
struct ExtractionLimitTests {
    @Test("100,000 nested divs and a 20 MB inline script still give the article")
    func hugePages() throws {
        let deep = String(repeating: "<div>", count: 100_000) + "<p>The council voted to reopen the bridge on Friday after repairs.</p>"
            + String(repeating: "</div>", count: 100_000)
        let nested = try ArticleExtractor.extract(html: Data(("<html><body>" + deep + "</body></html>").utf8))
        #expect(nested.text.contains("The council voted to reopen the bridge"))
        let script = "<html><head><script>var x = \"" + String(repeating: "a", count: 20_000_000) + "\";</script></head><body><article>"
            + "<p>The council voted to reopen the bridge on Friday after repairs.</p></article></body></html>"
        let big = try ArticleExtractor.extract(html: Data(script.utf8))
        #expect(big.text.contains("The council voted to reopen the bridge"))
    }

    @Test("a page in an EBCDIC code page or UTF-16 is refused, not stored as garbage",
          arguments: ["cp037", "IBM500", "ebcdic-cp-us", "UTF-16LE"])
    func ebcdic(_ name: String) {
        let page = "<html><head><meta charset=\"\(name)\"></head><body><p>Some text that is not what it seems.</p></body></html>"
        #expect(throws: ExtractionError.unsupportedEncoding(name.lowercased())) { try ArticleExtractor.extract(html: Data(page.utf8)) }
        #expect(throws: ExtractionError.unsupportedEncoding(name)) {
            try ArticleExtractor.extract(html: Data("<p>x</p>".utf8), encoding: name)
        }
    }
}
