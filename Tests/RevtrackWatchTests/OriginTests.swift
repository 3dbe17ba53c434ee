import Foundation
@testable import RevtrackWatch
import Testing

@Suite("Back-off per origin")
struct OriginTests {
    @Test("scheme, host and port make the origin; default ports are filled in")
    func origins() {
        #expect(Watcher.origin(of: URL(string: "http://127.0.0.1:1/x")) != Watcher.origin(of: URL(string: "http://127.0.0.1:8080/y")))
        #expect(Watcher.origin(of: URL(string: "https://News.Example/a")) == Watcher.origin(of: URL(string: "https://news.example:443/b")))
        #expect(Watcher.origin(of: URL(string: "http://news.example/a")) != Watcher.origin(of: URL(string: "https://news.example/a")))
    }
}
