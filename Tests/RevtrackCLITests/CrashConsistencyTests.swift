import Foundation
import RevtrackTestSupport
import Testing

/// Kills `revtrack add` at random moments and checks what a crash may and may
/// not do: every acknowledged revision stays, git fsck stays clean, and the
/// next command works without anyone deleting a lock by hand.
@Suite("Crash consistency")
struct CrashConsistencyTests {
    @Test("30 adds killed with SIGKILL at random moments: acknowledged revisions survive, fsck is clean, the next add works",
          .enabled(if: gitIsInstalled, "needs the git CLI for fsck"))
    func killedAdds() throws {
        let folder = TemporaryFolder()
        let repository = folder.file("archive")
        let cli = CLI(repository: repository)
        #expect(try cli.run(["init"]).status == 0)
        var generator = SeededGenerator(state: 2026)
        var acknowledged: [String] = []
        for round in 0..<30 {
            let text = "Paragraph \(round) of a story that keeps changing.\n"
            let input = folder.write("in-\(round).txt", text)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLI.executable)
            process.arguments = ["add", "--repo", repository, "wire", input]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Between nothing done and the write already finished: most kills land mid-add.
            usleep(UInt32.random(in: 0..<60_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            if printed.hasPrefix("wire@") { acknowledged.append(text) }
        }
        #expect(runGit(["--git-dir", repository, "fsck", "--strict", "--no-dangling"])?.status == 0)
        // The next add succeeds at once, whatever the kills left behind.
        let start = Date()
        let next = try cli.run(["add", "wire", folder.write("last.txt", "The last paragraph.\n")])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(Date().timeIntervalSince(start) < 30)
        // Every acknowledged text is a revision.
        let stored = try Self.storedTexts(cli)
        for text in acknowledged { #expect(stored.contains(text), "acknowledged but lost: \(text)") }
    }

    /// Every revision's text of the track `wire`.
    static func storedTexts(_ cli: CLI) throws -> Set<String> {
        let log = try cli.run(["log", "wire", "--format", "json"])
        struct Entry: Decodable { let revision: Int }
        let count = try JSONDecoder().decode([Entry].self, from: Data(log.stdout.utf8)).count
        var stored = Set<String>()
        for number in 1...max(1, count) { stored.insert(try cli.run(["show", "wire@\(number)"]).stdout) }
        return stored
    }

    /// Runs `arguments` and kills it with SIGKILL after a random pause; whether it finished first is not asked.
    static func killed(_ arguments: [String], within microseconds: UInt32, using generator: inout SeededGenerator) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(UInt32.random(in: 0..<microseconds, using: &generator))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    @Test("20 pushes and 20 pulls killed at random moments: nothing acknowledged is lost, fsck is clean, the next sync works",
          .enabled(if: gitIsInstalled, "needs the git CLI for fsck"))
    func killedSyncs() throws {
        let folder = TemporaryFolder()
        let server = folder.file("server.git")
        #expect(runGit(["init", "-q", "--bare", server])?.status == 0)
        let a = CLI(repository: folder.file("a")), b = CLI(repository: folder.file("b"))
        for cli in [a, b] {
            #expect(try cli.run(["init"]).status == 0)
            #expect(try cli.run(["remote", "add", "origin", server]).status == 0)
        }
        var generator = SeededGenerator(state: 77)
        var acknowledged: [String] = []
        for round in 0..<20 {
            for (name, cli) in [("a", a), ("b", b)] {
                let text = "Revision \(round) written on \(name).\n"
                let added = try cli.run(["add", "wire", folder.write("\(name)-\(round).txt", text)])
                if added.status == 0 { acknowledged.append(text) }
                try Self.killed([round % 2 == 0 ? "push" : "pull", "--repo", cli.repository], within: 80_000, using: &generator)
            }
        }
        // Whatever the kills left, a pull then a push on each side goes through at once.
        let start = Date()
        for cli in [a, b, a] {
            let pull = try cli.run(["pull"]), push = try cli.run(["push"])
            #expect(pull.status == 0 && push.status == 0, "\(pull.stderr)\(push.stderr)")
        }
        #expect(Date().timeIntervalSince(start) < 60)
        for path in [server, folder.file("a"), folder.file("b")] {
            #expect(runGit(["--git-dir", path, "fsck", "--strict", "--no-dangling"])?.status == 0, "\(path)")
        }
        // Both sides now hold every acknowledged revision.
        for cli in [a, b] {
            let stored = try Self.storedTexts(cli)
            for text in acknowledged { #expect(stored.contains(text), "acknowledged but lost on \(cli.repository): \(text)") }
        }
    }
}
