import Foundation
import GRDB
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


/// Other tools' archives, built here in their own formats, imported and read back with `export`.
@Suite("revtrack import: other tools' archives")
struct ImportArchiveTests {
    let folder = TemporaryFolder()
    var cli: CLI { CLI(repository: folder.file("archive")) }

    func exported() throws -> [[String: Any]] {
        try cli.run(["export", "revisions", "--all"]).stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func sqlite(versioned: Bool) throws -> String {
        let path = folder.file(versioned ? "newsedits.db" : "diffengine.db")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE entryversion (id INTEGER PRIMARY KEY, title TEXT, url TEXT, summary TEXT, created DATETIME,
                                           archive_url TEXT, entry_id INTEGER\(versioned ? ", version INTEGER" : ""))
                """)
            let rows: [(Int, String, String, Int)] = [
                (7, "The council voted on Monday to close the library.", "2021-03-01 09:00:00.123456", 1),
                (9, "Storms hit the coast.", "2021-03-01 10:00:00", 1),
                (7, "The council voted on Monday to keep the library open.", "2021-03-01 12:30:00", 2),
            ]
            for (entry, text, created, version) in rows {
                try db.execute(sql: "INSERT INTO entryversion (title, url, summary, created, entry_id\(versioned ? ", version" : "")) VALUES (?, ?, ?, ?, ?\(versioned ? ", ?" : ""))",
                               arguments: StatementArguments(["Entry \(entry)", "https://example.com/\(entry)", text, created, entry]
                                                             + (versioned ? [version] as [any DatabaseValueConvertible] : [])))
            }
        }
        return path
    }

    @Test("diffengine and NewsEdits databases: entry N is track PREFIX/N, versions in capture order", arguments: [false, true])
    func sqliteArchive(versioned: Bool) throws {
        let path = try sqlite(versioned: versioned)
        let result = try cli.run(["import", "--format", versioned ? "newsedits" : "diffengine", path])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try exported()
        let prefix = versioned ? "newsedits" : "diffengine"
        #expect(records.map { $0["track"] as? String } == ["\(prefix)/7", "\(prefix)/7", "\(prefix)/9"])
        #expect(records[1]["text"] as? String == "The council voted on Monday to keep the library open.\n"
                || records[1]["text"] as? String == "The council voted on Monday to keep the library open.")
        #expect(records[0]["captured"] as? String == "2021-03-01T09:00:00Z" && records[1]["revision"] as? Int == 2)
        #expect(records[0]["url"] as? String == "https://example.com/7")
    }

    @Test("a changedetection.io datastore: each watch a track, its history in order; a compressed snapshot is a bad record")
    func changeDetection() throws {
        let store = folder.file("datastore")
        let uuid = "0b1e2c3d-aaaa-bbbb-cccc-111122223333"
        try FileManager.default.createDirectory(atPath: store + "/" + uuid, withIntermediateDirectories: true)
        _ = folder.write("datastore/url-watches.json", #"{"watching": {"\#(uuid)": {"url": "https://news.example.com/world/dam-holds", "title": "Dam holds"}}}"#)
        _ = folder.write("datastore/\(uuid)/1700000000.txt", "The dam held overnight.\n")
        _ = folder.write("datastore/\(uuid)/1700003600.txt", "The dam held overnight, engineers said.\n")
        _ = folder.write("datastore/\(uuid)/history.txt", "1700000000,1700000000.txt\n1700003600,1700003600.txt\n1700007200,1700007200.txt.br\n")
        let refused = try cli.run(["import", "--format", "changedetection", store])
        #expect(refused.status == 2 && refused.stderr.contains("brotli"))
        let result = try cli.run(["import", "--format", "changedetection", store, "--skip-bad"])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try exported()
        #expect(records.map { $0["track"] as? String } == ["changedetection/news.example.com-world-dam-holds", "changedetection/news.example.com-world-dam-holds"])
        #expect(records[1]["captured"] as? String == "2023-11-14T23:13:20Z" && records[1]["title"] as? String == "Dam holds")
    }

    @Test("a NewsDiffs git archive: each article file a track, each commit that changed it a version at the commit's time")
    func newsDiffs() throws {
        let repository = folder.file("newsdiffs")
        _ = runGit(["init", "-q", repository])
        func commit(_ files: [String: String], at time: Int) {
            for (path, text) in files {
                let full = repository + "/" + path
                try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                _ = FileManager.default.createFile(atPath: full, contents: Data(text.utf8))
            }
            _ = runGit(["-C", repository, "add", "-A"])
            let date = "\(time) +0000"
            _ = try? runProcess("/usr/bin/env", ["git", "-C", repository, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "v"],
                                environment: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date])
        }
        commit(["www.nytimes.com/2014/01/01/world/dam.html": "The dam held.\n", "www.bbc.co.uk/news/world-1": "Floods spread.\n"], at: 1_388_570_000)
        commit(["www.nytimes.com/2014/01/01/world/dam.html": "The dam held, officials said.\n"], at: 1_388_580_000)
        let result = try cli.run(["import", "--format", "newsdiffs", repository, "--track-prefix", "nd"])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try exported()
        #expect(records.map { $0["track"] as? String } == ["nd/www.bbc.co.uk-news-world-1", "nd/www.nytimes.com-2014-01-01-world-dam.html", "nd/www.nytimes.com-2014-01-01-world-dam.html"])
        #expect(records[2]["text"] as? String == "The dam held, officials said.\n" && records[2]["captured"] as? String == "2014-01-01T12:40:00Z")
    }
}
