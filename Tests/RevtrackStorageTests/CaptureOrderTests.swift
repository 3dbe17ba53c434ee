import Foundation
import RevtrackTestSupport
import Testing
@testable import RevtrackStorage

/// A track's revisions are always in capture order (issue 19): an `add` with
/// an earlier capture time is refused, or with `insert` placed in order and
/// the later revisions re-created on top.
@Suite("Capture order")
struct CaptureOrderTests {
    let folder = TemporaryFolder()

    func at(_ minute: Int) -> Date { Date(timeIntervalSince1970: 1_767_240_000 + Double(minute) * 60) }

    /// "First." at 04:28 and "Second." at 04:30 on the track `wire`.
    func storeWithTwoRevisions() throws -> (RevisionStore, TrackName) {
        let store = try RevisionStore.create(at: folder.file("archive"))
        let track = try TrackName("wire")
        _ = try store.add(text: "First.", to: track, captured: at(28))
        _ = try store.add(text: "Second.", to: track, captured: at(30))
        return (store, track)
    }

    func texts(_ store: RevisionStore, _ track: TrackName) throws -> [String] {
        try store.revisions(of: track).map { "\($0.number):\(try store.text(of: $0).trimmingCharacters(in: .newlines))" }
    }

    @Test("an earlier capture time is refused by default and nothing is written")
    func refused() throws {
        let (store, track) = try storeWithTwoRevisions()
        let tip = try store.resolve("wire").id
        #expect {
            try store.add(text: "Earlier.", to: track, captured: at(24))
        } throws: { error in
            guard case StorageError.outOfOrder(track: "wire", _, _, latestSpec: "wire@2") = error else { return false }
            let message = "\(error)"
            return message.contains("2026-01-01T04:24:00Z") && message.contains("2026-01-01T04:30:00Z") && !message.contains("\n")
        }
        #expect(try store.resolve("wire").id == tip)
        #expect(try texts(store, track) == ["1:First.", "2:Second."])
    }

    @Test("insert places it by its time and re-creates the later revisions, numbered on", arguments: [
        (24, ["1:Inserted.", "2:First.", "3:Second.", "4:Third."], 3),
        (29, ["1:First.", "2:Inserted.", "3:Second.", "4:Third."], 2),
        (31, ["1:First.", "2:Second.", "3:Inserted.", "4:Third."], 1),
    ])
    func inserted(minute: Int, expected: [String], recreated: Int) throws {
        let store = try RevisionStore.create(at: folder.file("archive"))
        let track = try TrackName("wire")
        _ = try store.add(text: "First.", to: track, title: "one", captured: at(28))
        _ = try store.add(text: "Second.", to: track, captured: at(30))
        _ = try store.add(text: "Third.", to: track, captured: at(32))
        let outcome = try store.add(text: "Inserted.", to: track, captured: at(minute), insert: true)
        guard case .inserted(let revision, let count) = outcome else { Issue.record("\(outcome)"); return }
        #expect(count == recreated && revision.captured == at(minute))
        #expect(try texts(store, track) == expected)
        let revisions = try store.revisions(of: track)
        #expect(zip(revisions, revisions.dropFirst()).allSatisfy { $0.captured <= $1.captured })
        #expect(revisions.map(\.metadata.revision) == [1, 2, 3, 4])
        #expect(revisions.first { $0.captured == at(28) }?.title == "one")
    }

    @Test("an inserted text equal to the revision captured just before it stores nothing")
    func insertedDuplicate() throws {
        let (store, track) = try storeWithTwoRevisions()
        let outcome = try store.add(text: "First.", to: track, captured: at(29), insert: true)
        guard case .unchanged(let revision) = outcome else { Issue.record("\(outcome)"); return }
        #expect(revision.number == 1)
        #expect(try texts(store, track) == ["1:First.", "2:Second."])
    }
}
