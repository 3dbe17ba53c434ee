import Foundation

/// A track as `revtrack tracks` lists it.
public struct TrackSummary: Hashable, Sendable {
    public let track: TrackName
    public let revisionCount: Int
    public let latest: Revision
}

extension RevisionStore {
    /// All track names, sorted.
    public func trackNames() throws(StorageError) -> [TrackName] {
        let references = try git { () throws(GitError) in try repository.branchReferenceNames() }
        var names: [TrackName] = []
        for reference in references {
            let name = String(reference.dropFirst("refs/heads/".count))
            // A branch made by other tools with a name revtrack would refuse is
            // skipped rather than mis-addressed.
            if let track = try? TrackName(name) { names.append(track) }
        }
        return names.sorted()
    }

    /// Every track with the commit its branch points at, sorted by name: a
    /// reader that caches by commit learns what changed without walking any history.
    public func trackTips() throws(StorageError) -> [(track: TrackName, tip: ObjectID)] {
        let targets = try git { () throws(GitError) in try repository.branchTargets() }
        return targets.compactMap { name, id in
            (try? TrackName(String(name.dropFirst("refs/heads/".count)))).map { ($0, id) }
        }.sorted { $0.track < $1.track }
    }

    public func trackSummaries() throws(StorageError) -> [TrackSummary] {
        var summaries: [TrackSummary] = []
        for track in try trackNames() {
            let revisions = try revisions(of: track)
            guard let latest = revisions.last else { continue }
            summaries.append(TrackSummary(track: track, revisionCount: revisions.count, latest: latest))
        }
        return summaries
    }

    /// Resolves what the user typed to a track: the exact name, or a last
    /// segment that names exactly one track.
    public func resolveTrack(_ name: String) throws(StorageError) -> TrackName {
        // A full name whose branch exists needs no listing of every track (an archive may hold tens of thousands).
        if let exact = try? TrackName(name),
           (try? git({ () throws(GitError) in try repository.referenceTarget(exact.referenceName) })) != nil {
            return exact
        }
        do { return try TrackName.match(name, among: try trackNames()) } catch StorageError.unknownTrack(let unknown, let known) {
            if let damaged = try? TrackName(name), damagedTrackNames().contains(damaged) { throw damagedReference(damaged) }
            throw .unknownTrack(unknown, known: known)
        }
    }

    /// The commit at the tip of a track, or nil when the track does not exist.
    func tip(of track: TrackName) throws(StorageError) -> ObjectID? {
        let tip = try git { () throws(GitError) in try repository.referenceTarget(track.referenceName) }
        if tip == nil, FileManager.default.fileExists(atPath: referenceFile(track)) { throw damagedReference(track) }
        return tip
    }

    /// Tracks whose branch file exists but holds no commit id (emptied by a
    /// crash or a full disk, or overwritten): git and libgit2 skip them as if
    /// they did not exist, which would hide a story.
    public func damagedTrackNames() -> [TrackName] {
        let root = (path as NSString).appendingPathComponent("refs/heads")
        guard let files = FileManager.default.enumerator(atPath: root) else { return [] }
        var damaged: [TrackName] = []
        for case let file as String in files where !file.hasSuffix(".lock") {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + file, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let track = try? TrackName(file),
                  (try? repository.referenceTarget(track.referenceName)) ?? nil == nil else { continue }
            damaged.append(track)
        }
        return damaged.sorted()
    }

    private func referenceFile(_ track: TrackName) -> String {
        (path as NSString).appendingPathComponent(track.referenceName)
    }

    private func damagedReference(_ track: TrackName) -> StorageError {
        .damagedRepository(path: path, detail: "track '\(track)' has a damaged branch file (\(track.referenceName) holds no commit id); "
                           + "restore it from a backup or a remote ('revtrack pull'), or delete the file to drop the track")
    }

    /// The newest revision without walking the history (its number is the one
    /// its metadata records); nil when the track does not exist yet.
    public func latestRevision(of track: TrackName) throws(StorageError) -> Revision? {
        guard let tip = try tip(of: track) else { return nil }
        let commit = try read("track '\(track)' points to commit \(tip.short), which cannot be read") {
            () throws(GitError) in try repository.commit(tip)
        }
        let metadata = try metadata(of: commit)
        return Revision(track: track, number: metadata.revision, id: tip, metadata: metadata)
    }

    /// A track's revisions, oldest first (index + 1 is the revision number).
    public func revisions(of track: TrackName) throws(StorageError) -> [Revision] {
        guard let tip = try tip(of: track) else {
            throw .unknownTrack(track.rawValue, known: try trackNames().map(\.rawValue))
        }
        let chain = try firstParentChain(from: tip, what: { "track '\(track)' points to commit \($0.short), which cannot be read" })
        var revisions: [Revision] = []
        revisions.reserveCapacity(chain.count)
        for (index, commit) in chain.reversed().enumerated() {
            revisions.append(Revision(track: track, number: index + 1, id: commit.id, metadata: try metadata(of: commit)))
        }
        return revisions
    }

    /// Finds the revision a spec names.
    public func resolve(_ spec: RevisionSpec) throws(StorageError) -> Revision {
        let track: TrackName
        do {
            track = try resolveTrack(spec.track)
        } catch {
            if spec.isCommitPrefix, case .unknownTrack = error { return try revision(commitPrefix: spec.track) }
            throw error
        }
        let revisions = try revisions(of: track)
        switch spec.position {
        case .latest:
            return revisions[revisions.count - 1]
        case .number(let number):
            guard number <= revisions.count else {
                throw .unknownRevision(spec.text, "track '\(track)' has \(revisions.count) revision\(revisions.count == 1 ? "" : "s")")
            }
            return revisions[number - 1]
        case .back(let count):
            guard count < revisions.count else {
                throw .unknownRevision(spec.text, "track '\(track)' has only \(revisions.count) revision\(revisions.count == 1 ? "" : "s")")
            }
            return revisions[revisions.count - 1 - count]
        }
    }

    public func resolve(_ text: String) throws(StorageError) -> Revision {
        try resolve(try RevisionSpec(parsing: text))
    }

    /// The stored text of a revision, exactly as `git show TRACK:text.txt` prints it.
    public func text(of revision: Revision) throws(StorageError) -> String {
        let commit = try read("revision \(revision.spec) (\(revision.id.short))") { () throws(GitError) in
            try repository.commit(revision.id)
        }
        let bytes = try entry("text.txt", of: commit)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The raw page kept with `--keep-html`, byte for byte as the server sent
    /// it; nil when the revision was stored without it.
    public func sourceHTML(of revision: Revision) throws(StorageError) -> [UInt8]? {
        let commit = try read("revision \(revision.spec) (\(revision.id.short))") { () throws(GitError) in
            try repository.commit(revision.id)
        }
        return try entryIfPresent("source.html", of: commit)
    }

    // MARK: - Internals

    private func revision(commitPrefix prefix: String) throws(StorageError) -> Revision {
        let id: ObjectID
        do {
            id = try repository.commitID(prefix: prefix)
        } catch {
            if error.code == -5 { throw .unknownRevision(prefix, "the commit prefix is ambiguous; give more digits") }
            throw .unknownRevision(prefix, "no track or commit has that name")
        }
        for track in try trackNames() {
            if let found = try revisions(of: track).first(where: { $0.id == id }) { return found }
        }
        throw .unknownRevision(prefix, "commit \(id.short) is not a revision of any track")
    }

    /// A file of the commit's tree that must be there.
    func entry(_ name: String, of commit: GitRepository.Commit) throws(StorageError) -> [UInt8] {
        guard let bytes = try entryIfPresent(name, of: commit) else {
            throw .damagedRepository(path: path, detail: "commit \(commit.id.short) has no \(name)")
        }
        return bytes
    }

    private func entryIfPresent(_ name: String, of commit: GitRepository.Commit) throws(StorageError) -> [UInt8]? {
        let blob = try read("tree of commit \(commit.id.short)") { () throws(GitError) in
            try repository.treeEntry(commit.tree, named: name)
        }
        guard let blob else { return nil }
        return try read("\(name) of commit \(commit.id.short)") { () throws(GitError) in
            try repository.blobContents(blob)
        }
    }

    func metadata(of commit: GitRepository.Commit) throws(StorageError) -> RevisionMetadata {
        let bytes = try entry("meta.json", of: commit)
        do {
            return try RevisionMetadata.decode(bytes)
        } catch {
            throw .damagedRepository(path: path, detail: "meta.json of commit \(commit.id.short) is not valid revtrack metadata")
        }
    }
}
