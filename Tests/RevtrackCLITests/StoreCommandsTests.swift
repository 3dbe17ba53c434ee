import Foundation
import RevtrackTestSupport
import Testing

@Suite("add, tracks, log, show")
struct StoreCommandsTests {
    let folder = TemporaryFolder()
    var cli: CLI { CLI(repository: folder.file("archive")) }

    @Test("the samples go in and come back out byte for byte")
    func samplesRoundTrip() throws {
        let reuters = samplesFolder + "/reuters.txt"
        let opinion = samplesFolder + "/opinion.txt"
        let first = try cli.run(["add", "karabakh/reuters", reuters, "--title", "Russian troops leave Karabakh",
                                 "--date", "2024-05-15T12:00:00Z", "--url", "https://example.com/r"])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("karabakh/reuters@1 "))
        #expect(first.stderr == "revtrack: created repository at \(folder.file("archive"))\n")
        #expect(try cli.run(["add", "karabakh/opinion", opinion, "--date", "2024-05-16"]).status == 0)
        let unchanged = try cli.run(["add", "reuters", reuters])
        #expect(unchanged.status == 0 && unchanged.stdout.hasPrefix("karabakh/reuters@1 ") && unchanged.stdout.hasSuffix(" unchanged\n"))

        let tracks = try cli.run(["tracks"])
        #expect(tracks.stdout == """
            karabakh/opinion  1 revision     latest 2024-05-16T00:00:00Z
            karabakh/reuters  1 revision     latest 2024-05-15T12:00:00Z

            """)
        let show = try cli.run(["show", "reuters@1"])
        #expect(show.stdout == (try String(contentsOfFile: reuters, encoding: .utf8)))
        #expect(try cli.run(["show", "opinion"]).stdout == (try String(contentsOfFile: opinion, encoding: .utf8)))
    }

    @Test("log lists newest first, as text and as JSON")
    func log() throws {
        for (index, text) in ["First alert.", "First alert. More detail.", "First alert. More detail. Reaction."].enumerated() {
            let result = try cli.run(["add", "wire/afp", "-", "--date", "2024-05-15T0\(index + 1):00:00Z",
                                      "--title", "Alert \(index + 1)"], stdin: Data(text.utf8))
            #expect(result.stdout.hasPrefix("wire/afp@\(index + 1) "))
        }
        let lines = try cli.run(["log", "afp"]).stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("@3  ") && lines[0].hasSuffix("  2024-05-15T03:00:00Z  Alert 3  (35 bytes)"))
        #expect(lines[2].hasPrefix("@1  ") && lines[2].hasSuffix("  2024-05-15T01:00:00Z  Alert 1  (12 bytes)"))

        struct Entry: Decodable { let revision: Int; let id: String; let captured: String; let title: String; let bytes: Int; let spec: String }
        let json = try JSONDecoder().decode([Entry].self, from: Data(try cli.run(["log", "wire/afp", "--format", "json"]).stdout.utf8))
        #expect(json.map(\.revision) == [3, 2, 1])
        #expect(json[2].captured == "2024-05-15T01:00:00Z" && json[2].bytes == 12 && json[2].spec == "wire/afp@1")
        let byPrefix = try cli.run(["show", String(json[1].id.prefix(7))])
        #expect(byPrefix.stdout == "First alert. More detail.")
        #expect(try cli.run(["show", "afp~2"]).stdout == "First alert.")
    }

    @Test("hostile titles are shown escaped, never as raw escape sequences")
    func hostileTitle() throws {
        _ = try cli.run(["add", "wire", "-", "--title", "Evil \u{1B}]0;pwned\u{07} title"], stdin: Data("Body.".utf8))
        let log = try cli.run(["log", "wire"])
        #expect(!log.stdout.contains("\u{1B}"))
        #expect(log.stdout.contains("Evil \\u{1B}]0;pwned\\u{7} title"))
    }

    @Test("--repo and REVTRACK_REPO choose the repository; init creates one")
    func repositoryLocation() throws {
        let explicit = folder.file("explicit")
        let created = try cli.run(["init", "--repo", explicit])
        #expect(created.status == 0 && created.stdout == "created revtrack repository at \(explicit)\n")
        #expect(try cli.run(["add", "--repo", explicit, "wire", "-"], stdin: Data("x".utf8)).status == 0)
        #expect(try cli.run(["tracks", "--repo", explicit]).stdout.hasPrefix("wire "))
        #expect(try cli.run(["tracks"]).status == 2, "the REVTRACK_REPO repository does not exist")
        let again = try cli.run(["init", "--repo", explicit])
        #expect(again.status == 2 && again.stderr == "revtrack: a repository already exists at '\(explicit)'\n")
        var inFolder = CLI(repository: "")
        inFolder.workingDirectory = folder.path
        #expect(try inFolder.run(["add", "local", "-"], stdin: Data("y".utf8)).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.file(".revtrack/config")))
    }

    @Test("--help and --version exit 0")
    func help() throws {
        let help = try cli.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("SUBCOMMANDS"))
        #expect(try cli.run(["--version"]).status == 0)
    }
}
