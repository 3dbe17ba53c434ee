import Foundation

/// The one walk over a chain of commits and the one way a reference moves:
/// every track, watch-list and capture-log read and write goes through these.
extension RevisionStore {
    /// Commits from `tip` back along first parents, newest first, stopping
    /// before `stop` (or at the root).
    /// - Parameter what: names the chain in the error when a commit cannot be read.
    func firstParentChain(from tip: ObjectID?, to stop: ObjectID? = nil,
                          what: (ObjectID) -> String) throws(StorageError) -> [GitRepository.Commit] {
        var chain: [GitRepository.Commit] = []
        var cursor = tip
        while let id = cursor, id != stop {
            let commit = try read(what(id)) { () throws(GitError) in try repository.commit(id) }
            chain.append(commit)
            cursor = commit.parents.first
        }
        return chain
    }

    /// What one attempt at moving a reference decided.
    enum ReferenceStep<Result> {
        /// Nothing to write: return `Result` as it is.
        case done(Result)
        /// Move the reference from the tip the attempt saw to `target` (with
        /// `log` in the reflog), then return `Result`.
        case move(to: ObjectID, log: String, then: Result)
    }

    /// How long writers of one reference keep retrying after lost races
    /// before saying it is busy: long enough for hundreds of concurrent adds.
    static let raceDeadline: TimeInterval = 120

    /// Moves `reference` by compare-and-swap: `step` sees the current tip
    /// (nil when the reference does not exist) and decides; a lost race
    /// re-reads the tip and asks again, after a jittered pause that grows with
    /// each attempt, until `raceDeadline` has passed.
    func updateReference<Result>(_ reference: String, busyName: String? = nil,
                                 _ step: (ObjectID?) throws(StorageError) -> ReferenceStep<Result>) throws(StorageError) -> Result {
        let deadline = Date().addingTimeInterval(Self.raceDeadline)
        var attempt = 0
        while true {
            let tip = try git { () throws(GitError) in try repository.referenceTarget(reference) }
            switch try step(tip) {
            case .done(let result):
                return result
            case .move(let target, let log, let result):
                if try swap(reference, to: target, expected: tip, logMessage: log) { return result }
            }
            attempt += 1
            if Date() > deadline { throw .busy(track: busyName ?? reference) }
            Self.pauseAfterLostRace(attempt)
        }
    }

    /// 1 ms to 128 ms, random, growing with the attempt: concurrent writers
    /// of one ref spread out instead of colliding again.
    static func pauseAfterLostRace(_ attempt: Int) {
        let ceiling = UInt32(1 << min(attempt, 7))
        usleep(1000 * (1 + UInt32.random(in: 0..<ceiling)))
    }

    func swap(_ reference: String, to commit: ObjectID, expected: ObjectID?, logMessage: String) throws(StorageError) -> Bool {
        let outcome = try git { () throws(GitError) in
            try repository.compareAndSwap(reference, to: commit, expected: expected, logMessage: logMessage)
        }
        if outcome == .locked { removeStaleLock(of: reference) }
        if outcome == .updated { noteReferencesChanged() }
        return outcome == .updated
    }

    /// The file every ref update of revtrack's touches, so a long-running
    /// reader (the web view) learns that something changed from one `stat`
    /// instead of reading every ref. Git ignores it.
    static let changeMarker = "revtrack-refs-changed"

    func noteReferencesChanged() {
        let marker = path + "/" + Self.changeMarker
        if utimes(marker, nil) != 0 {
            _ = FileManager.default.createFile(atPath: marker, contents: Data())
        }
    }

    /// Changes whenever revtrack moves a ref (or git packs refs): the change
    /// marker's and `packed-refs`' modification times and sizes. Ref updates
    /// by other programs do not change it; a reader that must see those
    /// re-reads the refs now and then.
    public func referencesGeneration() -> String {
        [Self.changeMarker, "packed-refs"].map { name in
            guard let info = try? FileManager.default.attributesOfItem(atPath: path + "/" + name) else { return "-" }
            let modified = (info[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(modified):\(info[.size] ?? 0):\(info[.systemFileNumber] ?? 0)"
        }.joined(separator: "|")
    }

    /// A writer holds a ref's lock for milliseconds; a lock file older than
    /// `staleLockAge` was left by a writer that died (a kill, a crash, a full
    /// disk) and would block every later write. It is removed, as git's own
    /// advice for a stale `.lock` says, and the write retried.
    static let staleLockAge: TimeInterval = 10

    /// Removes stale lock files under `refs/` and `objects/pack/` (a sync
    /// killed mid-fetch leaves `refs/remotes/origin/T.lock` and pack index
    /// locks that would fail every later sync).
    func removeStaleLocks() { Self.removeStaleLocks(inRepository: path) }

    /// The same in any git directory: this store's, or a remote's on a local path.
    static func removeStaleLocks(inRepository gitDirectory: String) {
        for folder in ["refs", "objects/pack"] {
            let root = (gitDirectory as NSString).appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(atPath: root) else { continue }
            for case let file as String in files where file.hasSuffix(".lock") {
                removeStaleLockFile((root as NSString).appendingPathComponent(file))
            }
        }
    }

    func removeStaleLock(of reference: String) {
        Self.removeStaleLockFile((path as NSString).appendingPathComponent(reference) + ".lock")
    }

    /// Waits, at most `staleLockAge` and a second, for a lock file to be
    /// released or to grow stale, and removes it if stale. A live writer holds
    /// a ref lock for milliseconds, so a lock still there after that long was
    /// left by one that died. Returns whether the lock is gone.
    static func awaitOrRemoveLock(_ lock: String) -> Bool {
        let deadline = Date().addingTimeInterval(staleLockAge + 1)
        while FileManager.default.fileExists(atPath: lock) {
            removeStaleLockFile(lock)
            if Date() > deadline { return !FileManager.default.fileExists(atPath: lock) }
            usleep(200_000)
        }
        return true
    }

    private static func removeStaleLockFile(_ lock: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: lock),
              let modified = attributes[.modificationDate] as? Date,
              Date().timeIntervalSince(modified) > Self.staleLockAge else { return }
        try? FileManager.default.removeItem(atPath: lock)
    }
}
