import Foundation
import Testing
import RevtrackTestSupport
@testable import RevtrackStorage

@Suite("Opening repositories")
struct OpeningTests {
    let folder = TemporaryFolder()

    @Test("a missing folder, a file and a non-revtrack repository are refused")
    func notRepositories() throws {
        let missing = folder.file("missing")
        #expect(throws: StorageError.notARepository(path: missing, reason: "no such folder (create one with 'revtrack init')")) {
            try RevisionStore.open(at: missing)
        }
        let file = folder.file("file")
        #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        #expect(throws: StorageError.notARepository(path: file, reason: "it is a file, not a folder")) {
            try RevisionStore.open(at: file)
        }
        let empty = folder.file("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(throws: StorageError.notARepository(path: empty, reason: "not a git repository")) {
            try RevisionStore.open(at: empty)
        }
        guard gitIsInstalled else { return }   // the checks above stand alone; this one needs git
        let plain = folder.file("plain.git")
        _ = runGit(["init", "--quiet", "--bare", plain])
        #expect(throws: StorageError.notARepository(path: plain, reason: "a git repository without 'revtrack.format' in its config and no revtrack tracks")) {
            try RevisionStore.open(at: plain)
        }
    }

    @Test("a plain 'git clone --bare' of a revtrack archive opens: its tracks say what it is", .enabled(if: gitIsInstalled, "needs the git CLI"))
    func plainGitMirror() throws {
        let folder = TemporaryFolder()
        let store = try RevisionStore.create(at: folder.file("archive"))
        _ = try store.add(text: "First text.", to: try TrackName("wire"))
        let mirror = folder.file("mirror.git")
        #expect(runGit(["clone", "--quiet", "--bare", folder.file("archive"), mirror])?.status == 0)
        let opened = try RevisionStore.open(at: mirror)
        #expect(try opened.revisions(of: try TrackName("wire")).count == 1)
        #expect(runGit(["--git-dir", mirror, "config", "revtrack.format"])?.output.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
    }

    @Test("create refuses to write into an existing, non-empty folder")
    func createRefusesExisting() throws {
        let path = folder.file("archive")
        _ = try RevisionStore.create(at: path)
        #expect(throws: StorageError.repositoryExists(path: path)) { try RevisionStore.create(at: path) }
    }

    @Test("a branch pointing at a missing commit is reported as damage")
    func danglingReference() throws {
        let path = folder.file("archive")
        let store = try RevisionStore.create(at: path)
        _ = try store.add(text: "text", to: TrackName("wire"))
        try "0123456789abcdef0123456789abcdef01234567\n".write(toFile: path + "/refs/heads/wire", atomically: true, encoding: .utf8)
        let reopened = try RevisionStore.open(at: path)
        #expect {
            try reopened.revisions(of: TrackName("wire"))
        } throws: { error in
            guard case .damagedRepository(let where_, let detail) = error as? StorageError else { return false }
            return where_ == path && detail.contains("0123456") && detail.contains("cannot be read")
        }
        #expect(throws: StorageError.self) { try reopened.add(text: "new", to: TrackName("wire")) }
    }

    @Test("a truncated object is reported as damage")
    func truncatedObject() throws {
        let path = folder.file("archive")
        let store = try RevisionStore.create(at: path)
        let revision = try store.add(text: reutersSample, to: TrackName("wire")).revision
        let commit = try store.repository.commit(revision.id)
        let textID = try #require(try store.repository.treeEntry(commit.tree, named: "text.txt"))
        let objectPath = path + "/objects/" + textID.hex.prefix(2) + "/" + textID.hex.dropFirst(2)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: objectPath))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: objectPath)
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: objectPath))
        let reopened = try RevisionStore.open(at: path)
        #expect {
            try reopened.text(of: reopened.resolve("wire"))
        } throws: { error in
            guard case .damagedRepository(let where_, let detail) = error as? StorageError else { return false }
            return where_ == path && detail.contains("text.txt")
        }
    }
}
