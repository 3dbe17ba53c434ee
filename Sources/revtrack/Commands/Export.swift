import ArgumentParser
import Foundation
import RevtrackBulk
import RevtrackStorage

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the archive as a table: revisions, sentence changes or facts, in JSON Lines or CSV.",
        discussion: """
            revisions: one record per revision, with its text. changes: one per sentence change between a \
            revision and the one captured before it (op, kind, old and new text, word changes). facts: one \
            per fact of each revision with how it changed since the one before, and per fact it dropped. \
            Columns: docs/json-schema.md. Streams: memory stays that of two texts, whatever the archive's size.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "What to export: revisions, changes or facts.")
    var kind: ExportKind

    @Argument(help: "Tracks (default: every track, as with --all).")
    var tracks: [String] = []

    @Flag(help: "Every track.")
    var all = false

    @Option(help: ArgumentHelp("Revisions captured at or after this time only (ISO 8601 date or time).", valueName: "date"))
    var since: String?

    @Option(help: "jsonl or csv.")
    var format: ExportFormat = .jsonl

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if all && !tracks.isEmpty { throw ValidationError("name tracks or give --all, not both") }
    }

    func run() throws {
        var options = Exporter.Options()
        options.kind = kind.kind
        options.jsonLines = format == .jsonl
        options.tracks = tracks
        if let since {
            guard let date = CaptureTime.parse(since) else { throw ValidationError("--since: '\(since)' is not an ISO 8601 date or time") }
            options.since = date
        }
        guard let output else {
            _ = try Exporter(options: options).run(repository.location, to: .standardOutput)
            return
        }
        // Written beside the target and renamed when complete: a failed export leaves no half file.
        let partial = output + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: partial, contents: nil), let file = FileHandle(forWritingAtPath: partial) else {
            throw ValidationError("cannot write '\(output)'")
        }
        do {
            _ = try Exporter(options: options).run(repository.location, to: file)
            try file.close()
            guard rename(partial, output) == 0 else { throw ValidationError("cannot write '\(output)'") }
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }
}

enum ExportKind: String, ExpressibleByArgument, CaseIterable {
    case revisions, changes, facts
    var kind: Exporter.Kind { Exporter.Kind(rawValue: rawValue)! }
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv
}
