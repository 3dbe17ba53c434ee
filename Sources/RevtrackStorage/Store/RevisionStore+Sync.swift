import Foundation

/// A configured git remote.
public struct RemoteInfo: Sendable, Hashable {
    public let name: String
    public let url: String
}

/// What a pull or push did to one track.
public struct TrackSync: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// Both sides hold the same revisions.
        case upToDate = "up-to-date"
        /// The track did not exist on the receiving side.
        case created
        /// The receiving side only lacked newer revisions.
        case fastForwarded = "fast-forward"
        /// Pull: both sides added revisions; the local-only ones were re-created
        /// on top of the remote's.
        case replayed
        /// Pull: only the local side has new revisions (push them).
        case localAhead = "local-ahead"
        /// Push: only the remote has new revisions (pull them).
        case remoteAhead = "remote-ahead"
        /// Push: a pull put an older local capture in order among the remote's
        /// revisions, re-creating them here; the remote gets the reordered
        /// track, which still holds each of its revisions.
        case reordered
    }

    public let track: TrackName
    public let outcome: Outcome
    /// Revisions received (pull) or sent (push).
    public let revisions: Int
    /// Pull of a diverged track: local-only revisions re-created on top of the remote's…
    public let replayed: Int
    /// …and those left out because their text equals the revision they would follow.
    public let dropped: Int

    /// Whether this side or the remote changed.
    public var changedSomething: Bool { [.created, .fastForwarded, .replayed, .reordered].contains(outcome) }
}

/// What a pull, push or clone did.
public struct SyncReport: Sendable {
    public let remote: String
    public let tracks: [TrackSync]
    /// Objects received from the remote by the fetch that every sync starts with.
    public let objectsReceived: Int
}

/// Sharing through git remotes: revtrack's tracks are plain branches, so any
/// git server stores and serves them; libgit2 moves the objects. The rules
/// revtrack adds are the ones an append-only archive needs: local tracks are
/// never forced, a diverged track is reconciled by replaying the local-only
/// captures on top of the remote ones (nothing is dropped but exact repeats),
/// and a push never rewrites the remote.
extension RevisionStore {
    public func remotes() throws(StorageError) -> [RemoteInfo] {
        try git { () throws(GitError) in try repository.remotes() }.map { RemoteInfo(name: $0.name, url: $0.url) }
    }

    /// Adds a remote. A local path is stored absolute, so the remote keeps
    /// working from any folder.
    public func addRemote(_ name: String, url: String) throws(StorageError) {
        guard GitRepository.isValidRemoteName(name) else {
            throw .invalidRemote(name, "not a valid remote name (letters, digits, '-', '_', '.', '/')")
        }
        if try remotes().contains(where: { $0.name == name }) {
            throw .invalidRemote(name, "a remote of that name exists (remove it first)")
        }
        let url = Self.normalizedURL(url)
        guard !url.isEmpty else { throw .invalidRemote(name, "the URL is empty") }
        try git { () throws(GitError) in try repository.createRemote(name, url: url) }
    }

    public func removeRemote(_ name: String) throws(StorageError) {
        _ = try remote(named: name)
        try git { () throws(GitError) in try repository.deleteRemote(name) }
    }

    /// Fetches the remote and brings its tracks here: new tracks are created,
    /// tracks that are behind fast-forward, and diverged tracks keep every
    /// local capture by replaying it on top of the remote's revisions.
    /// - Parameter tracks: names of remote tracks (exact or last segment); empty: all.
    /// - Parameter documents: the document logs that travel too (with all tracks only).
    public func pull(from remoteName: String = "origin", tracks: [String] = [], documents: [DocumentLogKind] = [],
                     progress: ((TransferProgress) -> Void)? = nil) throws(StorageError) -> SyncReport {
        let (remoteTips, objects) = try fetchRemoteTracks(remoteName, progress: progress)
        var results: [TrackSync] = []
        let candidates = Array(remoteTips.keys)
        let selected = tracks.isEmpty ? candidates.sorted()
            : try tracks.map { (name) throws(StorageError) in try TrackName.match(name, among: candidates) }
        for track in selected {
            results.append(try pullTrack(track, remoteTip: remoteTips[track]!))
        }
        if tracks.isEmpty { try pullDocuments(from: remoteName, kinds: documents) }
        return SyncReport(remote: remoteName, tracks: results, objectsReceived: objects)
    }

    /// Sends local tracks to the remote. Refused, with nothing sent, when a
    /// track has diverged from the remote's: pull first. The remote itself
    /// accepts only fast-forwards, so a push racing another one fails cleanly.
    /// - Parameter tracks: local track names; empty: all.
    /// - Parameter documents: the document logs that travel too (with all tracks only).
    public func push(to remoteName: String = "origin", tracks: [String] = [], documents: [DocumentLogKind] = [],
                     progress: ((TransferProgress) -> Void)? = nil) throws(StorageError) -> SyncReport {
        let (remoteTips, objects) = try fetchRemoteTracks(remoteName, progress: progress)
        let selected = tracks.isEmpty ? try trackNames() : try tracks.map { (name) throws(StorageError) in try resolveTrack(name) }
        var results: [TrackSync] = []
        var diverged: [String] = []
        var leases: [String: ObjectID] = [:]
        for track in selected {
            guard let local = try tip(of: track) else { continue }
            guard let remote = remoteTips[track] else {
                results.append(TrackSync(track: track, outcome: .created, revisions: try chainLength(from: local, to: nil),
                                         replayed: 0, dropped: 0))
                continue
            }
            let outcome: TrackSync.Outcome
            if local == remote { outcome = .upToDate }
            else if try isDescendant(local, of: remote) { outcome = .fastForwarded }
            else if try isDescendant(remote, of: local) { outcome = .remoteAhead }
            else if try holdsEveryRevision(of: remote, local: local) { outcome = .reordered; leases[track.referenceName] = remote }
            else { diverged.append(track.rawValue); continue }
            let base: ObjectID? = outcome == .reordered ? try git { () throws(GitError) in try repository.mergeBase(local, remote) } : remote
            results.append(TrackSync(track: track, outcome: outcome,
                                     revisions: [.fastForwarded, .reordered].contains(outcome) ? try chainLength(from: local, to: base) : 0,
                                     replayed: 0, dropped: 0))
        }
        guard diverged.isEmpty else { throw .diverged(remote: remoteName, tracks: diverged) }
        var references = results.filter(\.changedSomething).map(\.track.referenceName)
        if tracks.isEmpty { references += try documentReferencesToPush(remoteName, kinds: documents) }
        if !references.isEmpty {
            // libgit2's pack builder would spin forever on a truncated loose object:
            // every commit, tree and blob about to be sent is checked first.
            for reference in references {
                let local = try git { () throws(GitError) in try repository.referenceTarget(reference) }
                let theirs = (try? TrackName(String(reference.dropFirst("refs/heads/".count)))).flatMap { remoteTips[$0] }
                for commit in try firstParentChain(from: local, to: theirs, what: { "commit \($0.short)" }) {
                    do { try repository.verifyTree(commit.tree) } catch {
                        throw .damagedRepository(path: path, detail: "commit \(commit.id.short): \(error.message); nothing was sent")
                    }
                }
            }
            let url = try remote(named: remoteName).url
            // A push killed mid-way to a remote on this machine leaves its ref locks behind.
            let localRemote = Self.localGitDirectory(url)
            if let localRemote { Self.removeStaleLocks(inRepository: localRemote) }
            var rejected: [(ref: String, reason: String)] = []
            for attempt in 0..<2 {
                let session = TransferSession(progress: progress)
                session.leases = leases
                do { rejected = try repository.push(remote: remoteName, references: references, session: session) } catch {
                    // The push moves this side's refs/remotes/… too, and a sync killed a moment ago may hold its lock.
                    guard attempt == 0, let lock = Self.lockFile(in: error.message, under: [path] + (localRemote.map { [$0] } ?? [])),
                          Self.awaitOrRemoveLock(lock) else {
                        throw .remote(name: remoteName, url: url, error)
                    }
                    continue
                }
                guard let first = rejected.first, first.reason.contains("failed to lock") else { break }
                let lock = ((localRemote ?? "") as NSString).appendingPathComponent(first.ref) + ".lock"
                // A lock a dead push left on a local remote is removed once stale, and the push tried again;
                // on a server only its owner can tell, so the error names the file.
                guard attempt == 0, localRemote != nil, Self.awaitOrRemoveLock(lock) else {
                    throw .remoteLocked(remote: remoteName, file: localRemote == nil ? first.ref + ".lock" : lock)
                }
            }
            if let first = rejected.first {
                throw .pushRejected(remote: remoteName, track: String(first.ref.dropFirst("refs/heads/".count)), reason: first.reason)
            }
        }
        return SyncReport(remote: remoteName, tracks: results, objectsReceived: objects)
    }

    /// Creates a revtrack repository at `path` from a remote one (`origin`).
    /// On failure nothing is left behind at `path`.
    public static func clone(from url: String, to path: String, documents: [DocumentLogKind] = [],
                             progress: ((TransferProgress) -> Void)? = nil) throws(StorageError) -> (RevisionStore, SyncReport) {
        let existed = FileManager.default.fileExists(atPath: path)
        let store = try create(at: path)
        do {
            try store.addRemote("origin", url: url)
            return (store, try store.pull(from: "origin", documents: documents, progress: progress))
        } catch {
            if existed {
                for item in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                    try? FileManager.default.removeItem(atPath: (path as NSString).appendingPathComponent(item))
                }
            } else {
                try? FileManager.default.removeItem(atPath: path)
            }
            throw error
        }
    }

    // MARK: - Internals

    private func remote(named name: String) throws(StorageError) -> RemoteInfo {
        let all = try remotes()
        guard let remote = all.first(where: { $0.name == name }) else {
            throw .unknownRemote(name, known: all.map(\.name))
        }
        return remote
    }

    /// Fetches into `refs/remotes/NAME/` and checks that what arrived is a
    /// revtrack archive; if not, those refs are put back as they were.
    private func fetchRemoteTracks(_ name: String, progress: ((TransferProgress) -> Void)?)
        throws(StorageError) -> (tips: [TrackName: ObjectID], objects: Int)
    {
        let remote = try remote(named: name)
        removeStaleLocks()
        let prefix = "refs/remotes/\(name)/"
        let before = try git { () throws(GitError) in try repository.references(under: prefix) }
        var objects = 0
        for attempt in 0..<2 {
            let session = TransferSession(progress: progress)
            do {
                objects = try repository.fetch(remote: name, session: session)
                break
            } catch {
                // A sync killed a moment ago left a lock here ("failed to lock file '…/refs/remotes/origin/T.lock'"):
                // once it is stale it is removed and the fetch tried again.
                guard attempt == 0, let lock = Self.lockFile(in: error.message, under: [path]), Self.awaitOrRemoveLock(lock) else {
                    throw .remote(name: name, url: remote.url, error)
                }
            }
        }
        let after = try git { () throws(GitError) in try repository.references(under: prefix) }
        var tips: [TrackName: ObjectID] = [:]
        var problem: String? = nil
        for (reference, target) in after {
            let branch = String(reference.dropFirst(prefix.count))
            if branch == "HEAD" { continue }
            guard let track = try? TrackName(branch) else {
                problem = "branch '\(branch)' is not a track name"
                break
            }
            if let detail = revisionProblem(target) {
                problem = "branch '\(branch)' does not hold revtrack revisions (\(detail))"
                break
            }
            tips[track] = target
        }
        if let problem {
            let previous = Dictionary(before.map { ($0.name, $0.target) }, uniquingKeysWith: { a, _ in a })
            for (reference, target) in after where previous[reference] != target {
                if let old = previous[reference] {
                    _ = try? repository.compareAndSwap(reference, to: old, expected: target, logMessage: "revtrack: undo fetch")
                } else {
                    try? repository.deleteReference(reference)
                }
            }
            throw .notARevtrackRemote(name: name, url: remote.url, reason: problem)
        }
        return (tips, objects)
    }

    /// Why a commit is not a revtrack revision, or nil when it is one.
    private func revisionProblem(_ id: ObjectID) -> String? {
        guard let commit = try? repository.commit(id) else { return "commit \(id.short) cannot be read" }
        guard (try? repository.treeEntry(commit.tree, named: "text.txt")) ?? nil != nil else { return "no text.txt" }
        guard (try? metadata(of: commit)) != nil else { return "no valid meta.json" }
        return nil
    }

    private func pullTrack(_ track: TrackName, remoteTip: ObjectID) throws(StorageError) -> TrackSync {
        // A local `add` that moves the track meanwhile makes this start again from its new tip.
        try updateReference(track.referenceName, busyName: track.rawValue) { (local) throws(StorageError) -> ReferenceStep<TrackSync> in
            let result: TrackSync
            let newTip: ObjectID
            if let local {
                var ahead = false
                if local != remoteTip { ahead = try isDescendant(local, of: remoteTip) }
                if local == remoteTip || ahead {
                    return .done(TrackSync(track: track, outcome: ahead ? .localAhead : .upToDate,
                                           revisions: 0, replayed: 0, dropped: 0))
                }
                if try isDescendant(remoteTip, of: local) {
                    newTip = remoteTip
                    result = TrackSync(track: track, outcome: .fastForwarded,
                                       revisions: try chainLength(from: remoteTip, to: local), replayed: 0, dropped: 0)
                } else {
                    let replay = try replayLocalRevisions(local, onto: remoteTip)
                    newTip = replay.tip
                    result = TrackSync(track: track, outcome: .replayed, revisions: replay.received,
                                       replayed: replay.replayed, dropped: replay.dropped)
                }
            } else {
                try checkNoConflict(for: track)
                newTip = remoteTip
                result = TrackSync(track: track, outcome: .created, revisions: try chainLength(from: remoteTip, to: nil),
                                   replayed: 0, dropped: 0)
            }
            return .move(to: newTip, log: "revtrack pull: \(track) (\(result.outcome.rawValue))", then: result)
        }
    }

    /// Whether the chain ending at `local` holds a revision with the same
    /// capture time, text and title as each revision only `remote` has: true
    /// after a pull re-created the remote's newer revisions around an older
    /// local capture, so replacing the remote's branch loses nothing.
    private func holdsEveryRevision(of remote: ObjectID, local: ObjectID) throws(StorageError) -> Bool {
        let base = try git { () throws(GitError) in try repository.mergeBase(local, remote) }
        struct Key: Hashable { let captured: Date; let text: ObjectID; let title: String? }
        var held = Set<Key>()
        for commit in try firstParentChain(from: local, to: base, what: { "commit \($0.short)" }) {
            held.insert(Key(captured: try metadata(of: commit).captured, text: try textBlob(of: commit), title: try metadata(of: commit).title))
        }
        for commit in try firstParentChain(from: remote, to: base, what: { "commit \($0.short)" }) {
            let metadata = try metadata(of: commit)
            if !held.contains(Key(captured: metadata.captured, text: try textBlob(of: commit), title: metadata.title)) { return false }
        }
        return true
    }

    /// Re-creates the revisions only `local` has on top of `remote`, in capture
    /// order, each with its own metadata and capture time and the next revision
    /// number; a revision whose text equals the one it would follow is left out.
    /// A local revision captured before some of the remote's goes where its
    /// time puts it: the remote's later revisions are re-created after it
    /// (push then replaces the remote's branch under a lease).
    private func replayLocalRevisions(_ local: ObjectID, onto remote: ObjectID)
        throws(StorageError) -> (tip: ObjectID, received: Int, replayed: Int, dropped: Int)
    {
        let base = try git { () throws(GitError) in try repository.mergeBase(local, remote) }
        var localOnly: [(commit: GitRepository.Commit, metadata: RevisionMetadata)] = []
        for commit in try firstParentChain(from: local, to: base, what: { "commit \($0.short)" }).reversed() {
            localOnly.append((commit, try metadata(of: commit)))
        }
        var remoteOnly: [(commit: GitRepository.Commit, metadata: RevisionMetadata)] = []
        for commit in try firstParentChain(from: remote, to: base, what: { "commit \($0.short)" }).reversed() {
            remoteOnly.append((commit, try metadata(of: commit)))
        }
        // The remote's revisions captured no later than every local one stay as they are.
        let earliestLocal = localOnly.map(\.metadata.captured).min() ?? .distantFuture
        let kept = remoteOnly.prefix { $0.metadata.captured <= earliestLocal }.count
        let landing = kept == 0 ? base : remoteOnly[kept - 1].commit.id
        // Stable: on equal times the remote's revision comes first, and each side keeps its own order.
        let ordered = (remoteOnly[kept...].map { ($0, 0) } + localOnly.map { ($0, 1) }).enumerated()
            .sorted { ($0.element.0.metadata.captured, $0.element.1, $0.offset) < ($1.element.0.metadata.captured, $1.element.1, $1.offset) }
            .map { (local: $0.element.1 == 1, revision: $0.element.0) }

        var parent: ObjectID? = landing
        var parentNumber = 0
        var parentText: ObjectID? = nil
        if let landing {
            let landingCommit = try read("commit \(landing.short)") { () throws(GitError) in try repository.commit(landing) }
            parentNumber = try revisionNumber(of: landing, recorded: try metadata(of: landingCommit).revision)
            parentText = try textBlob(of: landingCommit)
        }
        var replayed = 0, dropped = 0
        for (isLocal, revision) in ordered {
            let text = try textBlob(of: revision.commit)
            if text == parentText {
                if isLocal { dropped += 1 }
                continue
            }
            var metadata = revision.metadata
            metadata.revision = parentNumber + 1
            let html = try read("tree of commit \(revision.commit.id.short)") { () throws(GitError) in
                try repository.treeEntry(revision.commit.tree, named: "source.html")
            }
            parent = try writeRevision(text: text, metadata: metadata, parent: parent, sourceHTML: html)
            parentNumber = metadata.revision
            parentText = text
            if isLocal { replayed += 1 }
        }
        return (parent ?? remote, try chainLength(from: remote, to: base), replayed, dropped)
    }

    func textBlob(of commit: GitRepository.Commit) throws(StorageError) -> ObjectID {
        let blob = try read("tree of commit \(commit.id.short)") { () throws(GitError) in
            try repository.treeEntry(commit.tree, named: "text.txt")
        }
        guard let blob else { throw .damagedRepository(path: path, detail: "commit \(commit.id.short) has no text.txt") }
        return blob
    }

    /// Revisions from `tip` back to (not including) `stop`, following first parents.
    private func chainLength(from tip: ObjectID, to stop: ObjectID?) throws(StorageError) -> Int {
        try firstParentChain(from: tip, to: stop, what: { "commit \($0.short)" }).count
    }

    private func isDescendant(_ commit: ObjectID, of ancestor: ObjectID) throws(StorageError) -> Bool {
        try git { () throws(GitError) in try repository.isDescendant(commit, of: ancestor) }
    }

    /// Local paths become absolute; URLs (`scheme://`) and scp-style
    /// `user@host:path` stay as given.
    /// The lock file a libgit2 "failed to lock file '…'" message names, when
    /// it lies inside one of `roots` (git directories revtrack may clean).
    static func lockFile(in message: String, under roots: [String]) -> String? {
        guard let start = message.range(of: "failed to lock file '")?.upperBound,
              let end = message[start...].firstIndex(of: "'") else { return nil }
        let file = URL(fileURLWithPath: String(message[start..<end])).standardizedFileURL.path
        guard file.hasSuffix(".lock"),
              roots.contains(where: { file.hasPrefix(URL(fileURLWithPath: $0).standardizedFileURL.path + "/") }) else { return nil }
        return file
    }

    /// The git directory of a remote on this machine (a path or `file://`), else nil.
    static func localGitDirectory(_ url: String) -> String? {
        if url.hasPrefix("file://") { return URL(string: url)?.path }
        if url.contains("://") { return nil }
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") { return nil }   // scp-style user@host:path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        let dotGit = (url as NSString).appendingPathComponent(".git")
        return FileManager.default.fileExists(atPath: dotGit) ? dotGit : url
    }

    static func normalizedURL(_ url: String) -> String {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        if trimmed.contains("://") { return trimmed }
        if let colon = trimmed.firstIndex(of: ":"), !trimmed[..<colon].contains("/") { return trimmed }
        guard !trimmed.isEmpty else { return trimmed }
        return URL(fileURLWithPath: trimmed).standardizedFileURL.path
    }
}
