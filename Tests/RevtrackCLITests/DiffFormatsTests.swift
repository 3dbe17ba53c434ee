import Foundation
import RevtrackTestSupport
import Testing

@Suite("diff output formats")
struct DiffFormatsTests {
    let folder = TemporaryFolder()
    var cli: CLI { CLI(repository: folder.file("archive")) }

    struct Document: Decodable {
        struct Side: Decodable { let spec: String; let id: String?; let track: String?; let captured: String?; let title: String?; let file: String? }
        struct Summary: Decodable, Equatable { let added, removed, modified, moved, unchanged: Int }
        struct Ref: Decodable { let index: Int; let count: Int; let paragraph: Int; let text: String }
        struct Word: Decodable { let op: String; let text: String; let space: Bool }
        struct Entry: Decodable { let op: String; let old: Ref?; let new: Ref?; let kind: String?; let similarity: Double?; let words: [Word]? }
        let schema: String
        let old: Side
        let new: Side
        let summary: Summary
        let sentences: [Entry]
    }

    @Test("JSON parses back field by field, for revisions")
    func json() throws {
        _ = try cli.run(["add", "wire", "-", "--title", "Alert", "--date", "2024-05-15T09:00:00Z"],
                        stdin: Data("Troops left. About 2,000 remained.\nIt rained.".utf8))
        _ = try cli.run(["add", "wire", "-", "--date", "2024-05-15T10:00:00Z"],
                        stdin: Data("Troops left. Nearly 2,000 remained.\nOfficials confirmed it.".utf8))
        let result = try cli.run(["diff", "--format", "json", "wire@1", "wire@2"])
        #expect(result.status == 1)
        let document = try JSONDecoder().decode(Document.self, from: Data(result.stdout.utf8))
        #expect(document.schema == "revtrack-diff/1")
        #expect(document.old.spec == "wire@1" && document.old.title == "Alert" && document.old.captured == "2024-05-15T09:00:00Z")
        #expect(document.old.id?.count == 40 && document.new.track == "wire" && document.new.file == nil)
        #expect(document.summary == .init(added: 1, removed: 1, modified: 1, moved: 0, unchanged: 1))
        #expect(document.sentences.map(\.op) == ["equal", "modify", "delete", "insert"])
        let modify = document.sentences[1]
        #expect(modify.old?.text == "About 2,000 remained." && modify.new?.text == "Nearly 2,000 remained.")
        #expect(modify.old?.index == 1 && modify.new?.paragraph == 0 && modify.kind == "fact")
        #expect(modify.words?.map(\.op) == ["delete", "insert", "equal"])
        #expect(modify.words?.map(\.text) == ["About", "Nearly", "2,000 remained."])
        #expect(document.sentences[2].new == nil && document.sentences[3].old == nil)
    }

    @Test("JSON stays valid for quotes, backslashes, control characters and non-ASCII")
    func jsonHostile() throws {
        let nasty = "He said \"no\" \\ then \u{1B}[31m red \u{07} “curly” Ünïcode 🚀."
        let old = folder.write("a.txt", "Calm.")
        let new = folder.write("b.txt", "Calm. " + nasty)
        let result = try cli.run(["diff", "--format", "json", old, new])
        let document = try JSONDecoder().decode(Document.self, from: Data(result.stdout.utf8))
        #expect(document.sentences.last?.new?.text == nasty)
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test("side-by-side fits the width and wraps long sentences")
    func sideBySide() throws {
        let old = folder.write("a.txt", "Troops left. About 2,000 remained in the region after the ceremony ended.")
        let new = folder.write("b.txt", "Troops left. Nearly 2,000 remained in the region after the ceremony ended.")
        let result = try cli.run(["diff", "--format", "side-by-side", old, new], environment: ["COLUMNS": "60"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.dropFirst(3).allSatisfy { $0.count <= 60 }, "\(result.stdout)")
        #expect(lines.dropFirst(2).joined(separator: "\n") == """
            1 modified (1 fact), 1 unchanged
            ─────────────────────────────┬─────────────────────────────
            Troops left.                 │ Troops left.
            [-About-] 2,000 remained in  ~ {+Nearly+} 2,000 remained in
            the region after the         │ the region after the
            ceremony ended.              │ ceremony ended.
            """)
    }

    @Test("HTML escapes hostile text, runs no script and is self-contained; --output writes a file")
    func html() throws {
        let old = folder.write("a.txt", "Calm sentence.")
        let new = folder.write("b.txt", "Calm sentence. <script>alert(1)</script> and \"><img src=x onerror=alert(2)> end.")
        let report = folder.file("report.html")
        let result = try cli.run(["diff", "--format", "html", "--output", report, "--color", "always", old, new])
        #expect(result.status == 1 && result.stdout.isEmpty)
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script") && !html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(!html.contains("http://") && !html.contains("https://"), "nothing loaded from elsewhere")
        #expect(!html.contains("\u{1B}"), "no colour codes in a file")
    }
}

@Suite("HTML report in a real browser")
struct HTMLBrowserTests {
    @Test("headless Chromium renders the text and runs none of the hostile script",
          .enabled(if: Chromium.path != nil, "chromium is not installed (scripts/install-deps.sh --browser installs it)"))
    func rendersInChromium() throws {
        let folder = TemporaryFolder()
        let old = folder.write("a.txt", "A total of 1,960 peacekeepers left.")
        let new = folder.write("b.txt", "A total of 2,000 peacekeepers left. <script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">")
        let report = folder.file("report.html")
        _ = try CLI(repository: folder.file("archive")).run(["diff", "--format", "html", "--output", report, old, new])

        let dom = try Chromium.dom("file://" + report, profile: folder.file("profile"))
        #expect(dom.contains("<del>1,960</del>") && dom.contains("<ins>2,000</ins>"), "\(dom.prefix(400))")
        #expect(dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"))
        #expect(!dom.contains("<title>pwned</title>"))
        #expect(dom.contains("<title>revtrack: "))
    }
}

@Suite("diff --level facts and framing contrasts")
struct FactLevelTests {
    let folder = TemporaryFolder()
    var cli: CLI { CLI(repository: folder.file("archive")) }

    struct Document: Decodable {
        struct Usage: Decodable { let phrase: String; let term: String; let sentence: Int; let count: Int }
        struct Contrast: Decodable { let family: String; let old: Usage; let new: Usage; let referent: String }
        struct Summary: Decodable { let facts: [String: Int]? }
        let summary: Summary
        let sentences: [DiffFormatsTests.Document.Entry]?
        let framing: [Contrast]?
    }

    @Test("two outlets: the text names the framing contrasts; JSON carries them; HTML shows them escaped")
    func framing() throws {
        let reuters = samplesRoot + "/karabakh/reuters.txt", opinion = samplesRoot + "/karabakh/opinion.txt"
        let text = try cli.run(["diff", "--facts-as", "outlets", "--color", "never", reuters, opinion])
        #expect(text.status == 1)
        #expect(text.stdout.contains("  framing      “recaptured” ×2  vs  “liberated”  (taking territory; Azerbaijan)\n"), "\(text.stdout)")
        #expect(text.stdout.contains("3 framing contrasts"))

        let json = try cli.run(["diff", "--facts-as", "outlets", "--format", "json", reuters, opinion])
        let document = try JSONDecoder().decode(Document.self, from: Data(json.stdout.utf8))
        #expect(document.framing?.map(\.new.term) == ["personnel", "liberate", "anti-terrorist operation"])
        #expect(document.framing?[2].old.phrase == "lightning offensive" && document.framing?[2].family == "military action")
        #expect(document.summary.facts?["framing"] == 3)

        let html = try cli.run(["diff", "--facts-as", "outlets", "--format", "html", reuters, opinion])
        #expect(html.stdout.contains("<tr class=\"framing\"><td class=\"relation\">framing</td><td class=\"fact-kind\">taking territory</td><td>“recaptured” ×2</td>"))
    }

    @Test("--level facts shows only facts, leaves sentences out of JSON, and exits 1 only when facts differ")
    func factsOnly() throws {
        let old = folder.write("a.txt", "At least 12 people were killed on Monday. Rain fell.")
        let reworded = folder.write("b.txt", "At least 12 people were killed on Monday. Heavy rain fell all day.")
        let revised = folder.write("c.txt", "At least 20 people were killed on Monday. Rain fell.")

        let same = try cli.run(["diff", "--level", "facts", old, reworded])
        #expect(same.status == 0, "rewording without a fact change: \(same.stdout)")
        #expect(!same.stdout.contains("Heavy"))

        let changed = try cli.run(["diff", "--level", "facts", "--color", "never", old, revised])
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("changed  quantity     at least 12 people (dead)  →  at least 20 people (dead)"), "\(changed.stdout)")
        #expect(!changed.stdout.contains("[-12-]"))

        let json = try cli.run(["diff", "--level", "facts", "--format", "json", old, revised])
        let document = try JSONDecoder().decode(Document.self, from: Data(json.stdout.utf8))
        #expect(document.sentences == nil && document.summary.facts?["changed"] == 1)

        let sideBySide = try cli.run(["diff", "--level", "facts", "--format", "side-by-side", old, revised])
        #expect(sideBySide.status == 2 && sideBySide.stderr.contains("--level facts has no side-by-side view"))
    }
}
