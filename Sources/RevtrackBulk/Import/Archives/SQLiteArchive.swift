import Foundation
import GRDB
import RevtrackStorage

/// A diffengine database, or a NewsEdits-style one (the same `entryversion`
/// table with a `version` column): each row is one version of one entry, its
/// text in `summary`. Entry `N` becomes the track `PREFIX/N`. Rows are read a
/// thousand at a time, by rowid, so a database of millions streams.
final class SQLiteArchive: RecordSource {
    private let queue: DatabaseQueue
    private let prefix: String
    private var rows: [Row] = []
    private var lastRowID: Int64 = 0
    private var finished = false

    static let table = "entryversion"

    init(path: String, prefix: String, versioned: Bool) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw Importer.Failure(description: "no database at '\(path)'") }
        var configuration = Configuration()
        configuration.readonly = true
        do { queue = try DatabaseQueue(path: path, configuration: configuration) } catch {
            throw Importer.Failure(description: "'\(path)' is not a SQLite database: \(error)")
        }
        let columns = try queue.read { db in try db.columns(in: Self.table).map { $0.name.lowercased() } }
        let needed = ["entry_id", "summary", "created"] + (versioned ? ["version"] : [])
        for column in needed where !columns.contains(column) {
            throw Importer.Failure(description: "'\(path)': table \(Self.table) has no '\(column)' column (it has: \(columns.joined(separator: ", ")))")
        }
        // Rows come in rowid order; the import puts each entry's versions in capture order.
        self.prefix = prefix
    }

    func next() throws -> Result<ImportSourceRecord, ImportSourceRecord.Bad>? {
        if rows.isEmpty && !finished {
            rows = try queue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT rowid AS row, entry_id, title, url, summary, created FROM \(Self.table)
                    WHERE rowid > ? ORDER BY rowid LIMIT 1000
                    """, arguments: [lastRowID])
            }
            finished = rows.count < 1000
        }
        guard !rows.isEmpty else { return nil }
        let row = rows.removeFirst()
        let rowID: Int64 = row["row"]
        lastRowID = rowID
        let line = Int(rowID)
        guard let entry = row["entry_id"] as DatabaseValue?, !entry.isNull else {
            return .failure(.init(line: line, reason: "row \(rowID): no entry_id"))
        }
        let id = entry.storage.value.map { "\($0)" } ?? ""
        guard let text: String = row["summary"] else { return .failure(.init(line: line, reason: "row \(rowID): no summary text")) }
        let createdText = (row["created"] as DatabaseValue?)?.storage.value.map { "\($0)" } ?? ""
        guard let captured = SQLiteArchive.date(createdText) else {
            return .failure(.init(line: line, reason: "row \(rowID): '\(createdText)' is not a date"))
        }
        let track = prefix + "/" + Slug.make(id)
        return .success(ImportSourceRecord(track: track, text: text, captured: captured, title: row["title"], url: row["url"], line: line))
    }

    /// ISO 8601, or SQLite's `YYYY-MM-DD HH:MM:SS[.ffffff]` in UTC (what diffengine's peewee writes).
    static func date(_ text: String) -> Date? {
        if let date = CaptureTime.parse(text) { return date }
        var value = text.replacingOccurrences(of: " ", with: "T")
        if let dot = value.firstIndex(of: ".") { value = String(value[..<dot]) }
        return CaptureTime.parse(value + "Z")
    }
}

/// Names from other tools as track-name segments: lowercase letters, digits,
/// '.', '_' and '-', other runs as one '-'.
enum Slug {
    static func make(_ text: String, limit: Int = 120) -> String {
        var out = ""
        var dash = false
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_" {
                out.unicodeScalars.append(scalar)
                dash = false
            } else if !dash && !out.isEmpty {
                out.append("-")
                dash = true
            }
        }
        while out.hasSuffix("-") || out.hasSuffix(".") { out.removeLast() }
        while out.hasPrefix(".") { out.removeFirst() }
        if out.count > limit { out = String(out.prefix(limit)) }
        while out.hasSuffix("-") || out.hasSuffix(".") { out.removeLast() }
        return out.isEmpty ? "untitled" : out
    }
}
