import Foundation
import RevtrackTestSupport
import Testing

/// The help of every command, pinned as swift-argument-parser's own tests pin
/// theirs: an option renamed or dropped shows up here as a diff.
/// `REVTRACK_UPDATE_SNAPSHOTS=1 swift test --filter Help` rewrites the files.
@Suite("Help text")
struct HelpSnapshotTests {
    static let commands: [[String]] = [
        [], ["init"], ["add"], ["tracks"], ["log"], ["show"], ["sentences"], ["diff"], ["compare"], ["serve"], ["batch"], ["import"], ["export"], ["blame"], ["timeline"],
        ["facts"], ["extract"], ["watch"], ["watch", "poll"], ["watch", "list"], ["watch", "remove"],
        ["feed"], ["feed", "add"], ["feed", "remove"], ["clone"], ["remote"], ["remote", "add"],
        ["remote", "remove"], ["remote", "list"], ["pull"], ["push"],
    ]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("HelpSnapshots")

    @Test("revtrack … --help matches its snapshot", arguments: commands)
    func help(_ command: [String]) throws {
        let result = try CLI(repository: "/nonexistent").run(command + ["--help"], environment: ["COLUMNS": "100"])
        #expect(result.status == 0)
        let file = Self.folder.appendingPathComponent((["revtrack"] + command).joined(separator: "-") + ".txt")
        if ProcessInfo.processInfo.environment["REVTRACK_UPDATE_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try result.stdout.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(result.stdout == expected, "revtrack \(command.joined(separator: " ")) --help changed; see \(file.lastPathComponent)")
    }
}
