import Foundation
import RevtrackTestSupport
import Testing

/// `revtrack export` through the binary: tables a notebook reads.
@Suite("revtrack export")
struct ExportCommandTests {
    let folder = TemporaryFolder()
    var cli: CLI { CLI(repository: folder.file("archive")) }

    func store() throws {
        for number in 1...6 {
            let file = folder.write("wire-\(number).txt", try sampleText("storm/wire-\(number).txt"))
            let result = try cli.run(["add", "storm/wire", file, "--date", String(format: "2025-10-14T%02d:15:00Z", number + 6),
                                      "--title", "Storm, \"take\" \(number), Portugal"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let other = folder.write("other.txt", "Officials said the bridge, closed since May, would reopen.\nIt rained.")
        #expect(try cli.run(["add", "bridge", other, "--date", "2025-10-15T09:00:00Z"]).status == 0)
    }

    func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test("revisions: one record per revision with its text, the same in JSON Lines and in CSV")
    func revisions() throws {
        try store()
        let records = try jsonLines(try cli.run(["export", "revisions", "--all"]).stdout)
        #expect(records.count == 7)
        #expect(records.map { $0["track"] as? String } == ["bridge"] + Array(repeating: "storm/wire", count: 6))
        #expect(records[3]["revision"] as? Int == 3 && records[3]["captured"] as? String == "2025-10-14T09:15:00Z")
        #expect(records[3]["text"] as? String == (try cli.run(["show", "storm/wire@3"]).stdout))
        let csv = try cli.run(["export", "revisions", "storm/wire", "--format", "csv"]).stdout
        let rows = CSV.parse(csv)
        #expect(rows[0] == ["track", "revision", "id", "captured", "title", "url", "published", "bytes", "text"])
        #expect(rows.count == 7)
        #expect(rows[1][4] == "Storm, \"take\" 1, Portugal")
        #expect(rows[1][8] == records[1]["text"] as? String)
    }

    @Test("changes: each sentence change with its kind and word edits; --since keeps later revisions")
    func changes() throws {
        try store()
        let records = try jsonLines(try cli.run(["export", "changes", "storm/wire"]).stdout)
        #expect(Set(records.compactMap { $0["new_revision"] as? Int }) == [2, 3, 4, 5, 6])
        let toll = try #require(records.first { $0["new_revision"] as? Int == 3 && $0["op"] as? String == "modify" })
        #expect(toll["kind"] as? String == "fact" && toll["old_revision"] as? Int == 2)
        #expect((toll["words"] as? String)?.contains("[-12-] {+20+}") == true)
        let since = try jsonLines(try cli.run(["export", "changes", "storm/wire", "--since", "2025-10-14T11:00:00Z"]).stdout)
        #expect(Set(since.compactMap { $0["new_revision"] as? Int }) == [5, 6])
    }

    @Test("facts: every fact of each revision with how it changed, and the facts a revision dropped")
    func facts() throws {
        try store()
        let records = try jsonLines(try cli.run(["export", "facts", "storm/wire"]).stdout)
        #expect(records.filter { $0["revision"] as? Int == 1 }.allSatisfy { $0["change"] as? String == "first" })
        let toll = try #require(records.first { $0["revision"] as? Int == 3 && $0["change"] as? String == "changed" && $0["kind"] as? String == "quantity" })
        #expect(toll["previous_value"] as? String == "at least 12" && toll["value"] as? String == "at least 20")
        #expect(Set(records.compactMap { $0["change"] as? String }).isSubset(of: ["first", "unchanged", "changed", "added", "removed"]))
        // CSV of an empty selection is still a table: the header.
        let empty = try cli.run(["export", "facts", "bridge", "--since", "2030-01-01", "--format", "csv"])
        #expect(CSV.parse(empty.stdout) == [["track", "revision", "captured", "change", "kind", "text", "value", "previous_value", "sentence",
                                             "start", "end", "qualifier", "counted", "unit", "speaker", "title", "acronym", "verb"]])
    }

    @Test("-o writes the file whole or not at all; bad input is one line and exit 2")
    func output() throws {
        try store()
        let target = folder.file("revisions.jsonl")
        #expect(try cli.run(["export", "revisions", "--all", "-o", target]).status == 0)
        #expect(try jsonLines(try String(contentsOfFile: target, encoding: .utf8)).count == 7)
        let unknown = try cli.run(["export", "revisions", "nope", "-o", folder.file("none.jsonl")])
        #expect(unknown.status == 2 && unknown.stderr.hasPrefix("revtrack: unknown track 'nope'"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("none.jsonl")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.contains(".partial-") })
        #expect(try cli.run(["export", "revisions", "--since", "last week"]).status == 2)
        #expect(try cli.run(["export", "revisions", "bridge", "--all"]).status == 2)
    }
}

/// RFC 4180, as the export writes it: quoted fields with doubled quotes and line breaks inside.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { field.append(character) }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\r\n", "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
