import Foundation

/// One revision to import: what `add` takes, and where it came from (for errors).
public struct ImportRecord: Sendable {
    public var text: String
    public var captured: Date
    public var title: String?
    public var url: String?
    /// The record's line (or row) in the input.
    public var line: Int

    public init(text: String, captured: Date, title: String?, url: String?, line: Int) {
        self.text = text
        self.captured = captured
        self.title = title
        self.url = url
        self.line = line
    }
}

/// What an import did, in figures and refused records.
public struct ImportReport: Sendable {
    public var tracks = 0
    public var stored = 0
    /// The same text as the revision before it in the track: not a revision.
    public var identical = 0
    /// Already in the repository with the same capture time and text (a rerun).
    public var alreadyStored = 0
    /// Records refused, by line, with the reason.
    public var refused: [(line: Int, reason: String)] = []
    /// Tracks whose branch another writer moved meanwhile: their revisions were not published.
    public var busy: [String] = []
    public var packs = 0
    public init() {}
}

/// A bulk import into one repository, as git fast-import writes: every object
/// goes to memory and out as packs, not one loose file each; each track's
/// branch moves once, by compare-and-swap, after every pack is durable. An
/// interrupted import moves no branch; the same import run again finds its
/// revisions stored and adds nothing. What it makes is exactly what `add`
/// would have made: the same trees, meta.json, commit ids and revision
/// numbers, in capture order within each track.
///
/// Not thread-safe: one importer per session.
public final class ImportSession {
    private let store: RevisionStore
    private let memory: GitRepository.MemoryObjects
    private var bytesInMemory = 0
    private var pending: [(track: TrackName, expected: ObjectID?, tip: ObjectID)] = []
    private var newTracks: Set<String> = []
    public private(set) var report = ImportReport()

    /// Packs are written when this much text is in memory, and at the end.
    public static let packBytes = 256 << 20

    public init(repository path: String) throws(StorageError) {
        // A store of its own: the memory backend stays attached to its handle only.
        store = try RevisionStore.open(at: path)
        let repository = store.repository
        memory = try store.git { () throws(GitError) in try repository.attachMemoryObjects() }
    }

    /// Imports one track's records (any order: they are sorted by capture time).
    public func add(_ records: [ImportRecord], to track: TrackName) throws(StorageError) {
        let reference = track.referenceName
        let repository = store.repository
        let expected = try store.git { () throws(GitError) in try repository.referenceTarget(reference) }
        var tip = expected
        var number = 0
        var latest: Date? = nil
        var previousBlob: ObjectID? = nil
        var stored = Set<String>()
        if let expected {
            // What the track holds already: a rerun skips it, an older capture is refused as `add` refuses it.
            for commit in try store.firstParentChain(from: expected, what: { "commit \($0.short)" }) {
                let metadata = try store.metadata(of: commit)
                let blob = try store.textBlob(of: commit)
                stored.insert("\(Int64(metadata.captured.timeIntervalSince1970)) \(blob.hex)")
                if latest == nil {
                    latest = metadata.captured
                    previousBlob = blob
                    number = try store.revisionNumber(of: expected, recorded: metadata.revision)
                }
            }
        } else {
            try store.checkNoConflict(for: track)
            if let clash = newTracks.first(where: { $0.hasPrefix(track.rawValue + "/") || track.rawValue.hasPrefix($0 + "/") }) {
                throw .trackNameConflict(track.rawValue, existing: clash)
            }
        }
        let existingLatest = latest
        for record in records.sorted(by: { ($0.captured, $0.line) < ($1.captured, $1.line) }) {
            let text: String
            do { text = try ArticleText.normalize(record.text) } catch {
                report.refused.append((record.line, "\(error)"))
                continue
            }
            let captured = CaptureTime.wholeSeconds(record.captured)
            guard CaptureTime.storable.contains(captured) else {
                report.refused.append((record.line, "the capture time \(CaptureTime.format(captured)) is outside the times git can store"))
                continue
            }
            let bytes = Array(text.utf8)
            let blob = try store.git { () throws(GitError) in try repository.writeBlob(bytes) }
            bytesInMemory += bytes.count
            if stored.contains("\(Int64(captured.timeIntervalSince1970)) \(blob.hex)") {
                report.alreadyStored += 1
                continue
            }
            if let existingLatest, captured < existingLatest {
                report.refused.append((record.line, "captured \(CaptureTime.format(captured)), before \(track)@\(number)'s \(CaptureTime.format(existingLatest)): 'revtrack add --insert' places it"))
                continue
            }
            if blob == previousBlob {
                report.identical += 1
                continue
            }
            number += 1
            let metadata = RevisionMetadata(track: track.rawValue, title: record.title.flatMap(RevisionStore.singleLine),
                                            url: record.url.flatMap(RevisionStore.singleLine), captured: captured,
                                            bytes: bytes.count, revision: number, page: nil)
            tip = try store.writeRevision(text: blob, metadata: metadata, parent: tip)
            previousBlob = blob
            report.stored += 1
        }
        report.tracks += 1
        if let tip, tip != expected {
            pending.append((track, expected, tip))
            if expected == nil { newTracks.insert(track.rawValue) }
        }
        if bytesInMemory >= Self.packBytes { try flush() }
    }

    /// Writes the remaining objects, then moves each track's branch.
    public func finish() throws(StorageError) -> ImportReport {
        // Nothing new (a rerun): what is in memory is only copies of stored texts.
        if !pending.isEmpty { try flush() }
        for (track, expected, tip) in pending {
            if try !store.swap(track.referenceName, to: tip, expected: expected, logMessage: "revtrack import: \(track)") {
                report.busy.append(track.rawValue)
            }
        }
        pending = []
        return report
    }

    private func flush() throws(StorageError) {
        guard bytesInMemory > 0 || !pending.isEmpty else { return }
        let repository = store.repository, memory = self.memory, path = store.path
        try store.git { () throws(GitError) in try repository.flushMemoryObjects(memory, repositoryPath: path) }
        bytesInMemory = 0
        report.packs += 1
    }
}
