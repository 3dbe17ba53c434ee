import Foundation
import Testing
import RevtrackTestSupport
@testable import RevtrackStorage

@Suite("Revision store")
struct RevisionStoreTests {
    let folder = TemporaryFolder()
    var repoPath: String { folder.file("archive") }

    func makeStore() throws -> RevisionStore { try RevisionStore.create(at: repoPath) }

    @Test("revisions read back byte-exact by every spec form")
    func roundTrip() throws {
        let store = try makeStore()
        let track = try TrackName("karabakh/reuters")
        let texts = [String(reutersSample.prefix(400)), String(reutersSample.prefix(1200)), reutersSample]
        var added: [Revision] = []
        for (index, text) in texts.enumerated() {
            let outcome = try store.add(text: text, to: track, title: "Title \(index + 1)",
                                        captured: Date(timeIntervalSince1970: 1_715_760_000 + Double(index) * 3600))
            guard case .added(let revision) = outcome else { Issue.record("expected a new revision"); return }
            #expect(revision.number == index + 1)
            added.append(revision)
        }
        for (index, revision) in added.enumerated() {
            let specs = ["karabakh/reuters@\(index + 1)", "reuters@\(index + 1)", "reuters~\(2 - index)",
                         String(revision.id.hex.prefix(7)), revision.id.hex]
            for spec in specs {
                let resolved = try store.resolve(spec)
                #expect(resolved == revision, "spec \(spec)")
                #expect(try store.text(of: resolved) == texts[index], "spec \(spec)")
            }
        }
        #expect(try store.resolve("reuters") == added[2])
        #expect(try store.resolve("reuters~") == added[1])
        let opinion = try store.add(text: opinionSample, to: TrackName("karabakh/opinion")).revision
        #expect(try store.text(of: store.resolve("opinion")) == opinionSample)
        #expect(opinion.number == 1)
    }

    @Test("metadata and commit agree on the capture time")
    func metadataRoundTrip() throws {
        let store = try makeStore()
        let when = CaptureTime.parse("2024-05-15T09:30:00Z")!
        let revision = try store.add(text: "Body text.\n", to: TrackName("wire"), title: "A  title\nsplit",
                                     url: "https://example.com/a?b=1", captured: when).revision
        #expect(revision.metadata == RevisionMetadata(track: "wire", title: "A title split", url: "https://example.com/a?b=1",
                                                      captured: when, bytes: 11, revision: 1))
        let commit = try store.repository.commit(revision.id)
        #expect(commit.time == Int64(when.timeIntervalSince1970))
        #expect(commit.message == "A title split\n")
        let untitled = try store.add(text: "Other.", to: TrackName("wire")).revision
        #expect(try store.repository.commit(untitled.id).message == "wire revision 2\n")
    }

    @Test("identical text creates nothing")
    func unchanged() throws {
        let store = try makeStore()
        let track = try TrackName("wire")
        let first = try store.add(text: reutersSample, to: track)
        let second = try store.add(text: reutersSample.replacingOccurrences(of: "\n", with: "\r\n"), to: track)
        #expect(second == .unchanged(first.revision))
        #expect(try store.revisions(of: track).count == 1)
    }

    @Test("short names resolve only when unambiguous")
    func shortNames() throws {
        let store = try makeStore()
        _ = try store.add(text: "a", to: TrackName("karabakh/reuters"))
        _ = try store.add(text: "b", to: TrackName("gaza/reuters"))
        _ = try store.add(text: "c", to: TrackName("karabakh/opinion"))
        #expect(try store.resolveTrack("opinion").rawValue == "karabakh/opinion")
        #expect(throws: StorageError.ambiguousTrack("reuters", candidates: ["gaza/reuters", "karabakh/reuters"])) {
            try store.resolve("reuters")
        }
        #expect(try store.resolve("gaza/reuters").track.rawValue == "gaza/reuters")
        #expect(throws: StorageError.unknownTrack("afp", known: ["gaza/reuters", "karabakh/opinion", "karabakh/reuters"])) {
            try store.resolve("afp@1")
        }
    }

    @Test("unknown revisions are named with what exists")
    func unknownRevisions() throws {
        let store = try makeStore()
        for text in ["one", "two", "three"] { _ = try store.add(text: text, to: TrackName("reuters")) }
        #expect(throws: StorageError.unknownRevision("reuters@9", "track 'reuters' has 3 revisions")) {
            try store.resolve("reuters@9")
        }
        #expect(throws: StorageError.unknownRevision("reuters~3", "track 'reuters' has only 3 revisions")) {
            try store.resolve("reuters~3")
        }
        #expect(throws: StorageError.unknownRevision("deadbeef", "no track or commit has that name")) {
            try store.resolve("deadbeef")
        }
    }

    @Test("a track cannot be a folder of another")
    func trackConflict() throws {
        let store = try makeStore()
        _ = try store.add(text: "a", to: TrackName("karabakh/reuters"))
        #expect(throws: StorageError.trackNameConflict("karabakh", existing: "karabakh/reuters")) {
            try store.add(text: "b", to: TrackName("karabakh"))
        }
        #expect(throws: StorageError.trackNameConflict("karabakh/reuters/live", existing: "karabakh/reuters")) {
            try store.add(text: "b", to: TrackName("karabakh/reuters/live"))
        }
    }

    @Test("plain git reads and verifies the repository",
          .enabled(if: gitIsInstalled, "git is not installed; interoperability cannot be checked"))
    func gitInteroperability() throws {
        let store = try makeStore()
        _ = try store.add(text: reutersSample, to: TrackName("karabakh/reuters"), title: "Reuters")
        _ = try store.add(text: reutersSample + "\nCorrection appended.", to: TrackName("karabakh/reuters"))
        _ = try store.add(text: opinionSample, to: TrackName("karabakh/opinion"))

        let fsck = runGit(["--git-dir", repoPath, "fsck", "--strict", "--no-dangling"])!
        #expect(fsck.status == 0, "\(fsck.output)")
        #expect(!fsck.output.contains("error"), "\(fsck.output)")
        let log = runGit(["--git-dir", repoPath, "log", "--format=%s", "karabakh/reuters"])!
        #expect(log.output == "karabakh/reuters revision 2\nReuters\n")
        let show = runGit(["--git-dir", repoPath, "show", "karabakh/opinion:text.txt"])!
        #expect(show.output == opinionSample)
        let clone = folder.file("clone")
        #expect(runGit(["clone", "--quiet", "--mirror", repoPath, clone])!.status == 0)
        #expect(runGit(["--git-dir", clone, "show", "karabakh/reuters~1:text.txt"])!.output == reutersSample)
    }
}

@Suite("Revision numbers from meta.json are untrusted")
struct UntrustedRevisionNumberTests {
    @Test("a tip whose meta.json says Int.max, 0 or -5 neither crashes the next add nor numbers it wrongly",
          arguments: [Int.max, 0, -5, Int.min])
    func hostileNumber(_ recorded: Int) throws {
        let folder = TemporaryFolder()
        let store = try RevisionStore.create(at: folder.file("archive"))
        let track = try TrackName("wire")
        guard case .added(let first) = try store.add(text: "First text.", to: track,
                                                     captured: Date(timeIntervalSince1970: 1_700_000_000)) else { return }
        // A second revision as a hostile remote might have written it.
        let metadata = RevisionMetadata(track: "wire", title: nil, url: nil, captured: Date(timeIntervalSince1970: 1_700_000_100),
                                        bytes: 12, revision: recorded)
        let blob = try store.git { () throws(GitError) in try store.repository.writeBlob(Array("Second text.".utf8)) }
        let hostile = try store.writeRevision(text: blob, metadata: metadata, parent: first.id)
        #expect(try store.swap(track.referenceName, to: hostile, expected: first.id, logMessage: "test"))
        guard case .added(let third) = try store.add(text: "Third text.", to: track,
                                                     captured: Date(timeIntervalSince1970: 1_700_000_200)) else {
            Issue.record("not added"); return
        }
        #expect(third.number == 3)
    }
}

@Suite("Stale locks")
struct StaleLockTests {
    @Test("a ref lock left by a writer that died does not block the next add")
    func staleLock() throws {
        let folder = TemporaryFolder()
        let store = try RevisionStore.create(at: folder.file("archive"))
        let track = try TrackName("wire")
        _ = try store.add(text: "First text.", to: track)
        let lock = folder.file("archive") + "/refs/heads/wire.lock"
        #expect(FileManager.default.createFile(atPath: lock, contents: Data("0000000000000000000000000000000000000000\n".utf8)))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-600)], ofItemAtPath: lock)
        let start = Date()
        guard case .added(let second) = try store.add(text: "Second text.", to: track) else { Issue.record("not added"); return }
        #expect(second.number == 2)
        #expect(Date().timeIntervalSince(start) < 5, "no wait for a dead writer")
        #expect(!FileManager.default.fileExists(atPath: lock))
    }

    @Test("stale locks under refs/ and objects/pack/ are cleared before a sync; fresh ones are left alone")
    func staleLocksSwept() throws {
        let folder = TemporaryFolder()
        let store = try RevisionStore.create(at: folder.file("archive"))
        let root = folder.file("archive")
        try FileManager.default.createDirectory(atPath: root + "/refs/remotes/origin", withIntermediateDirectories: true)
        let stale = root + "/refs/remotes/origin/wire.lock", fresh = root + "/refs/remotes/origin/other.lock"
        let pack = root + "/objects/pack/pack_git2_1234.idx.lock"
        for file in [stale, fresh, pack] { #expect(FileManager.default.createFile(atPath: file, contents: Data())) }
        for file in [stale, pack] {
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-600)], ofItemAtPath: file)
        }
        store.removeStaleLocks()
        #expect(!FileManager.default.fileExists(atPath: stale) && !FileManager.default.fileExists(atPath: pack))
        #expect(FileManager.default.fileExists(atPath: fresh))
    }

    @Test("a lock a push killed a moment ago on a remote on this machine, or on this side's remote refs, is waited out and removed",
          .enabled(if: gitIsInstalled, "needs git to make the bare remote"), arguments: [true, false])
    func recentSyncLock(onRemote: Bool) throws {
        let folder = TemporaryFolder()
        let server = folder.file("server.git")
        #expect(runGit(["init", "-q", "--bare", server])?.status == 0)
        let store = try RevisionStore.create(at: folder.file("archive"))
        try store.addRemote("origin", url: server)
        let track = try TrackName("wire")
        _ = try store.add(text: "First text.", to: track)
        _ = try store.push(to: "origin")
        _ = try store.add(text: "Second text.", to: track)
        let lock = onRemote ? server + "/refs/heads/wire.lock" : folder.file("archive") + "/refs/remotes/origin/wire.lock"
        #expect(FileManager.default.createFile(atPath: lock, contents: Data()))
        // Left 9 s ago: not yet stale, and no live writer holds a ref lock that long.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-9)], ofItemAtPath: lock)
        let start = Date()
        let report = try store.push(to: "origin")
        #expect(report.tracks.first?.outcome == .fastForwarded)
        #expect(Date().timeIntervalSince(start) < 8)
        #expect(!FileManager.default.fileExists(atPath: lock))
    }
}
