import Foundation
import Testing
import RevtrackStorage
import RevtrackTestSupport
import RevtrackWatch

/// The watch list and capture logs are document logs of Storage; this is
/// the rule Watch gives them for sync, through a real git server.
@Suite("Watch data through git remotes")
struct WatchSyncTests {
    let folder = TemporaryFolder()
    let track = try! TrackName("karabakh/reuters")

    func machines() throws -> (server: String, a: RevisionStore, b: RevisionStore) {
        let server = folder.file("server.git")
        #expect(runGit(["init", "-q", "--bare", server])?.status == 0)
        let a = try RevisionStore.create(at: folder.file("a"))
        try a.addRemote("origin", url: server)
        let b = try RevisionStore.create(at: folder.file("b"))
        try b.addRemote("origin", url: server)
        return (server, a, b)
    }

    func capture(_ store: RevisionStore, _ hour: Int) throws {
        _ = try store.add(text: "Revision captured at hour \(hour). The toll stands at \(hour * 3).", to: track,
                          title: "hour \(hour)", captured: Date(timeIntervalSince1970: 1_760_000_000 + Double(hour) * 3600))
    }

    func fsckClean(_ path: String) -> Bool { runGit(["-C", path, "fsck", "--strict"])?.status == 0 }

    @Test("the watch list and capture logs travel with push and pull; lists edited apart are united, capture events of both sides kept",
          .enabled(if: gitIsInstalled, "needs the git CLI"))
    func watchData() throws {
        let (server, a, b) = try machines()
        try capture(a, 1)
        try a.updateWatchList("watch") { $0.watch(WatchList.Page(track: track.rawValue, url: "https://news.example/a")) }
        let t0 = Date(timeIntervalSince1970: 1_760_000_000)
        try a.recordCapture(CaptureEvent(track: track.rawValue, url: "https://news.example/a", time: t0, outcome: .failed, reason: "HTTP 503"))
        _ = try a.push(documents: WatchDocuments.kinds)
        _ = try b.pull(documents: WatchDocuments.kinds)
        #expect(try b.watchList() == a.watchList())
        #expect(try b.captureEvents(of: track).map(\.reason) == ["HTTP 503"])

        // Apart: each side watches another page and records another failure.
        try a.updateWatchList("watch") { $0.feeds.append(WatchList.Feed(name: "wire", url: "https://news.example/feed")) }
        try a.recordCapture(CaptureEvent(track: track.rawValue, url: "https://news.example/a", time: t0 + 60, outcome: .failed, reason: "timeout"))
        try b.updateWatchList("watch") { $0.watch(WatchList.Page(track: "other", url: "https://news.example/b")) }
        try b.recordCapture(CaptureEvent(track: track.rawValue, url: "https://news.example/a", time: t0 + 120, outcome: .removed, reason: "HTTP 404"))
        _ = try a.push(documents: WatchDocuments.kinds)
        _ = try b.pull(documents: WatchDocuments.kinds)
        let united = try b.watchList()
        #expect(Set(united.pages.map(\.track)) == [track.rawValue, "other"] && united.feeds.map(\.name) == ["wire"])
        #expect(try b.captureEvents(of: track).map(\.reason) == ["HTTP 503", "timeout", "HTTP 404"])
        _ = try b.push(documents: WatchDocuments.kinds)
        _ = try a.pull(documents: WatchDocuments.kinds)
        #expect(try a.watchList() == united)
        #expect(try a.captureEvents(of: track).map(\.reason) == ["HTTP 503", "timeout", "HTTP 404"])
        #expect(fsckClean(server) && fsckClean(a.path) && fsckClean(b.path))
    }
}
