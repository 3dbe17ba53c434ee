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
        let log = try cli.run(["log", "wire", "--format", "json"])
        struct Entry: Decodable { let revision: Int }
        let count = try JSONDecoder().decode([Entry].self, from: Data(log.stdout.utf8)).count
        var stored = Set<String>()
        for number in 1...max(1, count) { stored.insert(try cli.run(["show", "wire@\(number)"]).stdout) }
        for text in acknowledged { #expect(stored.contains(text), "acknowledged but lost: \(text)") }
    }
}
