import Foundation

/// What `add` did.
public enum AddOutcome: Hashable, Sendable {
    /// A new revision was stored.
    case added(Revision)
    /// The text equals the track's latest revision; nothing was written.
    case unchanged(Revision)
    /// Stored in capture order before later revisions (`add --insert`), which
    /// were re-created on top of it, each with its own capture time and text.
    case inserted(Revision, recreated: Int)

    public var revision: Revision {
        switch self {
        case .added(let revision), .unchanged(let revision), .inserted(let revision, _): revision
        }
    }
}

extension RevisionStore {
    /// Stores `text` as the next revision of `track`, creating the track if needed.
    ///
    /// Safe under concurrency and crashes: all objects are written (and fsynced)
    /// before the branch moves, and the branch moves by compare-and-swap, so two
    /// processes adding at once both land, one after the other. A lost race
    /// leaves only an unreferenced commit, which `git gc` removes.
    /// - Parameters:
    ///   - page: provenance of a text captured from a URL.
    ///   - sourceHTML: the raw page, stored as `source.html` in the same commit.
    ///     An unchanged text stores nothing, even when the page's markup changed.
    ///   - captured: the capture time; nil is the moment the revision is
    ///     written, taken again after a lost race, so that concurrent writers
    ///     land in capture order and none is refused.
    ///   - insert: a capture time before the latest revision's is refused
    ///     (`outOfOrder`) unless this is true; then the revision goes where its
    ///     time puts it and the later ones are re-created on top, so a track's
    ///     revisions are always in capture order.
    public func add(
        text rawText: String,
        to track: TrackName,
        title: String? = nil,
        url: String? = nil,
        captured explicitTime: Date? = nil,
        page: PageProvenance? = nil,
        sourceHTML: [UInt8]? = nil,
        insert: Bool = false
    ) throws(StorageError) -> AddOutcome {
        let text = try ArticleText.normalize(rawText)
        let bytes = Array(text.utf8)
        let title = title.flatMap(Self.singleLine)
        let url = url.flatMap(Self.singleLine)
        if let explicitTime, !CaptureTime.storable.contains(explicitTime) {
            throw .invalidText("the capture time \(CaptureTime.format(explicitTime)) is outside the times git can store (1970-01-01 to 2106-02-07)")
        }
        var page = page.map(Self.singleLine)
        page?.keptHTML = sourceHTML == nil ? nil : true
        let textBlob = try git { () throws(GitError) in try repository.writeBlob(bytes) }

        var htmlBlob: ObjectID? = nil
        return try updateReference(track.referenceName, busyName: track.rawValue) { (parent) throws(StorageError) -> ReferenceStep<AddOutcome> in
            let captured = CaptureTime.wholeSeconds(explicitTime ?? Date())
            let number: Int
            if let parent {
                let commit = try read("track '\(track)' points to commit \(parent.short), which cannot be read") {
                    () throws(GitError) in try repository.commit(parent)
                }
                let parentMetadata = try metadata(of: commit)
                if parentMetadata.captured > captured {
                    guard insert else {
                        let count = try revisionNumber(of: parent, recorded: parentMetadata.revision)
                        throw .outOfOrder(track: track.rawValue, captured: CaptureTime.format(captured),
                                          latest: CaptureTime.format(parentMetadata.captured), latestSpec: "\(track)@\(count)")
                    }
                    if htmlBlob == nil, let sourceHTML {
                        htmlBlob = try git { () throws(GitError) in try repository.writeBlob(sourceHTML) }
                    }
                    let metadata = RevisionMetadata(track: track.rawValue, title: title, url: url,
                                                    captured: captured, bytes: bytes.count, revision: 0, page: page)
                    return try insertInOrder(text: textBlob, metadata: metadata, html: htmlBlob, tip: parent, track: track)
                }
                let parentText = try read("tree of commit \(parent.short)") { () throws(GitError) in
                    try repository.treeEntry(commit.tree, named: "text.txt")
                }
                if parentText == textBlob {
                    let count = try revisions(of: track).count
                    return .done(.unchanged(Revision(track: track, number: count, id: parent, metadata: parentMetadata)))
                }
                number = try revisionNumber(of: parent, recorded: parentMetadata.revision) + 1
            } else {
                try checkNoConflict(for: track)
                number = 1
            }

            let metadata = RevisionMetadata(track: track.rawValue, title: title, url: url,
                                            captured: captured, bytes: bytes.count, revision: number, page: page)
            if htmlBlob == nil, let sourceHTML {
                htmlBlob = try git { () throws(GitError) in try repository.writeBlob(sourceHTML) }
            }
            // A lost race (another writer moved the branch) rebuilds this on the new tip.
            let commit = try writeRevision(text: textBlob, metadata: metadata, parent: parent, sourceHTML: htmlBlob)
            return .move(to: commit, log: "revtrack add: \(track)@\(number)",
                         then: .added(Revision(track: track, number: number, id: commit, metadata: metadata)))
        }
    }

    /// Places a revision where its capture time puts it in the chain ending at
    /// `tip`, and re-creates the later revisions on top of it (as pull's replay
    /// does): same texts, pages and capture times, numbers one higher; a
    /// revision whose text equals the one before it is left out.
    private func insertInOrder(text: ObjectID, metadata new: RevisionMetadata, html: ObjectID?, tip: ObjectID,
                               track: TrackName) throws(StorageError) -> ReferenceStep<AddOutcome> {
        var later: [(commit: GitRepository.Commit, metadata: RevisionMetadata)] = []
        var base: (commit: GitRepository.Commit, metadata: RevisionMetadata)? = nil
        for commit in try firstParentChain(from: tip, what: { "commit \($0.short)" }) {
            let metadata = try metadata(of: commit)
            if metadata.captured <= new.captured { base = (commit, metadata); break }
            later.append((commit, metadata))
        }
        var parent = base?.commit.id
        var number = try base.map { base throws(StorageError) in try revisionNumber(of: base.commit.id, recorded: base.metadata.revision) } ?? 0
        if let base, try textBlob(of: base.commit) == text {
            // The same text as the revision captured just before: nothing new to place.
            return .done(.unchanged(Revision(track: track, number: number, id: base.commit.id, metadata: base.metadata)))
        }
        var metadata = new
        metadata.revision = number + 1
        parent = try writeRevision(text: text, metadata: metadata, parent: parent, sourceHTML: html)
        number += 1
        let inserted = Revision(track: track, number: number, id: parent!, metadata: metadata)
        var previousText = text, recreated = 0
        for revision in later.reversed() {
            let text = try textBlob(of: revision.commit)
            if text == previousText { continue }
            var metadata = revision.metadata
            number += 1
            metadata.revision = number
            let html = try read("tree of commit \(revision.commit.id.short)") { () throws(GitError) in
                try repository.treeEntry(revision.commit.tree, named: "source.html")
            }
            parent = try writeRevision(text: text, metadata: metadata, parent: parent, sourceHTML: html)
            previousText = text
            recreated += 1
        }
        return .move(to: parent!, log: "revtrack add --insert: \(track)@\(inserted.number)",
                     then: .inserted(inserted, recreated: recreated))
    }

    /// A commit's revision number: what its meta.json says when that is a
    /// plausible count, else the length of its history. meta.json may come
    /// from a remote, and a number such as Int.max or -5 must neither crash
    /// the next `add` nor print as `@-4`.
    func revisionNumber(of commit: ObjectID, recorded: Int) throws(StorageError) -> Int {
        if (1...10_000_000).contains(recorded) { return recorded }
        return try firstParentChain(from: commit, what: { "commit \($0.short)" }).count
    }

    /// Writes a revision's commit (meta.json, tree, commit) without moving
    /// any branch; its time is the capture time.
    func writeRevision(text textBlob: ObjectID, metadata: RevisionMetadata, parent: ObjectID?,
                       sourceHTML: ObjectID? = nil) throws(StorageError) -> ObjectID {
        let metaBytes: [UInt8]
        do { metaBytes = try metadata.encoded() } catch {
            throw .invalidText("cannot encode metadata: \(error)")
        }
        let message = (metadata.title ?? "\(metadata.track) revision \(metadata.revision)") + "\n"
        return try git { () throws(GitError) in
            let metaBlob = try repository.writeBlob(metaBytes)
            var entries = [("meta.json", metaBlob), ("text.txt", textBlob)]
            if let sourceHTML { entries.insert(("source.html", sourceHTML), at: 1) }
            let tree = try repository.writeTree(entries)
            return try repository.writeCommit(tree: tree, parent: parent, message: message,
                                              time: Int64(metadata.captured.timeIntervalSince1970),
                                              authorName: "revtrack", authorEmail: "revtrack@localhost")
        }
    }

    /// A new track cannot be a folder of an existing one or the reverse
    /// (`karabakh` beside `karabakh/reuters`): git stores refs as files.
    func checkNoConflict(for track: TrackName) throws(StorageError) {
        for existing in try trackNames() {
            if existing.rawValue.hasPrefix(track.rawValue + "/") || track.rawValue.hasPrefix(existing.rawValue + "/") {
                throw .trackNameConflict(track.rawValue, existing: existing.rawValue)
            }
        }
    }

    private static func singleLine(_ page: PageProvenance) -> PageProvenance {
        var page = page
        page.finalURL = page.finalURL.flatMap(singleLine)
        page.published = page.published.flatMap(singleLine)
        page.modified = page.modified.flatMap(singleLine)
        page.selector = page.selector.flatMap(singleLine)
        return page
    }

    static func singleLine(_ text: String) -> String? {
        let collapsed = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }
}
