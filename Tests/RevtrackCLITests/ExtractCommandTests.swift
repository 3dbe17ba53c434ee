import Foundation
import RevtrackTestSupport
import Testing

@Suite("revtrack extract")
struct ExtractCommandTests {
    let folder = TemporaryFolder()
    var cli: CLI { CLI(repository: folder.file("archive")) }
    var pages: String { samplesRoot + "/pages" }

    @Test("an HTML file gives the article text; JSON adds the page's times; hostile text stays escaped")
    func file() throws {
        let text = try cli.run(["extract", pages + "/jsonld-article.html"])
        #expect(text.status == 0)
        #expect(text.stdout == (try sampleText("pages/jsonld-article.expected.txt")))
        let json = try cli.run(["extract", "--format", "json", pages + "/jsonld-article.html"])
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(document?["published"] as? String == "2025-03-04T08:15:00Z")
        #expect(document?["canonicalURL"] as? String == "https://news.example/business/port-strike-ends")

        let hostile = folder.write("hostile.html", "<html><body><article><p>Ministers met &#x1B;[31m in red &lt;script&gt; today, the agency said, and more was to come.</p></article></body></html>")
        let escaped = try cli.run(["extract", hostile])
        #expect(!escaped.stdout.contains("\u{1B}") && escaped.stdout.contains("<script>"))
    }

    @Test("bad input: a missing file, an unsupported selector, a selector matching nothing, a page without text")
    func badInput() throws {
        let missing = try cli.run(["extract", folder.file("none.html")])
        #expect(missing.status == 2 && missing.stderr.contains("no such file or URL"))
        let selector = try cli.run(["extract", "--selector", "div > p", pages + "/div-soup.html"])
        #expect(selector.status == 2 && selector.stderr.contains("is not a supported selector"))
        let nothing = try cli.run(["extract", "--selector", "#nothing", pages + "/div-soup.html"])
        #expect(nothing.status == 2 && nothing.stderr.contains("matches nothing"))
        let empty = try cli.run(["extract", folder.write("empty.html", "<html><body><nav>Home</nav></body></html>")])
        #expect(empty.status == 2 && empty.stderr.contains("no article text"))
    }

    @Test("from a URL on a loopback server: the page in its declared charset, a 404, a closed port")
    func url() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let latin1 = try Data(contentsOf: URL(fileURLWithPath: pages + "/latin1.html"))
        server.route("/latin1.html", .init(headers: [("Content-Type", "text/html")], body: latin1))

        let page = try cli.run(["extract", server.url("/latin1.html")])
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stdout == (try sampleText("pages/latin1.expected.txt")))
        let missing = try cli.run(["extract", server.url("/missing.html")])
        #expect(missing.status == 2 && missing.stderr.contains("HTTP 404"))
        let closed = try cli.run(["extract", "http://127.0.0.1:1/page.html"])
        #expect(closed.status == 2 && closed.stderr.contains("127.0.0.1:1/page.html"))
    }
}
