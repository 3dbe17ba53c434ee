import Foundation
@testable import RevtrackStorage

/// A throwaway folder removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init() {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/revtrack-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

/// Runs the real `git` CLI; nil when git is not installed.
func runGit(_ arguments: [String]) -> (status: Int32, output: String)? {
    guard let git = ["/usr/bin/git", "/usr/local/bin/git", "/bin/git"].first(where: FileManager.default.isExecutableFile) else {
        return nil
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: git)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try! process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

let gitIsInstalled = runGit(["--version"]) != nil

/// Everything under a folder with its contents' size and modification, to
/// prove a failed command wrote nothing.
func snapshot(of path: String) -> [String: Int] {
    var result: [String: Int] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: path) else { return result }
    while let relative = enumerator.nextObject() as? String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/" + relative)
        result[relative] = (attributes?[.size] as? Int) ?? -1
    }
    return result
}

let reutersSample = sample("reuters.txt")
let opinionSample = sample("opinion.txt")

func sample(_ name: String) -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try! String(contentsOf: root.appendingPathComponent("Samples/karabakh/\(name)"), encoding: .utf8)
}
