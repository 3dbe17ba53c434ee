import Foundation
import RevtrackTestSupport
import Testing

/// `revtrack import` through the binary, checked against what `add` makes and what `export` reads back.
@Suite("revtrack import")
struct ImportCommandTests {
    let folder = TemporaryFolder()

    func jsonl(_ records: [[String: String]]) -> String {
        records.map { String(decoding: try! JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
            .joined(separator: "\n") + "\n"
    }

    func storm() throws -> [[String: String]] {
        // Out of order on purpose: the import sorts by capture time within each track.
        try [3, 1, 2, 4].map { number in
            ["track": "storm/wire", "text": try sampleText("storm/wire-\(number).txt"),
             "captured": String(format: "2025-10-14T%02d:15:00Z", number + 6), "title": "Storm, take \(number)"]
        } + [["track": "bridge", "text": "The bridge reopened.\n", "captured": "2025-10-15T09:00:00Z"],
             ["track": "bridge", "text": "The bridge reopened.\n", "captured": "2025-10-15T10:00:00Z"]]
    }

    @Test("JSON Lines: the same commits as one `add` each, in capture order, identical texts skipped; export reads them back; fsck clean; a rerun adds nothing")
    func sameAsAdd() throws {
        let imported = CLI(repository: folder.file("imported")), added = CLI(repository: folder.file("added"))
        let input = folder.write("revisions.jsonl", jsonl(try storm()))
        let result = try imported.run(["import", input])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("imported 5 revisions into 2 tracks"))
        #expect(result.stdout.contains("1 identical to the revision before, skipped"))
        for number in 1...4 {
            let file = folder.write("wire-\(number).txt", try sampleText("storm/wire-\(number).txt"))
            _ = try added.run(["add", "storm/wire", file, "--date", String(format: "2025-10-14T%02d:15:00Z", number + 6), "--title", "Storm, take \(number)"])
        }
        let bridge = folder.write("bridge.txt", "The bridge reopened.\n")
        _ = try added.run(["add", "bridge", bridge, "--date", "2025-10-15T09:00:00Z"])
        for track in ["storm/wire", "bridge"] {
            #expect(runGit(["--git-dir", folder.file("imported"), "rev-parse", track])?.output
                    == runGit(["--git-dir", folder.file("added"), "rev-parse", track])?.output, "\(track)")
        }
        #expect(runGit(["--git-dir", folder.file("imported"), "fsck", "--strict"])?.status == 0)
        let exported = try imported.run(["export", "revisions", "storm/wire"]).stdout.split(separator: "\n")
        #expect(exported.count == 4)
        let again = try imported.run(["import", input])
        #expect(again.stdout.hasPrefix("imported 0 revisions into 2 tracks") && again.stdout.contains("5 already stored"))
        // Packs, not loose objects.
        let loose = try FileManager.default.subpathsOfDirectory(atPath: folder.file("imported") + "/objects")
            .filter { !$0.hasPrefix("pack") && !$0.hasPrefix("info") && $0.count == 41 }
        #expect(loose.isEmpty)
    }

    @Test("CSV with a header, quoted fields with commas, quotes and line breaks: round trip through export")
    func csv() throws {
        let cli = CLI(repository: folder.file("archive"))
        let input = folder.write("revisions.csv", #"""
            captured,track,title,text,url
            2025-10-14T07:15:00Z,court,"Judge rules, ""finally""","The court ruled on Monday.
            The appeal failed, lawyers said.",https://example.com/court
            2025-10-14T08:15:00Z,court,,"The court ruled on Monday. The appeal failed.",

            """#)
        let result = try cli.run(["import", input])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = CSV.parse(try cli.run(["export", "revisions", "court", "--format", "csv"]).stdout)
        #expect(rows.count == 3)
        #expect(rows[1][4] == "Judge rules, \"finally\"" && rows[1][5] == "https://example.com/court")
        #expect(rows[1][8] == "The court ruled on Monday.\nThe appeal failed, lawyers said.\n" || rows[1][8] == "The court ruled on Monday.\nThe appeal failed, lawyers said.")
        #expect(rows[2][1] == "2" && rows[2][4] == "")
    }

    @Test("bad records: line-numbered errors and nothing stored; --skip-bad stores the rest and reports them; older than a track's latest is refused")
    func badRecords() throws {
        let cli = CLI(repository: folder.file("archive"))
        let input = folder.write("bad.jsonl", """
            {"track": "ok", "text": "Fine text.", "captured": "2025-01-01T10:00:00Z"}
            not json
            {"track": "Bad Name", "text": "x", "captured": "2025-01-01T10:00:00Z"}
            {"track": "ok", "text": "More.", "captured": "yesterday"}
            {"track": "ok", "captured": "2025-01-01T11:00:00Z"}
            {"track": "ok", "text": "Later text.", "captured": "2025-01-01T12:00:00Z"}
            """)
        let refused = try cli.run(["import", input])
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("revtrack: 4 bad records; nothing was stored"))
        for line in ["line 2: not a JSON object", "line 3: 'Bad Name' is not a track name", "line 4: 'yesterday' is not an ISO 8601", "line 5: no text"] {
            #expect(refused.stderr.contains(line), "\(line)")
        }
        #expect(try cli.run(["tracks"]).stdout.isEmpty)
        let skipped = try cli.run(["import", input, "--skip-bad"])
        #expect(skipped.status == 0 && skipped.stdout.hasPrefix("imported 2 revisions into 1 tracks"))
        #expect(skipped.stderr.contains("4 bad records skipped"))
        let older = folder.write("older.jsonl", #"{"track": "ok", "text": "Early text.", "captured": "2024-12-31T10:00:00Z"}"# + "\n")
        let out = try cli.run(["import", older])
        #expect(out.status == 2 && out.stderr.contains("line 1: captured 2024-12-31T10:00:00Z, before ok@2"))
    }
}
