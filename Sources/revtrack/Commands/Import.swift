import ArgumentParser
import Foundation
import RevtrackBulk
import RevtrackStorage

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Store many revisions at once from JSON Lines or CSV, at git fast-import's pace.",
        discussion: """
            Each record names track, text and captured (ISO 8601), optionally title and url: one JSON \
            object per line, or CSV with a header naming these columns. Within a track, records are \
            stored in capture order, identical consecutive texts skipped; the result is what 'add' would \
            have made. Objects go into packs and each track's branch moves once, after they are durable: \
            an interrupted import stores nothing and the same import run again adds nothing. A bad \
            record is a line-numbered error and nothing is stored, unless --skip-bad. docs/import.md.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The input: a file ('-' or none: standard input) for jsonl and csv; the database file, datastore folder or git repository for the other formats.")
    var file: String?

    @Option(help: "jsonl, csv, newsedits, diffengine, changedetection or newsdiffs (default: from the file's extension, else jsonl).")
    var format: ImportFormat?

    @Option(help: ArgumentHelp("For other tools' archives, the first part of each track's name (default: the format's name).", valueName: "name"))
    var trackPrefix: String?

    @Flag(help: "Store the good records and report the bad ones at the end.")
    var skipBad = false

    func run() throws {
        var options = Importer.Options()
        options.skipBad = skipBad
        options.format = format?.format ?? (file?.lowercased().hasSuffix(".csv") == true ? .csv : .jsonl)
        options.trackPrefix = trackPrefix
        let location = repository.location
        var importer = Importer(options: options)
        let started = Date()
        let terminal = isatty(2) == 1
        var lastDrawn = Date.distantPast
        var storing: Date? = nil
        importer.progress = { records, done, stored in
            guard terminal, Date().timeIntervalSince(lastDrawn) > 0.2 else { return }
            lastDrawn = Date()
            let line: String
            if let done {
                let since = storing ?? Date()
                storing = since
                let rate = Double(done) / max(Date().timeIntervalSince(since), 0.001)
                let left = Int(Double(records - done) / max(rate, 1))
                line = "storing: \(done) of \(records) records, \(stored) revisions, \(Int(rate)) records/s, about \(left / 60)m\(left % 60)s left"
            } else {
                line = "reading: \(records) records, \(Int(Double(records) / max(Date().timeIntervalSince(started), 0.001)))/s"
            }
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        }
        let report: ImportReport
        do {
            let (imported, created) = try importer.run(source: file, repository: location)
            report = imported
            if created { StandardError.write("revtrack: created repository at \(location.path)") }
        } catch let failure as Importer.Failure {
            if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            throw CommandFailure(failure.description)
        }
        if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let seconds = Date().timeIntervalSince(started)
        print("imported \(report.stored) revisions into \(report.tracks) tracks in \(String(format: "%.2f", seconds)) s"
              + " (\(Int(Double(report.stored) / max(seconds, 0.001))) revisions/s)"
              + (report.identical > 0 ? " · \(report.identical) identical to the revision before, skipped" : "")
              + (report.alreadyStored > 0 ? " · \(report.alreadyStored) already stored" : ""))
        if !report.refused.isEmpty {
            StandardError.write("revtrack: " + Importer.describe(report.refused, skipped: true))
        }
        if !report.busy.isEmpty {
            throw CommandFailure("another writer moved \(report.busy.joined(separator: ", ")) during the import; their revisions were not stored (run the import again)")
        }
    }
}

enum ImportFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv, newsedits, diffengine, changedetection, newsdiffs
    var format: Importer.Format { Importer.Format(rawValue: rawValue)! }
}
