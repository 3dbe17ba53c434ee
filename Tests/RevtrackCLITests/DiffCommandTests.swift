import Foundation
import RevtrackTestSupport
import Testing

@Suite("diff and sentences")
struct DiffCommandTests {
    let folder = TemporaryFolder()
    var cli: CLI { CLI(repository: folder.file("archive")) }

    @Test("two files need no repository; exit status is 1 when they differ, 0 when not")
    func files() throws {
        let old = folder.write("old.txt", "Troops left.\nA total of 1,960 peacekeepers were housed there.\nIt rained.")
        let new = folder.write("new.txt", "Troops left.\nA total of 2,000 peacekeepers were housed there.\nIt rained.")
        let result = try cli.run(["diff", old, new])
        #expect(result.status == 1)
        #expect(result.stdout == """
            --- \(old)
            +++ \(new)
            1 modified (1 fact), 2 unchanged · facts: 1 changed
            most important
              fact     ~ A total of [-1,960-] {+2,000+} peacekeepers were housed there.

              Troops left.

            ~ A total of [-1,960-] {+2,000+} peacekeepers were housed there. (fact)

              It rained.

            facts
              changed  quantity     a total of 1960 peacekeepers  →  a total of 2000 peacekeepers

            """)
        let same = try cli.run(["diff", old, "file:" + old])
        #expect(same.status == 0 && same.stdout.hasSuffix("no changes (3 sentences unchanged) · facts: no changes\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("archive")))
    }

    @Test("meaning and fact edits lead the diff; --only keeps those kinds; JSON links an edit to its facts")
    func ranked() throws {
        let old = folder.write("old.txt", """
            The ministry would now release the files. Trump says the deal is done.

            The bridge was safe. Sales rose 5% in May. The storm killed 12 people. The goverment met.
            """)
        let new = folder.write("new.txt", """
            The ministry would not release the files. Trump said the deal is done.

            The bridge was unsafe. Sales fell 5% in May. The storm killed 23 people. The government met.
            """)
        let result = try cli.run(["diff", old, new])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("""
            --- \(old)
            +++ \(new)
            6 modified (3 meaning, 1 fact), 0 unchanged · facts: 1 changed
            most important
              meaning  ~ The ministry would [-now-] {+not+} release the files.
              meaning  ~ The bridge was [-safe-] {+unsafe+}.
              meaning  ~ Sales [-rose-] {+fell+} 5% in May.
              fact     ~ The storm killed [-12-] {+23+} people.

            ~ The ministry would [-now-] {+not+} release the files. (meaning)
            ~ Trump [-says-] {+said+} the deal is done. (wording)

            ~ The bridge was [-safe-] {+unsafe+}. (meaning)
            ~ Sales [-rose-] {+fell+} 5% in May. (meaning)
            ~ The storm killed [-12-] {+23+} people. (fact)
            ~ The [-goverment-] {+government+} met. (typo)

            """), "\(result.stdout)")
        let only = try cli.run(["diff", old, new, "--only", "fact", "--context", "0"])
        #expect(only.stdout.contains("~ The storm killed [-12-] {+23+} people. (fact)\n"))
        #expect(!only.stdout.contains("(meaning)") && !only.stdout.contains("most important"))
        let bad = try cli.run(["diff", old, new, "--only", "meaning,nonsense"])
        #expect(bad.status == 2 && bad.stderr.contains("--only"))

        struct Document: Decodable {
            struct Entry: Decodable { let kind: String?; let facts: [Int]? }
            struct Fact: Decodable { let kind: String; let change: String }
            struct Summary: Decodable { let edits: [String: Int] }
            let sentences: [Entry]
            let facts: [Fact]
            let summary: Summary
        }
        let json = try JSONDecoder().decode(Document.self, from: Data(try cli.run(["diff", "--format", "json", old, new]).stdout.utf8))
        #expect(json.summary.edits == ["meaning": 3, "fact": 1, "wording": 1, "typo": 1])
        let factEdit = try #require(json.sentences.first { $0.kind == "fact" })
        #expect(factEdit.facts?.map { json.facts[$0].kind } == ["quantity"])
        #expect(factEdit.facts?.map { json.facts[$0].change } == ["changed"])
    }

    @Test("add keeps capture order: an earlier --date is a one-line error unless --insert; diff TRACK reads forward in time")
    func captureOrder() throws {
        _ = try cli.run(["add", "wire", "-", "--date", "2026-01-01T04:28:00Z"], stdin: Data("Troops left.".utf8))
        _ = try cli.run(["add", "wire", "-", "--date", "2026-01-01T04:30:00Z"], stdin: Data("Troops returned.".utf8))
        let refused = try cli.run(["add", "wire", "-", "--date", "2026-01-01T04:24:00Z"], stdin: Data("Troops waited.".utf8))
        #expect(refused.status == 2 && refused.stdout.isEmpty)
        #expect(refused.stderr == "revtrack: track 'wire': capture time 2026-01-01T04:24:00Z is before its latest revision wire@2 "
                + "(captured 2026-01-01T04:30:00Z); nothing was stored (add --insert places it in capture order)\n")
        let inserted = try cli.run(["add", "wire", "-", "--date", "2026-01-01T04:29:00Z", "--insert"], stdin: Data("Troops waited.".utf8))
        #expect(inserted.status == 0 && inserted.stdout.hasPrefix("wire@2 ")
                && inserted.stdout.hasSuffix(" inserted in capture order; 1 later revision re-created after it\n"))
        let diff = try cli.run(["diff", "wire"])
        #expect(diff.stdout.contains("--- wire@2") && diff.stdout.contains("+++ wire@3"), "\(diff.stdout)")
        #expect(diff.stdout.contains("~ Troops [-waited-] {+returned+}."), "\(diff.stdout)")
    }

    @Test("revisions by spec, and TRACK alone compares the latest with the one before")
    func revisions() throws {
        _ = try cli.run(["add", "wire", "-"], stdin: Data("Troops left. About 2,000 remained.".utf8))
        _ = try cli.run(["add", "wire", "-"], stdin: Data("Troops left. Nearly 2,000 remained. Officials confirmed it.".utf8))
        let result = try cli.run(["diff", "wire"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("~ [-About-]{+Nearly+} 2,000 remained."))
        #expect(result.stdout.contains("+ Officials confirmed it."))
        #expect(result.stdout.contains("1 modified (1 fact), 1 added, 1 unchanged"))
        #expect(try cli.run(["diff", "wire@1", "wire~1"]).status == 0)
        let missing = try cli.run(["diff", "wire@1", "nothing.txt"])
        #expect(missing.status == 2 && missing.stderr == "revtrack: unknown track 'nothing.txt' (tracks: wire)\n"
                || missing.stderr.contains("nothing.txt"))
    }

    @Test("hostile text never reaches the terminal raw, even with colour on")
    func hostile() throws {
        let old = folder.write("a.txt", "Calm sentence.")
        let new = folder.write("b.txt", "Calm sentence. Evil \u{1B}]0;owned\u{07}\u{1B}[2J text.")
        for color in ["never", "always"] {
            let result = try cli.run(["diff", "--color", color, old, new])
            #expect(!result.stdout.contains("\u{1B}]0;") && !result.stdout.contains("\u{1B}[2J"))
            #expect(result.stdout.contains("\\u{1B}]0;owned\\u{7}\\u{1B}[2J"))
        }
        #expect(try cli.run(["diff", "--color", "always", old, new]).stdout.contains("\u{1B}[32m"))
        #expect(!(try cli.run(["diff", old, new]).stdout.contains("\u{1B}")), "no colour in a pipe")
    }

    @Test("--ignore-cosmetic hides quote-style edits")
    func ignoreCosmetic() throws {
        let old = folder.write("a.txt", "\"We leave,\" he said.")
        let new = folder.write("b.txt", "“We leave,” he said.")
        #expect(try cli.run(["diff", old, new]).stdout.contains("(cosmetic)"))
        let quiet = try cli.run(["diff", "--ignore-cosmetic", old, new])
        #expect(quiet.status == 0 && !quiet.stdout.contains("~"))
    }

    @Test("sentences prints one per line and JSON with scalar offsets")
    func sentences() throws {
        let file = folder.write("s.txt", "“Ünïcode” first. Second sentence.\n\nNew paragraph")
        #expect(try cli.run(["sentences", file]).stdout == "“Ünïcode” first.\nSecond sentence.\n\nNew paragraph\n")
        struct Entry: Decodable, Equatable { let paragraph: Int; let text: String; let start: Int; let end: Int }
        let json = try JSONDecoder().decode([Entry].self, from: Data(try cli.run(["sentences", "--format", "json", file]).stdout.utf8))
        #expect(json == [Entry(paragraph: 0, text: "“Ünïcode” first.", start: 0, end: 16),
                         Entry(paragraph: 0, text: "Second sentence.", start: 17, end: 33),
                         Entry(paragraph: 1, text: "New paragraph", start: 35, end: 48)])
    }
}
