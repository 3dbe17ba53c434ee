import Foundation
import RevtrackTestSupport
import Testing

/// `revtrack batch` through the binary: JSON Lines in, JSON Lines out.
@Suite("revtrack batch")
struct BatchCommandTests {
    let folder = TemporaryFolder()
    var cli: CLI { CLI(repository: folder.file("archive")) }

    func requests(_ count: Int) throws -> Data {
        let storm = try (1...6).map { try sampleText("storm/wire-\($0).txt") }
        var lines: [String] = []
        for index in 0..<count {
            let object: [String: Any] = ["id": index % 2 == 0 ? "r\(index)" : index, "old": storm[index % 5], "new": storm[index % 5 + 1],
                                         "date": "2025-10-14"]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    func results(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test("results in input order, one per line, each the diff document with its id first; the same set unordered")
    func ordered() throws {
        let input = try requests(40)
        let result = try cli.run(["batch", "--jobs", "4"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("{\"id\":") })
        let documents = try results(result.stdout)
        #expect(documents.count == 40)
        for (index, document) in documents.enumerated() {
            if index % 2 == 0 { #expect(document["id"] as? String == "r\(index)") } else { #expect(document["id"] as? Int == index) }
            #expect(document["schema"] as? String == "revtrack-diff/1" && document["sentences"] != nil)
            #expect(document["facts"] == nil)
        }
        // As `diff --format json` would write it for the same two texts (the sides' names aside).
        let old = folder.write("old.txt", try sampleText("storm/wire-1.txt")), new = folder.write("new.txt", try sampleText("storm/wire-2.txt"))
        let diff = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run(["diff", old, new, "--format", "json"]).stdout.utf8)) as? [String: Any])
        #expect((documents[0]["sentences"] as? [Any])?.count == (diff["sentences"] as? [Any])?.count)
        let unordered = try results(try cli.run(["batch", "--unordered", "--jobs", "4"], stdin: input).stdout)
        #expect(Set(unordered.map { "\($0["id"]!)" }) == Set(documents.map { "\($0["id"]!)" }))
    }

    @Test("--facts adds the fact comparison; facts_as and date are honoured")
    func facts() throws {
        let line = #"{"id": 1, "old": "Officials said on Monday that 12 people died.", "new": "Officials said on Monday that 20 people died.", "date": "2025-10-15"}"#
        let document = try #require(try results(try cli.run(["batch", "--facts"], stdin: Data((line + "\n").utf8)).stdout).first)
        #expect(document["factMode"] as? String == "versions")
        let facts = try #require(document["facts"] as? [[String: Any]])
        #expect(facts.contains { ($0["old"] as? [String: Any])?["resolved"] as? String == "2025-10-13" })
        #expect(facts.contains { $0["change"] as? String == "changed" && $0["kind"] as? String == "quantity" })
        let outlets = #"{"id": 2, "old": "The 2,000 troops left on Monday.", "new": "The 1,960 troops left on Monday.", "facts_as": "outlets"}"#
        let aligned = try #require(try results(try cli.run(["batch"], stdin: Data((outlets + "\n").utf8)).stdout).first)
        #expect(aligned["alignment"] != nil)
    }

    @Test("a request that cannot be read gives an error line with its line number, and the batch goes on")
    func errors() throws {
        let input = """
            {"id": "a", "old": "One.", "new": "Two."}
            not json at all
            {"id": "c", "old": "One."}
            {"id": "d", "old": "x", "new": "y", "facts_as": "both"}
            {"id": "e", "old": "x", "new": "y", "date": "yesterday"}

            {"id": "f", "old": "Three.", "new": "Three."}
            """
        let result = try cli.run(["batch"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        #expect(result.stderr.contains("4 of 6 requests could not be read"))
        let lines = try results(result.stdout)
        #expect(lines.map { $0["id"] as? String } == ["a", nil, nil, "d", "e", "f"])
        #expect(lines.map { $0["line"] as? Int } == [nil, 2, 3, 4, 5, nil])
        #expect((lines[1]["error"] as? String)?.hasPrefix("not a request") == true)
        #expect((lines[3]["error"] as? String)?.contains("facts_as") == true)
    }

    @Test("under PySpark in local mode: rdd.pipe(\"revtrack batch\")",
          .enabled(if: (try? Process.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["python3", "-c", "import pyspark"]))
                    .map { $0.waitUntilExit(); return $0.terminationStatus == 0 } ?? false,
                   "pyspark is not installed (pip install pyspark, with a Java runtime)"))
    func pyspark() throws {
        let input = folder.file("requests.jsonl")
        try requests(20).write(to: URL(fileURLWithPath: input))
        let script = folder.write("job.py", """
            import json, sys
            from pyspark.sql import SparkSession
            spark = SparkSession.builder.master("local[2]").appName("revtrack").getOrCreate()
            lines = spark.sparkContext.textFile(sys.argv[1]).pipe(sys.argv[2] + " batch")
            ids = sorted(str(json.loads(line)["id"]) for line in lines.collect())
            print(len(ids))
            spark.stop()
            """)
        let printed = try runProcess("/usr/bin/env", ["python3", script, input, CLI.executable]).output
        #expect(printed.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("20"))
    }
}
