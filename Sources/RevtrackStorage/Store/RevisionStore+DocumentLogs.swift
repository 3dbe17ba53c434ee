import Foundation

/// A log of JSON documents kept beside the tracks, under one ref in
/// `refs/revtrack/`: each commit's tree holds one file, so the log travels
/// with push and pull and keeps its history. Storage knows nothing of what
/// the documents mean; the watch list and capture logs are two such logs.
public struct DocumentLog: Sendable, Hashable {
    /// The full ref name, e.g. `refs/revtrack/watch`.
    public let reference: String
    /// The file each commit holds, e.g. `watch.json`.
    public let file: String

    public init(reference: String, file: String) {
        self.reference = reference
        self.file = file
    }
}

/// A family of document logs and how two diverged copies of one are
/// reconciled on pull, so that nothing either side wrote is lost.
public struct DocumentLogKind: Sendable {
    public enum Merge: Sendable {
        /// Each commit is one event: the local-only events are replayed on top
        /// of the remote's, each with its own message and time.
        case replayLocalEntries
        /// Each commit is the whole state: the two latest documents (JSON bytes,
        /// local first) are combined into one, committed on top of the remote's.
        case unite(@Sendable (_ mine: Data, _ theirs: Data) throws -> Data)
    }

    /// The ref of the one log of this kind, or, ending in `/`, the prefix of
    /// one log per track (the rest of the ref must be a track name).
    public let reference: String
    public let file: String
    public let merge: Merge
    /// How a united commit names what it holds ("watch lists").
    public let label: String

    public init(reference: String, file: String, merge: Merge, label: String) {
        self.reference = reference
        self.file = file
        self.merge = merge
        self.label = label
    }

    /// Whether `reference` is a log of this kind.
    func matches(_ reference: String) -> Bool {
        guard self.reference.hasSuffix("/") else { return reference == self.reference }
        guard reference.hasPrefix(self.reference) else { return false }
        return (try? TrackName(String(reference.dropFirst(self.reference.count)))) != nil
    }
}

extension RevisionStore {
    /// The latest document of the log; nil when nothing was ever written.
    public func latestDocument<T: Decodable>(_ type: T.Type, in log: DocumentLog) throws(StorageError) -> T? {
        guard let tip = try git({ () throws(GitError) in try repository.referenceTarget(log.reference) }) else { return nil }
        return try document(type, named: log.file, in: tip)
    }

    /// Every document of the log, oldest first.
    public func documents<T: Decodable>(_ type: T.Type, in log: DocumentLog) throws(StorageError) -> [T] {
        let tip = try git { () throws(GitError) in try repository.referenceTarget(log.reference) }
        var documents: [T] = []
        for commit in try firstParentChain(from: tip, what: { "\(log.file) commit \($0.short)" }).reversed() {
            documents.append(try document(type, named: log.file, in: commit.id))
        }
        return documents
    }

    /// Appends a document to the log by compare-and-swap, so concurrent
    /// writers lose nothing: `make` sees the latest document (nil for a new
    /// log) and returns the next one, or nil to write nothing; after a lost
    /// race it is asked again with the newer latest.
    public func appendDocument<T: Codable>(_ type: T.Type, to log: DocumentLog, message: String, time: Date,
                                           _ make: (T?) throws(StorageError) -> T?) throws(StorageError) {
        try updateReference(log.reference) { (tip) throws(StorageError) -> ReferenceStep<Void> in
            let latest = try tip.map { (id) throws(StorageError) in try document(type, named: log.file, in: id) }
            guard let value = try make(latest) else { return .done(()) }
            let commit = try documentCommit(try encoded(value, name: log.file), named: log.file, message: message,
                                            time: time, parent: tip)
            return .move(to: commit, log: "revtrack: \(message)", then: ())
        }
    }

    // MARK: - Internals

    func document<T: Decodable>(_ type: T.Type, named name: String, in id: ObjectID) throws(StorageError) -> T {
        let commit = try read("commit \(id.short)") { () throws(GitError) in try repository.commit(id) }
        let bytes = try entry(name, of: commit)
        do { return try JSONDecoder().decode(T.self, from: Data(bytes)) } catch {
            throw .damagedRepository(path: path, detail: "\(name) of commit \(id.short) is not valid: \(error)")
        }
    }

    func encoded<T: Encodable>(_ value: T, name: String) throws(StorageError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do { return Array(try encoder.encode(value)) + [0x0A] } catch {
            throw .invalidText("cannot encode \(name): \(error)")
        }
    }

    /// Writes a commit whose tree holds one file, without moving any reference.
    func documentCommit(_ bytes: [UInt8], named name: String, message: String, time: Date,
                        parent: ObjectID?) throws(StorageError) -> ObjectID {
        try git { () throws(GitError) in
            let blob = try repository.writeBlob(bytes)
            let tree = try repository.writeTree([(name, blob)])
            return try repository.writeCommit(tree: tree, parent: parent, message: message.hasSuffix("\n") ? message : message + "\n",
                                              time: Int64(time.timeIntervalSince1970),
                                              authorName: "revtrack", authorEmail: "revtrack@localhost")
        }
    }
}
