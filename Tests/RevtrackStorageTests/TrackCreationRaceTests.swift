import Foundation
import RevtrackTestSupport
import Testing
@testable import RevtrackStorage

/// The first revision of a track creates its branch. Writers that all see the
/// branch missing must still land one after the other: the CI run of stop 32
/// lost one revision of 100 this way (the creation was tested before the
/// ref's lock was taken).
@Suite("Creating a track concurrently")
struct TrackCreationRaceTests {
    @Test("8 threads add the first revisions of 60 new tracks at once: every revision lands")
    func firstRevisionsRace() throws {
        let folder = TemporaryFolder()
        let path = folder.file("archive")
        _ = try RevisionStore.create(at: path)
        let writers = 8, tracks = 60
        for round in 0..<tracks {
            let track = try TrackName("race-\(round)")
            let start = DispatchSemaphore(value: 0), done = DispatchGroup()
            let failures = Failures()
            for writer in 0..<writers {
                done.enter()
                Thread.detachNewThread {
                    defer { done.leave() }
                    do {
                        let store = try RevisionStore.open(at: path)
                        start.wait()
                        _ = try store.add(text: "Writer \(writer) of round \(round).", to: track)
                    } catch { failures.append("\(error)") }
                }
            }
            for _ in 0..<writers { start.signal() }
            done.wait()
            #expect(failures.all.isEmpty)
            let store = try RevisionStore.open(at: path)
            #expect(try store.revisions(of: track).count == writers, "round \(round)")
        }
    }

    @Test("expecting a missing ref fails once it exists, and never overwrites it")
    func expectedMissing() throws {
        let folder = TemporaryFolder()
        let repository = try GitRepository.initBare(at: folder.file("archive"))
        let blob = try repository.writeBlob(Array("Text.".utf8))
        let tree = try repository.writeTree([("text.txt", blob)])
        let first = try repository.writeCommit(tree: tree, parent: nil, message: "one", time: 0, authorName: "t", authorEmail: "t@example.org")
        let second = try repository.writeCommit(tree: tree, parent: first, message: "two", time: 0, authorName: "t", authorEmail: "t@example.org")
        #expect(try repository.compareAndSwap("refs/heads/t", to: first, expected: nil, logMessage: "a") == .updated)
        #expect(try repository.compareAndSwap("refs/heads/t", to: second, expected: nil, logMessage: "b") == .lostRace)
        #expect(try repository.referenceTarget("refs/heads/t") == first)
    }
}

/// Errors collected from writer threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String] = []
    func append(_ error: String) { lock.withLock { errors.append(error) } }
    var all: [String] { lock.withLock { errors } }
}
