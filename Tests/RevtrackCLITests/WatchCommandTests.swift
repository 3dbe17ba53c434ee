import Foundation
import RevtrackStorage
import RevtrackWatch
import RevtrackTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A news page whose body paragraphs the steps change.
private func article(_ paragraphs: [String], title: String = "Dock workers end strike") -> LoopbackServer.Response {
    let body = paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n")
    return .html("""
        <html><head><title>\(title)</title></head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>\(title)</h1>
        \(body)
        </article><footer>Copyright Example News</footer></body></html>
        """)
}

private let story = [
    "ANTWERP, March 4 (Example) - Dock workers at Antwerp voted on Tuesday to end an 11-day strike, the union said, after port operators offered a 4.5% pay rise over two years.",
    "\u{201C}This is a fair deal for everyone,\u{201D} union leader Marc Peeters told reporters outside the union's headquarters after the vote was counted.",
    "Shipping lines had diverted more than 40 vessels to Rotterdam and Hamburg during the strike, and some 300 containers of perishable goods were lost.",
    "Port operators said normal traffic would resume by Thursday, although the backlog of ships waiting at anchor could take two weeks to clear.",
    "The strike was the longest at Antwerp since 1998, when dock workers stopped work for three weeks over pension rules.",
    "Belgium's economy minister said the deal showed that social dialogue worked, and urged both sides to respect the agreement in full.",
    "Antwerp is Europe's second-largest port by container volume after Rotterdam, handling about 12 million containers a year.",
]

private func feed(_ links: [String]) -> LoopbackServer.Response {
    let items = links.map { "<item><title>Item \($0)</title><link>\($0)</link></item>" }.joined()
    return .init(headers: [("Content-Type", "application/rss+xml")],
                 body: Data("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>\(items)</channel></rss>".utf8))
}

/// A page whose version the test changes while the server answers from other threads.
private final class VersionedPage: @unchecked Sendable {
    private let lock = NSLock()
    private var version: String
    private var response: LoopbackServer.Response

    init(version: String, response: LoopbackServer.Response) {
        self.version = version
        self.response = response
    }

    var current: (String, LoopbackServer.Response) {
        lock.lock()
        defer { lock.unlock() }
        return (version, response)
    }

    func set(_ version: String, _ response: LoopbackServer.Response) {
        lock.lock()
        self.version = version
        self.response = response
        lock.unlock()
    }
}

@Suite("revtrack watch and feed")
struct WatchCommandTests {
    let folder = TemporaryFolder()
    var archive: String { folder.file("archive") }
    var cli: CLI { CLI(repository: archive) }

    func watchOnce(_ extra: [String] = []) throws -> CLI.Result {
        let result = try cli.run(["watch", "--once", "--host-delay", "0s"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    @Test("rounds of watch --once: conditional GET, feed items become tracks, changes stored with a one-line summary, white space ignored, removals, stubs and failures logged, failing hosts backed off")
    func rounds() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let port = server.port
        // The story honours If-None-Match, like a real server.
        let page = VersionedPage(version: "v1", response: article(story))
        server.route("/story") { request in
            let (version, response) = page.current
            if request.headers["if-none-match"] == "\"\(version)\"" { return .init(status: 304) }
            var tagged = response
            tagged.headers.append(("ETag", "\"\(version)\""))
            return tagged
        }
        server.route("/news/2025/first-item.html", article(Array(story.prefix(3)), title: "First item"))
        server.route("/news/2025/second-item.html", article(Array(story.suffix(3)), title: "Second item"))
        server.route("/feed.xml", feed(["/news/2025/first-item.html", "/news/2025/second-item.html",
                                        "http://localhost:\(port)/broken/third-item.html"]))
        server.route("/broken/third-item.html", .status(500))

        #expect(try cli.run(["add", "story", "--url", server.url("/story")]).status == 0)
        let feedAdd = try cli.run(["feed", "add", "wire", server.url("/feed.xml")])
        #expect(feedAdd.status == 0, "\(feedAdd.stderr)")
        #expect(feedAdd.stdout.contains("3 new tracks"))
        #expect(feedAdd.stdout.contains("wire/first-item") && feedAdd.stdout.contains("wire/third-item"))

        // Round 1: the items are captured, the story is not modified, the broken host fails.
        let first = try watchOnce()
        let lines1 = Set(first.stdout.split(separator: "\n").map(String.init))
        // Headline plus paragraphs.
        #expect(lines1 == ["wire/first-item@1  new: 4 sentences", "wire/second-item@1  new: 4 sentences",
                           "wire/third-item  failed: HTTP 500"], "\(first.stdout)")
        #expect(server.requests.last { $0.path == "/story" }?.headers["if-none-match"] == "\"v1\"", "add --url hands its validators to watch")
        let requestsBefore = server.requests.count

        // Round 2: the story changes (one sentence edited, one added); the first
        // item changes only in white space; the second disappears; a new item
        // appears; the failing host is left alone.
        var edited = story
        edited[2] = edited[2].replacingOccurrences(of: "more than 40", with: "nearly 50")
        edited.append("Union members will vote on the new contract's details next month.")
        page.set("v2", article(edited))
        server.route("/news/2025/first-item.html", article(Array(story.prefix(3)).map { $0.replacingOccurrences(of: " ", with: "  \n ") }, title: "First item"))
        server.route("/news/2025/second-item.html", .status(410))
        server.route("/feed.xml", feed(["/news/2025/first-item.html", "/news/2025/fourth-item.html"]))
        server.route("/news/2025/fourth-item.html", article(Array(story.prefix(2)), title: "Fourth item"))
        let second = try watchOnce()
        #expect(server.requests.dropFirst(requestsBefore).first { $0.path == "/story" }?.headers["if-none-match"] == "\"v1\"")
        let lines2 = Set(second.stdout.split(separator: "\n").map(String.init))
        #expect(lines2.contains("story@2  +1 added, ~1 modified"), "\(second.stdout)")
        #expect(lines2.contains("wire/fourth-item  new item in feed wire: \(server.url("/news/2025/fourth-item.html"))"))
        #expect(lines2.contains("wire/fourth-item@1  new: 3 sentences"))
        #expect(lines2.contains("wire/second-item  removed: HTTP 410"))
        #expect(lines2.contains { $0.hasPrefix("wire/third-item  skipped: http://localhost:") && $0.contains(" is backing off until ") })
        #expect(!second.stdout.contains("first-item"), "white space only is not a revision")

        // Round 3: a paywall stub instead of the story; the removal is not written twice.
        page.set("v3", article(["Subscribe to continue reading this article."]))
        let third = try watchOnce()
        #expect(third.stdout.contains("story  failed: paywall or error stub?"), "\(third.stdout)")
        #expect(!third.stdout.contains("second-item"))

        let store = try RevisionStore.open(at: archive)
        #expect(try store.revisions(of: TrackName("story")).count == 2)
        #expect(try store.revisions(of: TrackName("wire/first-item")).count == 1)
        #expect(try store.captureEvents(of: TrackName("wire/second-item")).map(\.outcome) == [.removed])
        let log = try cli.run(["log", "story", "--captures"])
        let logLines = log.stdout.split(separator: "\n")
        #expect(logLines.count == 3 && logLines[0].contains("failed: paywall or error stub?") && logLines[1].hasPrefix("@2"))
        let never = try cli.run(["log", "wire/third-item", "--captures"])
        #expect(never.status == 0 && never.stdout.contains("failed: HTTP 500"))
        let plain = try cli.run(["log", "wire/third-item"])
        #expect(plain.status == 2 && plain.stderr.contains("unknown track"))
        if gitIsInstalled {
            let fsck = try #require(runGit(["-C", archive, "fsck", "--strict"]))
            #expect(fsck.status == 0, "\(fsck.output)")
        }
    }

    @Test("bad feeds and a slow page: one-line errors, nothing stored, the timeout logged")
    func badFeedsAndTimeouts() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/broken.xml", .init(headers: [("Content-Type", "application/xml")], body: Data("<rss><channel><item>".utf8)))
        server.route("/page.html", .html("<html><body><p>not a feed</p></body></html>"))
        var slow = article(story)
        slow.delay = 3
        server.route("/slow", slow)
        #expect(try cli.run(["init"]).status == 0)
        let before = snapshot(of: archive)
        let malformed = try cli.run(["feed", "add", "wire", server.url("/broken.xml")])
        #expect(malformed.status == 2 && malformed.stderr.contains("malformed feed XML"), "\(malformed.stderr)")
        let notFeed = try cli.run(["feed", "add", "wire", server.url("/page.html")])
        #expect(notFeed.status == 2 && notFeed.stderr.contains("not"), "\(notFeed.stderr)")
        let scheme = try cli.run(["feed", "add", "wire", "ftp://127.0.0.1/feed"])
        #expect(scheme.status == 2 && scheme.stderr.contains("not an http or https URL"))
        #expect(snapshot(of: archive) == before)

        server.route("/slow-ok", article(story))
        #expect(try cli.run(["add", "slow", "--url", server.url("/slow-ok")]).status == 0)
        let store = try RevisionStore.open(at: archive)
        try store.updateWatchList("point at the slow page") { list in list.pages[0].url = server.url("/slow") }
        let round = try watchOnce(["--timeout", "1s"])
        #expect(round.stdout.hasPrefix("slow  failed: "), "\(round.stdout)")
        #expect(try store.revisions(of: TrackName("slow")).count == 1)
        #expect(try store.captureEvents(of: TrackName("slow")).count == 1)
    }

    @Test("Ctrl-C during a round stops at once with exit 130 and a clean repository")
    func interrupt() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/story", article(story))
        #expect(try cli.run(["add", "story", "--url", server.url("/story")]).status == 0)
        var slow = article(story + ["A late paragraph."])
        slow.delay = 5
        server.route("/story", slow)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.executable)
        process.arguments = ["watch", "--repo", archive, "--interval", "1h"]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        // Wait until the request is under way, then interrupt.
        for _ in 0..<100 where server.requests.count < 2 { usleep(20_000) }
        let sent = Date()
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(sent) < 3, "the fetch is abandoned, not awaited")
        #expect(process.terminationStatus == 130)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message.contains("watch stopped"))
        #expect(try RevisionStore.open(at: archive).revisions(of: TrackName("story")).count == 1)
        if gitIsInstalled {
            #expect(try #require(runGit(["-C", archive, "fsck", "--strict"])).status == 0)
        }
    }
}
