import Foundation

// Helpers shared by the test targets: throwaway folders, the real git CLI,
// folder snapshots and the bundled samples.

/// A throwaway folder removed when the value goes away.
public final class TemporaryFolder {
    public let path: String

    public init() {
        path = FileManager.default.temporaryDirectory.path + "/revtrack-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    public func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    public func write(_ name: String, _ contents: String) -> String { write(name, Data(contents.utf8)) }

    @discardableResult
    public func write(_ name: String, _ contents: Data) -> String {
        let target = file(name)
        try! contents.write(to: URL(fileURLWithPath: target))
        return target
    }
}

/// Runs a program to its end: its exit status and what it wrote to standard
/// output (and to standard error when `errors` is set; otherwise discarded),
/// with `environment` added to this process's.
public func runProcess(_ executable: String, _ arguments: [String], errors: Bool = false,
                       environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = errors ? pipe : FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Runs the real `git` CLI; nil when git is not installed.
public func runGit(_ arguments: [String]) -> (status: Int32, output: String)? {
    guard let git = ["/usr/bin/git", "/usr/local/bin/git", "/bin/git"].first(where: FileManager.default.isExecutableFile) else {
        return nil
    }
    return try! runProcess(git, arguments, errors: true)
}

public let gitIsInstalled = ["/usr/bin/git", "/usr/local/bin/git", "/bin/git"].contains(where: FileManager.default.isExecutableFile)

/// Paths and sizes of everything under a folder: equal before and after means nothing was written.
public func snapshot(of path: String) -> [String: Int] {
    var result: [String: Int] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: path) else { return result }
    while let relative = enumerator.nextObject() as? String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/" + relative)
        result[relative] = (attributes?[.size] as? Int) ?? -1
    }
    return result
}

/// The package's `Samples/` folder.
public let samplesRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Samples").path

/// A bundled sample's text, e.g. `sampleText("karabakh/reuters.txt")`.
public func sampleText(_ relativePath: String) throws -> String {
    try String(contentsOfFile: samplesRoot + "/" + relativePath, encoding: .utf8)
}

/// A small deterministic generator (SplitMix64), so property tests are repeatable.
public struct SeededGenerator: RandomNumberGenerator {
    public var state: UInt64
    public init(state: UInt64) { self.state = state }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
