import Foundation
import RevtrackTestSupport
import Testing

/// Every bad input gets one line on stderr, exit status 2, and leaves the
/// repository exactly as it was.
@Suite("Bad input")
struct BadInputTests {
    let folder = TemporaryFolder()
    var repository: String { folder.file("archive") }
    var cli: CLI { CLI(repository: repository) }

    init() throws {
        for text in ["One.", "One. Two.", "One. Two. Three."] {
            _ = try CLI(repository: folder.file("archive")).run(["add", "reuters", "-"], stdin: Data(text.utf8))
        }
    }

    func expectRefused(_ arguments: [String], stdin: Data? = nil, message: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = snapshot(of: repository)
        let result = try cli.run(arguments, stdin: stdin)
        #expect(result.status == 2, "exit status for \(arguments)", sourceLocation: sourceLocation)
        #expect(result.stderr == "revtrack: \(message)\n", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(snapshot(of: repository) == before, "the repository changed", sourceLocation: sourceLocation)
    }

    @Test("unreadable or non-text input files")
    func badFiles() throws {
        let missing = folder.file("missing.txt")
        try expectRefused(["add", "reuters", missing], message: "\(missing): no such file")
        try expectRefused(["add", "reuters", folder.path], message: "\(folder.path): is a directory, not a text file")
        try expectRefused(["add", "reuters", folder.write("empty.txt", "")], message: "input is empty")
        try expectRefused(["add", "reuters", folder.write("blank.txt", " \n\t\n")], message: "input holds only whitespace")
        try expectRefused(["add", "reuters", folder.write("latin1.txt", Data([0x43, 0x61, 0x66, 0xE9, 0x0A]))],
                          message: "input is not valid UTF-8 (at byte 3)")
        try expectRefused(["add", "reuters", folder.write("binary.bin", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]))],
                          message: "input looks binary: NUL byte at offset 4")
        try expectRefused(["add", "reuters", "-"], stdin: Data(), message: "input is empty")
        let huge = folder.file("huge.txt")
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: huge))
        try handle.truncate(atOffset: 64 * 1024 * 1024 + 1)
        try handle.close()
        try expectRefused(["add", "reuters", huge],
                          message: "\(huge): larger than 67108864 bytes (64 MiB); revtrack stores article text")
    }

    @Test("bad names, specs and dates")
    func badArguments() throws {
        let text = folder.write("ok.txt", "A new sentence.")
        try expectRefused(["add", "Reuters", text], message: "invalid track name 'Reuters': use lowercase letters (reuters)")
        try expectRefused(["add", "../x", text], message: "invalid track name '../x': a name cannot contain '..'")
        try expectRefused(["add", "reuters", text, "--date", "yesterday"],
                          message: "--date 'yesterday' is not an ISO 8601 time (e.g. 2024-05-15T09:30:00Z or 2024-05-15)")
        try expectRefused(["add", "reuters", text, "--date", "1969-12-31T23:59:59Z"],
                          message: "--date '1969-12-31T23:59:59Z' is outside the times git can store (1970-01-01 to 2106-02-07)")
        try expectRefused(["add", "reuters", text, "--date", "2024-05-15T09:30:00+99:00"],
                          message: "--date '2024-05-15T09:30:00+99:00' is not an ISO 8601 time (e.g. 2024-05-15T09:30:00Z or 2024-05-15)")
        try expectRefused(["show", "reuters@9"], message: "unknown revision 'reuters@9': track 'reuters' has 3 revisions")
        try expectRefused(["show", "reuters@0"], message: "invalid revision 'reuters@0': expected TRACK@N with N a revision number from 1")
        try expectRefused(["show", "afp"], message: "unknown track 'afp' (tracks: reuters)")
        try expectRefused(["log", "afp"], message: "unknown track 'afp' (tracks: reuters)")
        try expectRefused(["show", "abcdef0"], message: "unknown revision 'abcdef0': no track or commit has that name")
    }

    @Test("usage errors also exit 2")
    func usage() throws {
        let result = try cli.run(["add"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Missing expected argument"))
        #expect(try cli.run(["frobnicate"]).status == 2)
    }

    @Test("usage errors are one line too, with where the help is", arguments: [
        ["log", "--since", "-1", "reuters"], ["add", "-x", "file.txt"], ["frobnicate"], ["diff"], ["log", "reuters", "--format", "yaml"],
    ])
    func oneLineUsage(_ arguments: [String]) throws {
        let result = try cli.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("revtrack: ") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("--help'"))
    }

    @Test("an emptied branch file is reported as damaged, never as an unknown or new track", arguments: ["", "garbage\n"])
    func emptiedReference(_ contents: String) throws {
        try contents.write(toFile: repository + "/refs/heads/reuters", atomically: true, encoding: .utf8)
        for arguments in [["log", "reuters"], ["show", "reuters"], ["diff", "reuters"], ["add", "reuters", folder.write("n.txt", "New text.")]] {
            let result = try cli.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("track 'reuters' has a damaged branch file"), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        let tracks = try cli.run(["tracks"])
        #expect(tracks.stderr.contains("track 'reuters' has a damaged branch file"))
    }

    @Test("a full disk is said in words, and the repository stays readable")
    func fullDisk() throws {
        let mountPoint = folder.file("tiny")
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=128k", "tmpfs", mountPoint]
        mount.standardError = FileHandle.nullDevice
        guard (try? mount.run()) != nil else { return }
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { return }     // not root, or no mount here: nothing to test
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [mountPoint]
            try? umount.run()
            umount.waitUntilExit()
        }
        let repository = mountPoint + "/archive"
        let tiny = CLI(repository: repository)
        #expect(try tiny.run(["init"]).status == 0)
        #expect(try tiny.run(["add", "small", "-"], stdin: Data("A short text.\n".utf8)).status == 0)
        var generator = SeededGenerator(state: 7)
        let words = (0..<40_000).map { _ in String((0..<Int.random(in: 2...9, using: &generator)).map { _ in
            Character(Unicode.Scalar(UInt8.random(in: 97...122, using: &generator))) }) }
        let big = folder.write("big.txt", words.joined(separator: " "))
        let full = try tiny.run(["add", "big", big])
        #expect(full.status == 2)
        #expect(full.stderr.contains("no space left on device"), "\(full.stderr)")
        #expect(full.stderr.split(separator: "\n").count == 1)
        #expect(try tiny.run(["show", "small"]).stdout == "A short text.\n")
    }

    @Test("--repo that is not a revtrack repository, or a damaged one")
    func badRepositories() throws {
        let text = folder.write("ok.txt", "Text.")
        let plain = folder.file("plain")
        try FileManager.default.createDirectory(atPath: plain, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: plain + "/sub", withIntermediateDirectories: true)
        let result = try cli.run(["add", "--repo", plain, "reuters", text])
        #expect(result.status == 2 && result.stderr == "revtrack: '\(plain)' is not a revtrack repository: not a git repository\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: plain) == ["sub"])

        // A branch pointing at a commit that does not exist.
        try "0123456789abcdef0123456789abcdef01234567\n".write(toFile: repository + "/refs/heads/reuters",
                                                               atomically: true, encoding: .utf8)
        let before = snapshot(of: repository)
        for arguments in [["log", "reuters"], ["show", "reuters"], ["add", "reuters", text], ["tracks"]] {
            let damaged = try cli.run(arguments)
            #expect(damaged.status == 2, "\(arguments)")
            #expect(damaged.stderr.hasPrefix("revtrack: repository '\(repository)' is damaged: track 'reuters' points to commit 0123456"),
                    "\(arguments): \(damaged.stderr)")
            #expect(damaged.stderr.split(separator: "\n").count == 1)
        }
        #expect(snapshot(of: repository).filter { !$0.key.hasPrefix("objects/") } == before.filter { !$0.key.hasPrefix("objects/") })

        // A plain bare repository made by git is not a revtrack repository.
        guard gitIsInstalled else { return }
        let foreign = folder.file("foreign.git")
        _ = runGit(["init", "--quiet", "--bare", foreign])
        let refused = try cli.run(["tracks", "--repo", foreign])
        #expect(refused.status == 2 && refused.stderr.contains("without 'revtrack.format'"))
    }

    @Test("a truncated object is an error, not a hang or a crash", .enabled(if: gitIsInstalled, "git is not installed"))
    func truncatedObject() throws {
        let blob = try #require(runGit(["--git-dir", repository, "rev-parse", "reuters:text.txt"])).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let path = repository + "/objects/" + blob.prefix(2) + "/" + blob.dropFirst(2)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        try bytes.prefix(bytes.count - 4).write(to: URL(fileURLWithPath: path))
        let result = try cli.run(["show", "reuters"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("revtrack: repository '\(repository)' is damaged: text.txt of commit "))
        #expect(result.stderr.contains("truncated or corrupt"))
    }
}
