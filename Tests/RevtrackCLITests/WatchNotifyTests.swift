import Foundation
import RevtrackTestSupport
import Testing

/// `watch --notify` and `--exec`: one message per stored change, and a
/// receiver that fails never stops the watch nor what it stores.
@Suite("revtrack watch notifications")
struct WatchNotifyTests {
    let folder = TemporaryFolder()
    var cli: CLI { CLI(repository: folder.file("archive")) }

    static func page(_ paragraphs: [String]) -> LoopbackServer.Response {
        .html("<html><head><title>Dam holds</title></head><body><article><h1>Dam holds</h1>"
              + paragraphs.map { "<p>\($0)</p>" }.joined() + "</article></body></html>")
    }

    static let first = [
        "Engineers said on Monday that the Karlov dam had held through the night after three days of heavy rain in the valley.",
        "About 1,200 residents of the villages below the dam were told to stay away from the river banks until Wednesday.",
    ]

    @Test("a webhook gets exactly one JSON POST per stored change; an --exec command gets the same JSON; a failing receiver is logged, not fatal")
    func notifications() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let version = Version()
        server.route("/story") { _ in Self.page(version.paragraphs) }
        server.route("/hook", .init(status: 204))
        server.route("/broken", .status(500))
        #expect(try cli.run(["add", "dam", "--url", server.url("/story")]).status == 0)
        let received = folder.file("exec.jsonl")
        let arguments = ["watch", "--once", "--host-delay", "0s", "--notify", server.url("/hook"), "--notify", server.url("/broken"),
                         "--exec", "cat >> '\(received)'; echo >> '\(received)'", "--base-url", "http://news.example:8080", "--notify-tries", "2"]

        // A round that stores nothing sends nothing.
        #expect(try cli.run(arguments).status == 0)
        #expect(server.requests.filter { $0.path == "/hook" }.isEmpty)

        version.paragraphs = [Self.first[0], "About 2,400 residents of the villages below the dam were told to stay away from the river banks until Friday."]
        let changed = try cli.run(arguments)
        #expect(changed.status == 0, "\(changed.stderr)")
        let hooks = server.requests.filter { $0.path == "/hook" }
        #expect(hooks.count == 1)
        let hook = try #require(hooks.first)
        #expect(hook.method == "POST" && hook.headers["content-type"] == "application/json")
        let message = try #require(try JSONSerialization.jsonObject(with: hook.body) as? [String: Any])
        #expect(message["track"] as? String == "dam" && message["revision"] as? Int == 2 && message["previous"] as? Int == 1)
        #expect((message["text"] as? String)?.hasPrefix("dam@2 changed: ~1 modified") == true)
        #expect(message["diff"] as? String == "http://news.example:8080/diff?old=dam@1&new=dam@2")
        let summary = try #require(message["summary"] as? [String: Any])
        #expect(summary["modified"] as? Int == 1)
        #expect(((message["highlights"] as? [[String: Any]])?.first?["kind"] as? String) == "fact")
        // The command got the same message.
        let lines = try String(contentsOfFile: received, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        let executed = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(executed["id"] as? String == message["id"] as? String)
        // The failing receiver was tried with back-off, then logged; the revision is stored all the same.
        #expect(server.requests.filter { $0.path == "/broken" }.count == 2)
        let log = try cli.run(["log", "dam", "--captures"])
        #expect(log.stdout.contains("notification") && log.stdout.contains("/broken"), "\(log.stdout)")
        #expect(try cli.run(["show", "dam@2"]).stdout.contains("2,400 residents"))
    }

    @Test("--notify and --base-url must be http(s) URLs")
    func badURL() throws {
        let result = try cli.run(["watch", "--once", "--notify", "file:///etc/passwd"])
        #expect(result.status == 2 && result.stderr.contains("is not an http(s) URL"))
    }
}

private final class Version: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = WatchNotifyTests.first
    var paragraphs: [String] {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
