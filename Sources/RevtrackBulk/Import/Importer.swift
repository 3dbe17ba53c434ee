import Foundation
import RevtrackStorage
import RevtrackStory

/// `revtrack import`: revisions from JSON Lines or CSV into the repository at
/// git fast-import's pace (`ImportSession`: packs, one branch move per track).
///
/// The input is read once: each record is checked (track name, capture
/// time, text), its text spilled to a temporary file and the rest kept, so
/// memory holds the records' metadata, not their texts. Then track by track
/// the texts are read back in capture order and stored. A bad record is a
/// line-numbered error; without `skipBad` nothing is stored when any record
/// is bad.
public struct Importer {
    public enum Format: String, Sendable, CaseIterable {
        case jsonl, csv
        /// Other tools' archives (docs/import.md gives each mapping).
        case newsedits, diffengine, changedetection, newsdiffs
    }

    public struct Options: Sendable {
        public var format: Format = .jsonl
        /// Go on past bad records and report them at the end.
        public var skipBad = false
        /// For other tools' archives: the first part of each track's name (default: the format's name).
        public var trackPrefix: String?
        public init() {}
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let options: Options
    /// Told how far the import is: records read; then, storing, how many of them are done and how many revisions were stored.
    public var progress: (_ records: Int, _ done: Int?, _ stored: Int) -> Void = { _, _, _ in }

    public init(options: Options) { self.options = options }

    /// One record's place in the spill file and what it says besides its text.
    struct Entry {
        let captured: Date
        let title: String?
        let url: String?
        let line: Int
        let offset: UInt64
        let length: Int
    }

    /// - Returns: the report, and whether the repository was created (only once the input has been read and checked).
    /// Reads `source`: a file (or `-`, standard input) for JSON Lines and CSV,
    /// a database file or folder for the other formats.
    public func run(source: String?, repository: RepositoryLocation) throws -> (report: ImportReport, created: Bool) {
        let prefix = options.trackPrefix ?? options.format.rawValue
        switch options.format {
        case .jsonl, .csv:
            let input: FileHandle
            if let source, source != "-" {
                guard let handle = FileHandle(forReadingAtPath: source) else { throw Failure(description: "cannot read '\(source)'") }
                input = handle
            } else {
                input = .standardInput
            }
            return try run(RecordReader(input, format: options.format), repository: repository)
        case .newsedits, .diffengine:
            guard let source else { throw Failure(description: "name the SQLite database to import") }
            return try run(try SQLiteArchive(path: source, prefix: prefix, versioned: options.format == .newsedits), repository: repository)
        case .changedetection:
            guard let source else { throw Failure(description: "name the changedetection.io datastore folder to import") }
            return try run(try ChangeDetectionArchive(folder: source, prefix: prefix), repository: repository)
        case .newsdiffs:
            guard let source else { throw Failure(description: "name the NewsDiffs git repository to import") }
            return try run(try NewsDiffsArchive(repository: source, prefix: prefix), repository: repository)
        }
    }

    func run(_ reader: some RecordSource, repository: RepositoryLocation) throws -> (report: ImportReport, created: Bool) {
        let spillURL = FileManager.default.temporaryDirectory.appendingPathComponent("revtrack-import-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: spillURL.path, contents: nil), let spill = FileHandle(forUpdatingAtPath: spillURL.path) else {
            throw Failure(description: "cannot create a temporary file in \(FileManager.default.temporaryDirectory.path)")
        }
        defer {
            try? spill.close()
            try? FileManager.default.removeItem(at: spillURL)
        }
        var tracks: [String: [Entry]] = [:]
        var order: [String] = []
        var bad: [(line: Int, reason: String)] = []
        var offset: UInt64 = 0
        var count = 0
        while let next = try reader.next() {
            count += 1
            if count % 1000 == 0 { progress(count, nil, 0) }
            switch next {
            case .failure(let error):
                bad.append((error.line, error.reason))
            case .success(let record):
                if (try? TrackName(record.track)) == nil {
                    bad.append((record.line, "'\(record.track)' is not a track name (lowercase letters, digits, '.', '_', '-', '/')"))
                    continue
                }
                let data = Data(record.text.utf8)
                spill.write(data)
                if tracks[record.track] == nil { order.append(record.track) }
                tracks[record.track, default: []].append(Entry(captured: record.captured, title: record.title, url: record.url,
                                                               line: record.line, offset: offset, length: data.count))
                offset += UInt64(data.count)
            }
        }
        if !bad.isEmpty && !options.skipBad { throw Failure(description: Self.describe(bad, skipped: false)) }

        let (store, created) = try repository.openOrCreate()
        let session = try ImportSession(repository: store.path)
        var done = 0
        for name in order {
            let entries = tracks[name]!
            var records: [ImportRecord] = []
            records.reserveCapacity(entries.count)
            for entry in entries {
                try spill.seek(toOffset: entry.offset)
                let text = String(decoding: try spill.read(upToCount: entry.length) ?? Data(), as: UTF8.self)
                records.append(ImportRecord(text: text, captured: entry.captured, title: entry.title, url: entry.url, line: entry.line))
            }
            try session.add(records, to: try TrackName(name))
            done += entries.count
            progress(count, done, session.report.stored)
        }
        let refused = session.report.refused
        if !refused.isEmpty && !options.skipBad {
            // Checked once texts and order are known: still nothing published.
            throw Failure(description: Self.describe(refused, skipped: false))
        }
        var report = try session.finish()
        report.refused = (bad + report.refused).sorted { $0.line < $1.line }
        return (report, created)
    }

    /// The bad records as lines `line N: reason`, at most 20 of them.
    public static func describe(_ bad: [(line: Int, reason: String)], skipped: Bool) -> String {
        let sorted = bad.sorted { $0.line < $1.line }
        var lines = sorted.prefix(20).map { "line \($0.line): \($0.reason)" }
        if sorted.count > 20 { lines.append("… and \(sorted.count - 20) more") }
        return "\(bad.count) bad record\(bad.count == 1 ? "" : "s")\(skipped ? " skipped" : "; nothing was stored (--skip-bad stores the rest)"):\n"
            + lines.joined(separator: "\n")
    }
}

/// Where import records come from, one at a time; a bad one is an error
/// with its line (or row, or entry) number, and the reading goes on.
protocol RecordSource {
    func next() throws -> Result<ImportSourceRecord, ImportSourceRecord.Bad>?
}

struct ImportSourceRecord {
    struct Bad: Error { let line: Int; let reason: String }
    let track: String
    let text: String
    let captured: Date
    let title: String?
    let url: String?
    let line: Int
}

/// Records of the input, one at a time: JSON Lines, or CSV with a header
/// naming the columns (`track`, `text`, `captured`, optional `title`, `url`).
final class RecordReader: RecordSource {
    typealias Record = ImportSourceRecord
    typealias Bad = ImportSourceRecord.Bad

    private let handle: FileHandle
    private let format: Importer.Format
    private let lines: LineReader
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    private var line = 0
    private var header: [String]? = nil

    /// A record longer than this ends the import with an error rather than filling memory.
    static let maximumRecordBytes = 256 << 20
    private var tooLong = false

    init(_ handle: FileHandle, format: Importer.Format) {
        self.handle = handle
        self.format = format
        lines = LineReader(handle, maximum: Self.maximumRecordBytes)
    }

    func next() throws -> Result<Record, Bad>? {
        let record = try read()
        if tooLong { throw Importer.Failure(description: "line \(max(line, 1)): a record longer than \(Self.maximumRecordBytes >> 20) MB; nothing was stored") }
        return record
    }

    private func read() throws -> Result<Record, Bad>? {
        switch format {
        case .jsonl:
            guard let next = lines.next() else { return nil }
            line = lines.line
            guard case .success(let data) = next else {
                tooLong = true
                return nil
            }
            return parseJSON(data, line: line)
        case .csv:
            if header == nil {
                guard let (fields, _) = nextCSVRecord() else { return nil }
                header = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                for required in ["track", "text", "captured"] where !header!.contains(required) {
                    throw Importer.Failure(description: "line 1: the CSV header names no '\(required)' column (it has: \(header!.joined(separator: ", ")))")
                }
            }
            while let (fields, first) = nextCSVRecord() {
                if fields.count == 1 && fields[0].isEmpty { continue }
                guard fields.count == header!.count else {
                    return .failure(Bad(line: first, reason: "\(fields.count) fields where the header has \(header!.count)"))
                }
                let values = Dictionary(zip(header!, fields), uniquingKeysWith: { a, _ in a })
                return record(track: values["track"], text: values["text"], captured: values["captured"],
                              title: values["title"], url: values["url"], line: first)
            }
            return nil
        case .newsedits, .diffengine, .changedetection, .newsdiffs:
            return nil   // read by their own sources
        }
    }

    private func parseJSON(_ data: Data, line: Int) -> Result<Record, Bad> {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return .failure(Bad(line: line, reason: "not a JSON object"))
        }
        func string(_ key: String) -> String? { object[key] as? String }
        return record(track: string("track"), text: string("text"), captured: string("captured"),
                      title: string("title"), url: string("url"), line: line)
    }

    private func record(track: String?, text: String?, captured: String?, title: String?, url: String?, line: Int) -> Result<Record, Bad> {
        guard let track, !track.isEmpty else { return .failure(Bad(line: line, reason: "no track")) }
        guard let text else { return .failure(Bad(line: line, reason: "no text")) }
        guard let captured else { return .failure(Bad(line: line, reason: "no capture time ('captured')")) }
        guard let date = CaptureTime.parse(captured) else {
            return .failure(Bad(line: line, reason: "'\(captured)' is not an ISO 8601 capture time"))
        }
        return .success(Record(track: track, text: text, captured: date, title: title.flatMap { $0.isEmpty ? nil : $0 },
                               url: url.flatMap { $0.isEmpty ? nil : $0 }, line: line))
    }

    // MARK: CSV bytes

    private func fill() -> Bool {
        guard !finished else { return false }
        if position > 0 { buffer.removeFirst(position); position = 0 }
        if let block = try? handle.read(upToCount: 1 << 20), !block.isEmpty { buffer += block; return true }
        finished = true
        return false
    }

    /// One CSV record (RFC 4180: quoted fields may hold commas, quotes and
    /// line breaks), with the line it starts on.
    private func nextCSVRecord() -> ([String], Int)? {
        var fields: [String] = [], field: [UInt8] = [], quoted = false, atStart = true, sawAny = false
        let first = line + 1
        while true {
            if position >= buffer.count, !fill() {
                guard sawAny else { return nil }
                line += 1
                fields.append(String(decoding: field, as: UTF8.self))
                return (fields, first)
            }
            let byte = buffer[position]
            position += 1
            sawAny = true
            if field.count > Self.maximumRecordBytes {
                // An unclosed quote would otherwise read the rest of the input into one field.
                tooLong = true
                return nil
            }
            if quoted {
                if byte == 0x22 {
                    if position >= buffer.count { _ = fill() }
                    if position < buffer.count, buffer[position] == 0x22 { field.append(0x22); position += 1 } else { quoted = false }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case 0x22 where atStart: quoted = true; atStart = false
            case 0x2C: fields.append(String(decoding: field, as: UTF8.self)); field = []; atStart = true
            case 0x0D: continue
            case 0x0A:
                line += 1
                fields.append(String(decoding: field, as: UTF8.self))
                return (fields, first)
            default: field.append(byte); atStart = false
            }
        }
    }
}
