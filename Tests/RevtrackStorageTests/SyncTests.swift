import Foundation
import Testing
import RevtrackTestSupport
@testable import RevtrackStorage

/// Two machines and a bare "server", all on local paths: every revision must
/// end up exactly once everywhere, in capture order, with git fsck clean.
@Suite("Sync through git remotes")
struct SyncTests {
    let folder = TemporaryFolder()
    let track = try! TrackName("karabakh/reuters")

    /// A server made by plain git (as a team would on its git host) and two clones of it.
    func machines() throws -> (server: String, a: RevisionStore, b: RevisionStore) {
        let server = folder.file("server.git")
        #expect(runGit(["init", "-q", "--bare", server])?.status == 0)
        let a = try RevisionStore.create(at: folder.file("a"))
        try a.addRemote("origin", url: server)
        let b = try RevisionStore.create(at: folder.file("b"))
        try b.addRemote("origin", url: server)
        return (server, a, b)
    }

    func capture(_ store: RevisionStore, _ hour: Int, _ text: String? = nil) throws {
        _ = try store.add(text: text ?? "Revision captured at hour \(hour). The toll stands at \(hour * 3).", to: track,
                          title: "hour \(hour)", captured: Date(timeIntervalSince1970: 1_760_000_000 + Double(hour) * 3600))
    }

    /// (hour from the title, revision number in meta.json) of every revision, oldest first.
    func history(_ store: RevisionStore) throws -> [String] {
        try store.revisions(of: track).map { "\($0.title ?? "-")@\($0.metadata.revision)" }
    }

    func fsckClean(_ path: String) -> Bool { runGit(["-C", path, "fsck", "--strict"])?.status == 0 }

    @Test("both machines add, then pull and push in both orders: every revision once, in capture order",
          .enabled(if: gitIsInstalled, "needs the git CLI"), arguments: [true, false])
    func diverged(aPushesFirst: Bool) throws {
        let (server, a, b) = try machines()
        try capture(a, 1); try capture(a, 2)
        #expect(try a.push().tracks.map(\.outcome) == [.created])
        #expect(try b.pull().tracks.map(\.outcome) == [.created])
        // Both capture while apart.
        let (first, second) = aPushesFirst ? (a, b) : (b, a)
        try capture(first, 3)
        try capture(second, 4); try capture(second, 5)
        #expect(try first.push().tracks.map(\.outcome) == [.fastForwarded])

        let serverBefore = snapshot(of: server)
        #expect(throws: StorageError.diverged(remote: "origin", tracks: [track.rawValue])) { try second.push() }
        #expect(snapshot(of: server) == serverBefore, "a refused push changes nothing on the remote")

        let pull = try second.pull()
        #expect(pull.tracks.first.map { ($0.outcome, $0.revisions, $0.replayed, $0.dropped) }! == (.replayed, 1, 2, 0))
        #expect(try second.push().tracks.map(\.outcome) == [.fastForwarded])
        #expect(try first.pull().tracks.map(\.outcome) == [.fastForwarded])

        let expected = ["hour 1@1", "hour 2@2", "hour 3@3", "hour 4@4", "hour 5@5"]
        let serverStore = try RevisionStore.create(at: folder.file("check"))
        try serverStore.addRemote("origin", url: server)
        _ = try serverStore.pull()
        for store in [a, b, serverStore] { #expect(try history(store) == expected) }
        let times = try a.revisions(of: track).map(\.captured)
        #expect(times == times.sorted())
        for path in [server, a.path, b.path] { #expect(fsckClean(path), "\(path)") }
    }

    @Test("a local capture older than the remote's newest goes in capture order; the push replaces the remote's branch, keeping each of its revisions",
          .enabled(if: gitIsInstalled, "needs the git CLI"))
    func olderLocalCapture() throws {
        let (server, a, b) = try machines()
        try capture(a, 1); try capture(a, 2)
        _ = try a.push(); _ = try b.pull()
        try capture(a, 4)
        #expect(try a.push().tracks.map(\.outcome) == [.fastForwarded])
        try capture(b, 3)                     // captured apart, before the remote's newest
        let pull = try b.pull()
        #expect(pull.tracks.first.map { ($0.outcome, $0.revisions, $0.replayed, $0.dropped) }! == (.replayed, 1, 1, 0))
        let expected = ["hour 1@1", "hour 2@2", "hour 3@3", "hour 4@4"]
        #expect(try history(b) == expected)
        #expect(try b.push().tracks.map(\.outcome) == [.reordered])
        _ = try a.pull()
        #expect(try a.push().tracks.map(\.outcome) == [.upToDate])
        let check = try RevisionStore.create(at: folder.file("check"))
        try check.addRemote("origin", url: server)
        _ = try check.pull()
        for store in [a, b, check] {
            #expect(try history(store) == expected)
            let times = try store.revisions(of: track).map(\.captured)
            #expect(times == times.sorted())
        }
        for path in [server, a.path, b.path] { #expect(fsckClean(path), "\(path)") }
    }

    @Test("a forced update goes through only while the remote's branch is where it was fetched (a lease)",
          .enabled(if: gitIsInstalled, "needs the git CLI"))
    func lease() throws {
        let (server, a, b) = try machines()
        try capture(a, 1); try capture(a, 2)
        _ = try a.push(); _ = try b.pull()
        try capture(b, 3)
        let before = snapshot(of: server)
        let session = TransferSession(progress: nil)
        let reference = track.referenceName
        session.leases = [reference: try a.resolve(track.rawValue + "@1").id]    // not where the remote is
        let rejected = try b.repository.push(remote: "origin", references: [reference], session: session)
        #expect(rejected.map(\.reason) == ["the remote changed since it was fetched"])
        #expect(snapshot(of: server) == before, "a broken lease sends nothing")
    }

    @Test("a local revision whose text equals the one it would follow is dropped, nothing else",
          .enabled(if: gitIsInstalled, "needs the git CLI"))
    func identicalCapture() throws {
        let (_, a, b) = try machines()
        try capture(a, 1)
        _ = try a.push(); _ = try b.pull()
        // Both machines capture the same new text of the page.
        try capture(a, 2, "The same second version.")
        try capture(b, 3, "The same second version.")
        try capture(b, 4)
        _ = try a.push()
        let pull = try b.pull().tracks[0]
        #expect((pull.outcome, pull.replayed, pull.dropped) == (.replayed, 1, 1))
        #expect(try history(b) == ["hour 1@1", "hour 2@2", "hour 4@3"])
    }

    @Test("pull and push select tracks; nested track names travel; up-to-date and ahead are reported",
          .enabled(if: gitIsInstalled, "needs the git CLI"))
    func selection() throws {
        let (_, a, b) = try machines()
        try capture(a, 1)
        _ = try a.add(text: "Another outlet's copy.", to: TrackName("karabakh/opinion"))
        _ = try a.add(text: "A different story.", to: TrackName("storm"))
        #expect(try a.push(tracks: ["reuters", "storm"]).tracks.map(\.track.rawValue) == ["karabakh/reuters", "storm"])
        #expect(try b.pull(tracks: ["storm"]).tracks.map(\.track.rawValue) == ["storm"])
        #expect(try b.trackNames().map(\.rawValue) == ["storm"])
        #expect(throws: StorageError.unknownTrack("opinion", known: ["karabakh/reuters", "storm"])) { try b.pull(tracks: ["opinion"]) }
        _ = try a.push()
        let all = try b.pull()
        #expect(all.tracks.map { "\($0.track) \($0.outcome.rawValue)" } == ["karabakh/opinion created", "karabakh/reuters created", "storm up-to-date"])
        try capture(b, 2)
        #expect(try b.pull(tracks: ["reuters"]).tracks[0].outcome == .localAhead)
        #expect(try a.push(tracks: ["reuters"]).tracks[0].outcome == .upToDate)
        _ = try b.push()
        #expect(try a.push(tracks: ["reuters"]).tracks[0].outcome == .remoteAhead)
    }

    @Test("remotes: add, list, remove; bad names, duplicates and unknown remotes are refused")
    func remotes() throws {
        let store = try RevisionStore.create(at: folder.file("a"))
        try store.addRemote("origin", url: "relative/server.git")
        #expect(try store.remotes() == [RemoteInfo(name: "origin", url: FileManager.default.currentDirectoryPath + "/relative/server.git")])
        try store.addRemote("backup", url: "git@example.org:news/archive.git")
        #expect(try store.remotes().map(\.url).contains("git@example.org:news/archive.git"))
        #expect(throws: StorageError.self) { try store.addRemote("origin", url: "/elsewhere") }
        #expect(throws: StorageError.self) { try store.addRemote("bad name", url: "/elsewhere") }
        try store.removeRemote("backup")
        #expect(throws: StorageError.unknownRemote("backup", known: ["origin"])) { try store.removeRemote("backup") }
        #expect(throws: StorageError.unknownRemote("upstream", known: ["origin"])) { try store.pull(from: "upstream") }
    }

    @Test("unreachable, foreign and damaged remotes: a clear error and local data untouched",
          .enabled(if: gitIsInstalled, "needs the git CLI"))
    func badRemotes() throws {
        let store = try RevisionStore.create(at: folder.file("local"))
        try capture(store, 1)
        // A plain git repository with a commit of ordinary files.
        let work = folder.file("work")
        #expect(runGit(["init", "-q", work])?.status == 0)
        try "hello\n".write(toFile: work + "/README", atomically: true, encoding: .utf8)
        #expect(runGit(["-C", work, "add", "README"])?.status == 0)
        #expect(runGit(["-C", work, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"])?.status == 0)
        // A revtrack repository with a truncated loose object.
        let damaged = try RevisionStore.create(at: folder.file("damaged"))
        try capture(damaged, 2)
        let objects = damaged.path + "/objects"
        let loose = try FileManager.default.contentsOfDirectory(atPath: objects).filter { $0.count == 2 }.sorted()[0]
        let file = objects + "/" + loose + "/" + (try FileManager.default.contentsOfDirectory(atPath: objects + "/" + loose)[0])
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        let handle = try #require(FileHandle(forWritingAtPath: file))
        try handle.truncate(atOffset: 12)
        try handle.close()

        try store.addRemote("closed", url: "git://127.0.0.1:1/archive.git")
        try store.addRemote("foreign", url: work)
        try store.addRemote("damaged", url: damaged.path)
        try store.addRemote("missing", url: folder.file("nowhere"))
        let tracksBefore = try history(store)
        for remote in ["closed", "foreign", "damaged", "missing"] {
            #expect(throws: StorageError.self, "\(remote)") { try store.pull(from: remote) }
            #expect(throws: StorageError.self, "\(remote)") { try store.push(to: remote) }
        }
        do { _ = try store.pull(from: "foreign"); Issue.record("expected an error") } catch {
            #expect(error.description.contains("is not a revtrack repository: branch 'master' does not hold revtrack revisions")
                    || error.description.contains("is not a revtrack repository: branch 'main' does not hold revtrack revisions"))
        }
        do { _ = try store.pull(from: "damaged"); Issue.record("expected an error") } catch {
            #expect(error.description.contains("is truncated or corrupt"))
        }
        do { _ = try store.pull(from: "closed"); Issue.record("expected an error") } catch {
            #expect(error.description.hasPrefix("remote 'closed' (git://127.0.0.1:1/archive.git): "))
        }
        #expect(try history(store) == tracksBefore)
        #expect(try store.repository.references(under: "refs/remotes/").isEmpty, "a refused fetch leaves no remote-tracking refs")
        #expect(fsckClean(store.path))
        #expect(runGit(["-C", work, "log", "--oneline"])?.output.split(separator: "\n").count == 1, "the foreign repository is untouched")
    }

    @Test("clone copies every track; a failed clone leaves nothing behind",
          .enabled(if: gitIsInstalled, "needs the git CLI"))
    func clone() throws {
        let (_, a, _) = try machines()
        try capture(a, 1); try capture(a, 2)
        _ = try a.push()
        let (copy, report) = try RevisionStore.clone(from: a.path, to: folder.file("copy"))
        #expect(report.tracks.map(\.revisions) == [2])
        #expect(try history(copy) == ["hour 1@1", "hour 2@2"])
        #expect(try copy.remotes().map(\.name) == ["origin"])
        #expect(throws: StorageError.self) { try RevisionStore.clone(from: folder.file("nowhere"), to: folder.file("failed")) }
        #expect(!FileManager.default.fileExists(atPath: folder.file("failed")))
        #expect(throws: StorageError.repositoryExists(path: folder.file("copy"))) { try RevisionStore.clone(from: a.path, to: folder.file("copy")) }
    }
}

@Suite("Pushing from a damaged repository")
struct DamagedPushTests {
    @Test("a truncated loose object in the repository being pushed is an error, not a spin; nothing is sent",
          .enabled(if: gitIsInstalled, "needs the git CLI"), .timeLimit(.minutes(1)))
    func truncatedLocalObject() throws {
        let folder = TemporaryFolder()
        let server = folder.file("server.git")
        #expect(runGit(["init", "-q", "--bare", server])?.status == 0)
        let store = try RevisionStore.create(at: folder.file("local"))
        try store.addRemote("origin", url: server)
        _ = try store.add(text: "A revision that will not travel.", to: try TrackName("wire"))
        // The text's blob, which only the pack builder reads.
        let blob = try #require(runGit(["--git-dir", store.path, "rev-parse", "wire:text.txt"])?.output
            .trimmingCharacters(in: .whitespacesAndNewlines))
        let file = store.path + "/objects/" + blob.prefix(2) + "/" + blob.dropFirst(2)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        let handle = try #require(FileHandle(forWritingAtPath: file))
        try handle.truncate(atOffset: 12)
        try handle.close()
        let before = snapshot(of: server)
        do { _ = try store.push(); Issue.record("expected an error") } catch {
            #expect(error.description.contains("truncated or corrupt; nothing was sent"))
        }
        #expect(snapshot(of: server) == before)
    }
}
