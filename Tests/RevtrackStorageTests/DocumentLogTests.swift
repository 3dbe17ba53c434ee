import Foundation
import Testing
import RevtrackTestSupport
import RevtrackStorage

@Suite("Document logs")
struct DocumentLogTests {
    struct Note: Codable, Equatable { var text: String }

    @Test("a document log keeps every document in order; returning nil writes nothing; two logs never mix")
    func appendAndRead() throws {
        let folder = TemporaryFolder()
        let store = try RevisionStore.create(at: folder.file("archive"))
        let notes = DocumentLog(reference: "refs/revtrack/notes", file: "note.json")
        let other = DocumentLog(reference: "refs/revtrack/other", file: "note.json")
        #expect(try store.latestDocument(Note.self, in: notes) == nil)
        #expect(try store.documents(Note.self, in: notes).isEmpty)
        for text in ["one", "two", "three"] {
            try store.appendDocument(Note.self, to: notes, message: text, time: Date()) { latest in
                Note(text: (latest.map { $0.text + "," } ?? "") + text)
            }
        }
        try store.appendDocument(Note.self, to: notes, message: "nothing", time: Date()) { _ in nil }
        try store.appendDocument(Note.self, to: other, message: "x", time: Date()) { _ in Note(text: "x") }
        #expect(try store.documents(Note.self, in: notes).map(\.text) == ["one", "one,two", "one,two,three"])
        #expect(try store.latestDocument(Note.self, in: other) == Note(text: "x"))
        #expect(runGit(["-C", folder.file("archive"), "fsck", "--strict"])?.status ?? 0 == 0)
    }
}
