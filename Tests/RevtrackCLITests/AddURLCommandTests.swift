import Foundation
import RevtrackStorage
import RevtrackWatch
import RevtrackTestSupport
import Testing

@Suite("revtrack add --url")
struct AddURLCommandTests {
    let folder = TemporaryFolder()
    var archive: String { folder.file("archive") }
    var cli: CLI { CLI(repository: archive) }

    func page(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: samplesRoot + "/pages/" + name))
    }

    @Test("a page behind a redirect: its text, status, final URL and the page's own times in meta.json; --keep-html keeps the bytes; the track remembers its URL")
    func capture() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let html = try page("jsonld-article.html")
        server.route("/story", .redirect(to: "/2025/port-strike"))
        server.route("/2025/port-strike", .init(headers: [("Content-Type", "text/html; charset=utf-8")], body: html))

        let first = try cli.run(["add", "port", "--url", server.url("/story"), "--keep-html"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("port@1 "))
        let store = try RevisionStore.open(at: archive)
        let revision = try store.resolve("port@1")
        #expect(try store.text(of: revision) == (try sampleText("pages/jsonld-article.expected.txt")))
        #expect(revision.title == "Port strike ends after 11 days")
        #expect(revision.metadata.url == server.url("/story"))
        let provenance = try #require(revision.metadata.page)
        #expect(provenance.status == 200)
        #expect(provenance.finalURL == server.url("/2025/port-strike"))
        #expect(provenance.published == "2025-03-04T08:15:00Z" && provenance.modified == "2025-03-04T11:40:00Z")
        #expect(provenance.keptHTML == true)
        #expect(try store.sourceHTML(of: revision) == Array(html))
        let shown = try cli.run(["show", "port@1", "--html"])
        #expect(shown.status == 0 && shown.stdout == String(decoding: html, as: UTF8.self))
        #expect(try store.watchList().page(for: TrackName("port"))?.url == server.url("/story"))

        // The same text again stores nothing, even with different markup around it.
        server.route("/2025/port-strike", .html(String(decoding: html, as: UTF8.self) + "<!-- new ad slot -->"))
        let again = try cli.run(["add", "port", "--url", server.url("/story")])
        #expect(again.status == 0 && again.stdout.hasSuffix("unchanged\n"))

        let json = try cli.run(["log", "port", "--format", "json"])
        #expect(json.stdout.contains("\"status\" : 200") || json.stdout.contains("\"status\":200"))
        if gitIsInstalled {
            let fsck = try #require(runGit(["-C", archive, "fsck", "--strict"]))
            #expect(fsck.status == 0, "\(fsck.output)")
            let tree = try #require(runGit(["-C", archive, "ls-tree", "--name-only", "port"]))
            #expect(tree.output == "meta.json\nsource.html\ntext.txt\n")
        }
    }

    @Test("bad pages: another scheme, a 404, a binary file, an enormous answer without a length, no text — a one-line error and nothing stored")
    func badPages() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/photo.png", .init(headers: [("Content-Type", "image/png")], body: Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0])))
        server.route("/octets", .init(headers: [("Content-Type", "application/octet-stream")], body: Data(repeating: 0, count: 100)))
        let huge = Data(repeating: UInt8(ascii: "a"), count: (10 << 20) + 4096)
        server.route("/huge", .init(headers: [("Content-Type", "text/html")], body: huge, omitLength: true))
        server.route("/nav-only", .html("<html><body><nav><a href='/'>Home</a></nav></body></html>"))
        #expect(try cli.run(["init"]).status == 0)
        let before = snapshot(of: archive)

        let cases: [(String, String)] = [
            ("ftp://127.0.0.1/story", "not an http or https URL"),
            ("file:///etc/passwd", "not an http or https URL"),
            (server.url("/gone"), "HTTP 404"),
            (server.url("/photo.png"), "not a web page"),
            (server.url("/octets"), "not a web page"),
            (server.url("/huge"), "larger than 10485760 bytes"),
            (server.url("/nav-only"), "no article text"),
        ]
        for (url, message) in cases {
            let result = try cli.run(["add", "story", "--url", url])
            #expect(result.status == 2, "\(url)")
            #expect(result.stderr.contains(message), "\(url): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(url): \(result.stderr)")
        }
        #expect(snapshot(of: archive) == before)

        let neither = try cli.run(["add", "story"])
        #expect(neither.status == 2 && neither.stderr.contains("--url URL to fetch"))
        let both = try cli.run(["add", "story", folder.write("a.txt", "Some text."), "--keep-html"])
        #expect(both.status == 2 && both.stderr.contains("apply to a fetched page"))
    }
}
