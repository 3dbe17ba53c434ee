import Foundation
import RevtrackTestSupport
import Testing

@Suite("facts, and facts in diff")
struct FactsCommandTests {
    let folder = TemporaryFolder()
    var cli: CLI { CLI(repository: folder.file("archive")) }

    @Test("facts lists a revision's facts by kind; JSON has kind, value, sentence, range and kind-specific fields")
    func facts() throws {
        _ = try cli.run(["add", "karabakh/reuters", samplesFolder + "/reuters.txt", "--date", "2024-05-15T12:00:00Z"])
        let text = try cli.run(["facts", "reuters"]).stdout
        #expect(text.contains("quantities (8)\n  s5  nearly 2000  — troops\n"))
        #expect(text.contains("  s7  2023-09  (\"last September\")\n"))
        #expect(text.contains("— Yevgeny Nikiforov\n"))
        struct Fact: Decodable { let kind: String; let text: String; let value: String; let sentence: Int; let start: Int; let end: Int
            let qualifier: String?; let counted: String?; let speaker: String?; let resolved: String? }
        let json = try JSONDecoder().decode([Fact].self, from: Data(try cli.run(["facts", "reuters", "--format", "json"]).stdout.utf8))
        let nearly = try #require(json.first { $0.value == "nearly 2000" })
        #expect(nearly.kind == "quantity" && nearly.qualifier == "nearly" && nearly.counted == "troops" && nearly.sentence == 4)
        let source = Array(try String(contentsOfFile: samplesFolder + "/reuters.txt", encoding: .utf8).utf8)
        #expect(String(decoding: source[nearly.start..<nearly.end], as: UTF8.self) == nearly.text)
    }

    @Test("diff between outlets shows shared and consistent facts; between versions, changed ones")
    func diffFacts() throws {
        let outlets = try cli.run(["diff", "--facts-as", "outlets", samplesFolder + "/reuters.txt", samplesFolder + "/opinion.txt"]).stdout
        #expect(outlets.contains("· facts: 5 shared, 1 consistent"))
        #expect(outlets.contains("shared       place        Moscow"))
        #expect(outlets.contains("only in new  organisation Russian peacekeeping contingent (RPC)"))
        #expect(outlets.contains("only in old  person       colonel general Yevgeny Nikiforov"))
        // The facts of the one pair the two share meet there: the wire's lead and the opinion's 2,000 personnel.
        #expect(outlets.contains("shared       quantity     nearly 2000 troops  |  nearly 2000 personnel"))
        // The offensive "last September" and the "anti-terrorist operations" of "fall of 2023" pair, and their dates meet.
        #expect(outlets.contains("consistent   date         2023-09 (\"last September\")  →  2023-fall (\"fall of 2023\")"))
        let storm = URL(fileURLWithPath: samplesFolder).deletingLastPathComponent().appendingPathComponent("storm").path
        let versions = try cli.run(["diff", "--facts-as", "versions", storm + "/wire-3.txt", storm + "/wire-5.txt"]).stdout
        #expect(versions.contains("changed  quantity     at least 20 people (dead)  →  23 people (dead)"))
        #expect(versions.contains("changed  quantity     several people (missing)  →  at least 5 people (missing)"))
        struct Document: Decodable {
            struct Summary: Decodable { let facts: [String: Int]? }
            struct Entry: Decodable { let kind: String; let change: String }
            let summary: Summary; let facts: [Entry]?; let factMode: String?
        }
        let json = try JSONDecoder().decode(Document.self, from: Data(try cli.run(
            ["diff", "--format", "json", "--facts-as", "versions", storm + "/wire-3.txt", storm + "/wire-5.txt"]).stdout.utf8))
        #expect(json.factMode == "versions")
        #expect((json.summary.facts?["changed"] ?? 0) >= 3)
        #expect(json.facts?.contains { $0.kind == "quantity" && $0.change == "changed" } == true)
    }

    @Test("a text against itself as two outlets: every fact shared, exit 0; values that cannot both be true conflict, exit 1")
    func selfAndConflicts() throws {
        let sample = samplesRoot + "/facts/dev/a-voting-map-wire.txt"
        let same = try cli.run(["diff", "--facts-as", "outlets", "--level", "facts", sample, sample])
        #expect(same.status == 0, "\(same.stdout)")
        #expect(!same.stdout.contains("only in") && !same.stdout.contains("conflicting") && !same.stdout.contains("consistent"))
        let a = folder.write("a.txt", "Storm Elena killed 7 people in southern Portugal on Sunday, the civil protection agency said.\n")
        let b = folder.write("b.txt", "Storm Elena killed 9 people in southern Portugal on Sunday, the civil protection agency said.\n")
        let conflict = try cli.run(["diff", "--facts-as", "outlets", "--level", "facts", a, b])
        #expect(conflict.status == 1)
        #expect(conflict.stdout.contains("conflicting  quantity     7 people (dead)  →  9 people (dead)"), "\(conflict.stdout)")
    }
}
