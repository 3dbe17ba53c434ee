import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(FoundationXML)
import FoundationXML
#endif
import RevtrackServe
import RevtrackStorage
import RevtrackStory
import RevtrackTestSupport
import Testing

/// The web view over real HTTP on 127.0.0.1: a server on a free port, a
/// repository with the storm sample's revisions, two outlets of one story and
/// a hostile track.
@Suite("web view")
struct WebServerTests {
    let folder = TemporaryFolder()
    var location: RepositoryLocation { RepositoryLocation(path: folder.file("archive")) }

    /// Stores the samples and a hostile track, serves them on a free port for `body`.
    func serving(_ body: (Client) async throws -> Void) async throws {
        let (store, _) = try location.openOrCreate()
        for number in 1...6 {
            let text = try sampleText("storm/wire-\(number).txt")
            _ = try CaptureAndStore.add(text: text, to: "storm/wire", title: "Storm Elena, revision \(number)", url: "https://example.com/storm",
                                        captured: Date(timeIntervalSince1970: 1_760_000_000 + Double(number) * 3600), in: store)
        }
        _ = try CaptureAndStore.add(text: try sampleText("karabakh/reuters.txt"), to: "karabakh/reuters", title: "Russian troops leave",
                                    url: nil, captured: Date(timeIntervalSince1970: 1_715_770_000), in: store)
        _ = try CaptureAndStore.add(text: try sampleText("karabakh/opinion.txt"), to: "karabakh/opinion", title: "Opinion",
                                    url: nil, captured: Date(timeIntervalSince1970: 1_715_850_000), in: store)
        _ = try CaptureAndStore.add(text: "Officials said <script>alert(1)</script> the dam held.\u{202E}gnp.exe\n\nIt rained <img src=x onerror=alert(2)>.",
                                    to: "hostile", title: "<b>Title</b>\u{202E}evil\u{0007}", url: "javascript:alert(3)",
                                    captured: Date(timeIntervalSince1970: 1_770_000_000), in: store)
        var configuration = WebServer.Configuration()
        configuration.port = 0
        let (port, task) = try await WebServer(repository: location, configuration: configuration).start()
        defer { task.cancel() }
        try await body(Client(base: "http://127.0.0.1:\(port)"))
    }

    struct Client: Sendable {
        let base: String
        func get(_ path: String) async throws -> (status: Int, body: String, headers: [String: String]) {
            let (data, response) = try await URLSession.shared.data(from: URL(string: base + path)!)
            let http = response as! HTTPURLResponse
            var headers: [String: String] = [:]
            for (key, value) in http.allHeaderFields { headers[String(describing: key).lowercased()] = String(describing: value) }
            return (http.statusCode, String(decoding: data, as: UTF8.self), headers)
        }
    }

    @Test("every page answers, with a CSP that allows no script")
    func pages() async throws { try await serving { client in
        let expectations: [(String, String)] = [
            ("/", "<a href=\"/t/storm/wire\">storm/wire</a>"),
            ("/?q=karabakh", "karabakh/opinion"),
            ("/t/storm/wire", "Facts over time"),
            ("/t/storm/wire/@3", "Storm Elena kills at least 20"),
            ("/diff?old=storm/wire@2&new=storm/wire@3", "<ins> 20</ins>"),
            ("/diff?old=karabakh/reuters&new=karabakh/opinion", "What both report"),
            ("/compare/karabakh", "Facts by outlet"),
            ("/changes", "storm/wire@6"),
            ("/changes?kind=fact", "storm/wire@3"),
            ("/api/tracks", "\"track\" : \"storm/wire\""),
            ("/api/t/storm/wire", "\"previous\" : 5"),
            ("/api/diff?old=storm/wire@2&new=storm/wire@3", "\"schema\" : \"revtrack-diff/1\""),
            ("/api/compare/karabakh", "\"schema\" : \"revtrack-compare/1\""),
            ("/static/style.css", "font:"),
        ]
        for (path, expected) in expectations {
            let page = try await client.get(path)
            #expect(page.status == 200, "\(path)")
            #expect(page.body.contains(expected), "\(path) lacks \(expected)")
            #expect(page.headers["content-security-policy"]?.hasPrefix("default-src 'none'") == true)
            #expect(!page.body.lowercased().contains("<script"), "\(path)")
        }
        // The query filters out what does not match.
        #expect(!(try await client.get("/?q=karabakh")).body.contains("storm/wire"))
    } }

    @Test("unknown tracks, revisions and paths are 404 pages, a bad kind 400, never 500; paths cannot leave the repository")
    func errors() async throws { try await serving { client in
        for path in ["/t/nope", "/t/storm/wire/@99", "/diff?old=storm/wire@1&new=nope", "/compare/nothing", "/feeds/t/nope.atom",
                     "/no/such/page", "/t/..%2F..%2Fetc%2Fpasswd", "/t/storm/wire/@0", "/api/t/nope"] {
            let page = try await client.get(path)
            #expect(page.status == 404, "\(path): \(page.status)")
            #expect(page.body.contains("<h1>Not found</h1>"), "\(path)")
        }
        #expect(try await client.get("/changes?kind=bogus").status == 400)
        #expect(try await client.get("/diff?old=storm/wire@1").status == 400)
        // A diff reads revisions, never files of the server's disk.
        #expect(try await client.get("/diff?old=file:/etc/passwd&new=storm/wire").status == 404)
    } }

    @Test("hostile titles and text are escaped, bidi and control characters removed")
    func hostile() async throws { try await serving { client in
        for path in ["/", "/t/hostile", "/t/hostile/@1", "/changes", "/feeds/changes.atom"] {
            let page = try await client.get(path)
            #expect(page.status == 200, "\(path)")
            #expect(!page.body.contains("<script>") && !page.body.contains("<img") && !page.body.contains("<b>Title"), "\(path)")
            #expect(!page.body.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x07 }, "\(path)")
        }
        #expect(try await client.get("/t/hostile/@1").body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    } }

    @Test("Atom feeds are well-formed Atom 1.0 with the elements RFC 4287 requires")
    func feeds() async throws { try await serving { client in
        for path in ["/feeds/changes.atom", "/feeds/t/storm/wire.atom", "/feeds/s/karabakh.atom"] {
            let page = try await client.get(path)
            #expect(page.status == 200 && page.headers["content-type"]?.hasPrefix("application/atom+xml") == true, "\(path)")
            let feed = try #require(AtomCheck(page.body), "\(path) is not well-formed XML")
            #expect(feed.root == "feed" && feed.namespace == "http://www.w3.org/2005/Atom")
            #expect(feed.feedChildren.isSuperset(of: ["id", "title", "updated", "author"]), "\(path): \(feed.feedChildren)")
            #expect(!feed.entries.isEmpty)
            for entry in feed.entries { #expect(entry.isSuperset(of: ["id", "title", "updated", "link"]), "\(path): \(entry)") }
        }
        let track = try #require(AtomCheck(try await client.get("/feeds/t/storm/wire.atom").body))
        #expect(track.entries.count == 6)
    } }

    @Test("100 concurrent requests all answer")
    func concurrent() async throws { try await serving { client in
        let paths = ["/", "/t/storm/wire", "/diff?old=storm/wire@4&new=storm/wire@5", "/changes", "/feeds/changes.atom"]
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<100 { group.addTask { try await client.get(paths[index % paths.count]).status } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.count == 100 && statuses.allSatisfy { $0 == 200 })
    } }

    @Test("a revision stored while serving shows on the next request")
    func live() async throws { try await serving { client in
        #expect(!(try await client.get("/")).body.contains("late/track"))
        let store = try location.open()
        _ = try CaptureAndStore.add(text: "A late story.", to: "late/track", title: nil, url: nil, captured: nil, in: store)
        #expect(try await client.get("/").body.contains("late/track"))
        #expect(try await client.get("/t/late/track/@1").status == 200)
    } }
}

/// The element names of an Atom document: the root, the feed's children, each entry's children.
private final class AtomCheck: NSObject, XMLParserDelegate {
    var root = "", namespace = ""
    var feedChildren = Set<String>()
    var entries: [Set<String>] = []
    private var depth = 0

    init?(_ text: String) {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = true
        parser.delegate = self
        guard parser.parse() else { return nil }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        depth += 1
        switch depth {
        case 1: root = name; namespace = namespaceURI ?? ""
        case 2: feedChildren.insert(name); if name == "entry" { entries.append([]) }
        case 3: if !entries.isEmpty { entries[entries.count - 1].insert(name) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { depth -= 1 }
}

extension WebServerTests {
    func dom(_ url: String) throws -> String { try Chromium.dom(url, profile: folder.file("profile")) }

    @Test("headless Chromium loads the index, a track, a diff and a story's comparison, and no script runs",
          .enabled(if: Chromium.path != nil, "chromium is not installed (scripts/install-deps.sh --browser installs it)"))
    func browser() async throws { try await serving { client in
        let pages: [(String, String)] = [
            ("/", "<a href=\"/t/karabakh/reuters\">karabakh/reuters</a>"),
            ("/t/storm/wire", "<h2>Facts over time</h2>"),
            ("/diff?old=storm/wire@2&new=storm/wire@3", "<ins> 20</ins>"),
            ("/compare/karabakh", "<h2>Facts by outlet</h2>"),
            ("/t/hostile/@1", "&lt;img src=x onerror=alert(2)&gt;"),
        ]
        for (path, expected) in pages {
            let dom = try dom(client.base + path)
            #expect(dom.contains(expected), "\(path): \(dom.prefix(300))")
            // Nothing hostile became an element, and the page carries no script of its own.
            #expect(!dom.contains("<script") && !dom.contains("<img"), "\(path)")
        }
    } }
}
