import ArgumentParser
import Foundation
import RevtrackStory

/// Where the repository is: `--repo`, else `$REVTRACK_REPO`, else `.revtrack`.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The revtrack repository (default: $REVTRACK_REPO or .revtrack).", valueName: "path"))
    var repo: String?

    var location: RepositoryLocation { RepositoryLocation(explicit: repo) }
}

/// A command's output formats; the first case is the default.
protocol OutputFormat: ExpressibleByArgument, CaseIterable, RawRepresentable<String>, Sendable {}

enum ListFormat: String, OutputFormat {
    case text, json
}

/// `--format` and `--output`, the same for every command that prints a result.
struct OutputOptions<Format: OutputFormat>: ParsableArguments {
    @Option(help: ArgumentHelp("Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: Format.allCases.map(\.rawValue).joined(separator: "|")))
    var format: Format = Format.allCases.first!

    @Option(help: ArgumentHelp("Write the output to this file instead of standard output.", valueName: "file"))
    var output: String?

    /// Writes the rendered output, from its own storage, to `--output` or stdout.
    func emit(_ text: String) throws {
        var text = text
        try text.withUTF8(emit)
    }

    func emit(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer(emit)
    }

    func emit(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let output else { return StandardOutput.write(bytes) }
        guard FileManager.default.createFile(atPath: output, contents: Data(buffer: bytes)) else {
            throw CommandFailure("\(output): cannot be written")
        }
    }

    /// JSON as revtrack prints it for programs: sorted keys, one document.
    func emitJSON<T: Encodable>(_ value: T) throws {
        try emit(try JSONOutput.encode(value))
    }

    /// Colour only for a terminal, never into a file.
    func colored(_ choice: ColorChoice) -> Bool {
        output == nil && choice.enabled
    }
}

enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + [0x0A]
    }
}

/// `--color`, for the commands whose text output uses colour.
struct ColorOptions: ParsableArguments {
    @Option(help: "Colour: auto (when stdout is a terminal and NO_COLOR is unset), always or never.")
    var color: ColorChoice = .auto
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    var enabled: Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: StandardOutput.isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        }
    }
}

/// `--since` / `--until`.
struct RevisionRangeOptions: ParsableArguments {
    @Option(help: "Start at this revision: a number (12 or @12) or a capture date or time (2024-05-15, 2024-05-15T09:30Z).")
    var since: RevisionBound?

    @Option(help: "End at this revision: a number or a capture date or time (a bare date includes the whole day).")
    var until: RevisionBound?

    var range: RevisionRange { RevisionRange(since: since, until: until) }
}

extension RevisionBound: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
