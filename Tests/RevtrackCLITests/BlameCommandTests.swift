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
        #expect(lines[1].hasSuffix("| +1 added, ~1 modified"))
        #expect(lines[5].hasSuffix("| ~1 modified, >1 moved"))
        #expect(lines[11].hasSuffix("| first revision"))
        struct Entry: Decodable { struct Stat: Decodable { let added, removed, modified, moved, unchanged: Int }; let revision: Int; let stat: Stat? }
        let json = try JSONDecoder().decode([Entry].self, from: Data(try cli.run(["log", "wire", "--stat", "--format", "json"]).stdout.utf8))
        #expect(json.map(\.revision) == [6, 5, 4, 3, 2, 1])
        #expect(json[2].stat.map { ($0.modified, $0.moved) }! == (1, 1))
        #expect(json[5].stat == nil)
    }
}
