import Foundation
import RevtrackTestSupport
import Testing

@Suite("blame and log --stat")
struct BlameCommandTests {
    let folder = TemporaryFolder()
    var cli: CLI { CLI(repository: folder.file("archive")) }

    init() throws {
        let storm = URL(fileURLWithPath: samplesFolder).deletingLastPathComponent().appendingPathComponent("storm").path
        for index in 1...6 {
            let result = try CLI(repository: folder.file("archive")).run(
                ["add", "storm/wire", "\(storm)/wire-\(index).txt", "--date", String(format: "2025-10-14T%02d:15:00Z", index + 6)])
            #expect(result.status == 0)
        }
    }

    @Test("blame JSON gives introduced, lastChanged, changes and ids per sentence")
    func blameJSON() throws {
        struct Entry: Decodable { let text: String; let paragraph: Int; let introduced: Int; let lastChanged: Int; let changes: Int
            let introducedId: String; let lastChangedId: String }
        let entries = try JSONDecoder().decode([Entry].self, from: Data(try cli.run(["blame", "wire", "--format", "json"]).stdout.utf8))
        #expect(entries.count == 10)
        let quote = try #require(entries.first { $0.text.hasPrefix("\"We have never seen") })
        #expect((quote.introduced, quote.lastChanged, quote.changes, quote.paragraph) == (2, 6, 2, 4))
        #expect(quote.introducedId.count == 7 && quote.introducedId != quote.lastChangedId)
        let older = try JSONDecoder().decode([Entry].self, from: Data(try cli.run(["blame", "wire@3", "--format", "json"]).stdout.utf8))
        #expect(older.first?.text == "Storm Elena kills at least 20 in southern Portugal")
        #expect(older.first.map { ($0.introduced, $0.lastChanged, $0.changes) }! == (1, 3, 1))
    }

    @Test("blame text shows @N, the last edit and its time beside each sentence")
    func blameText() throws {
        let text = try cli.run(["blame", "storm/wire"], environment: ["COLUMNS": "100"]).stdout
        #expect(text.hasPrefix("@1 ~@5 ×2 10-14 11:15 │ Storm Elena kills 23 in southern Portugal, several missing\n"))
        #expect(text.contains("@3        10-14 09:15 │ It is the deadliest storm"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    @Test("log --stat summarises each revision against the one before")
    func logStat() throws {
        let lines = try cli.run(["log", "wire", "--stat"]).stdout.split(separator: "\n")
        #expect(lines[1].hasSuffix("| +1 added, ~1 modified · facts: 2 changed"))     // the corrected surname: the quote's speaker and the person
        #expect(lines[3].hasSuffix("| +2 added, ~4 modified · facts: 6 changed, 7 added"))
        #expect(lines[5].hasSuffix("| ~1 modified, >1 moved"))
        #expect(lines[11].hasSuffix("| first revision"))
        struct Entry: Decodable {
            struct Stat: Decodable { struct Facts: Decodable { let changed, added, removed: Int }
                let added, removed, modified, moved, unchanged: Int; let facts: Facts }
            let revision: Int; let stat: Stat?
        }
        let json = try JSONDecoder().decode([Entry].self, from: Data(try cli.run(["log", "wire", "--stat", "--format", "json"]).stdout.utf8))
        #expect(json.map(\.revision) == [6, 5, 4, 3, 2, 1])
        #expect(json[2].stat.map { ($0.modified, $0.moved) }! == (1, 1))
        #expect(json[5].stat == nil)
        #expect(json[1].stat.map { ($0.facts.changed, $0.facts.added, $0.facts.removed) }! == (6, 7, 0))
    }

    @Test("log --since/--until restricts the range; the first revision in it still has its stat")
    func logRange() throws {
        let lines = try cli.run(["log", "wire", "--stat", "--since", "@3", "--until", "2025-10-14T11:15:00Z"]).stdout.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines[0].hasPrefix("@5 ") && lines[4].hasPrefix("@3 "))
        #expect(lines[5].hasSuffix("| +2 added, ~2 modified · facts: 3 changed, 4 added"))
        let none = try cli.run(["log", "wire", "--since", "2030-01-01"])
        #expect(none.status == 2 && none.stderr.contains("no revision of 'storm/wire' is in the range"))
        #expect(try cli.run(["log", "wire", "--since", "yesterday"]).status == 2)
    }

    @Test("timeline follows the toll, the missing, the rescuers and the corrected speaker")
    func timelineText() throws {
        let text = try cli.run(["timeline", "wire"], environment: ["COLUMNS": "100"]).stdout
        #expect(text.hasPrefix("storm/wire  @1 2025-10-14T07:15:00Z → @6 2025-10-14T12:15:00Z · 6 revisions"))
        #expect(text.contains("  people (dead) ×2  at least 12 (@1) → at least 20 (@3) → 23 (@5)\n"))
        #expect(text.contains("people (missing)  several (@1) → at least 5 (@5)\n"))
        #expect(text.contains("firefighters      more than 300 (@2) → more than 500 (@5)\n"))
        let changed = try cli.run(["timeline", "wire", "--changed"], environment: ["COLUMNS": "100"]).stdout
        #expect(!changed.contains("42 (@3)") && changed.contains("23 (@5)"))
    }

    @Test("timeline JSON: referents with kind, label and the value at each change; --since restricts it")
    func timelineJSON() throws {
        struct Referent: Decodable {
            struct Value: Decodable { let revision: Int; let date: String; let value: String? }
            let kind: String; let label: String; let mentions: Int; let values: [Value]
        }
        let all = try JSONDecoder().decode([Referent].self, from: Data(try cli.run(["timeline", "wire", "--format", "json"]).stdout.utf8))
        let toll = try #require(all.first { $0.kind == "quantity" })
        #expect(toll.kind == "quantity" && toll.label == "people (dead)" && toll.mentions == 2)
        #expect(toll.values.map(\.revision) == [1, 3, 5] && toll.values.map(\.value) == ["at least 12", "at least 20", "23"])
        #expect(toll.values[1].date == "2025-10-14T09:15:00Z")
        let quote = try #require(all.first { $0.kind == "quote" })
        #expect(quote.values.map(\.revision) == [2, 6])
        #expect(quote.values[1].value?.hasSuffix("— Joaquim Serrano") == true)
        let mayor = try #require(all.first { $0.kind == "person" && $0.label == "Joaquim Serano" })
        #expect(mayor.values.map(\.value) == ["mayor Joaquim Serano", "mayor Joaquim Serrano"], "a corrected name is a change, not a new person")
        #expect(all.contains { $0.kind == "person" && $0.label == "Ana Lopes" && $0.values.map(\.revision) == [5] }, "enters the story at @5")

        let late = try JSONDecoder().decode([Referent].self, from: Data(try cli.run(["timeline", "wire", "--format", "json", "--since", "4"]).stdout.utf8))
        let lateToll = try #require(late.first { $0.label == "people (dead)" && $0.mentions == 2 })
        #expect(lateToll.values.map(\.revision) == [4, 5] && lateToll.values.map(\.value) == ["at least 20", "23"])
    }
}
