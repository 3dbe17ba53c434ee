import Foundation

/// Document logs travel with push and pull like the tracks do, by the same
/// rules: nothing local is dropped, a push only fast-forwards. `fetch` brings
/// the remote's `refs/revtrack/*` into `refs/revtrack-remotes/NAME/*`.
extension RevisionStore {
    /// Brings the fetched logs of the given kinds here: fast-forward when
    /// possible, else reconciled as the kind says, so the result descends
    /// from the remote's and can be pushed.
    func pullDocuments(from remote: String, kinds: [DocumentLogKind]) throws(StorageError) {
        for (local, remoteTip, kind) in try fetchedDocumentReferences(remote, kinds: kinds) {
            try reconcile(local, remoteTip: remoteTip) { (localTip) throws(StorageError) -> ObjectID in
                switch kind.merge {
                case .unite(let unite):
                    let mine = Data(try entry(kind.file, of: try commit(localTip)))
                    let theirs = Data(try entry(kind.file, of: try commit(remoteTip)))
                    let united: Data
                    do { united = try unite(mine, theirs) } catch {
                        throw .damagedRepository(path: path, detail: "cannot unite \(kind.label) of \(local): \(error)")
                    }
                    return try documentCommit(Array(united), named: kind.file, message: "pull \(remote): \(kind.label) united",
                                              time: Date(), parent: remoteTip)
                case .replayLocalEntries:
                    let base = try git { () throws(GitError) in try repository.mergeBase(localTip, remoteTip) }
                    var parent = remoteTip
                    for commit in try firstParentChain(from: localTip, to: base, what: { "\(kind.file) commit \($0.short)" }).reversed() {
                        parent = try documentCommit(try entry(kind.file, of: commit), named: kind.file, message: commit.message,
                                                    time: Date(timeIntervalSince1970: TimeInterval(commit.time)), parent: parent)
                    }
                    return parent
                }
            }
        }
    }

    /// Local logs of the given kinds that the remote lacks or that fast-forward the remote's.
    func documentReferencesToPush(_ remote: String, kinds: [DocumentLogKind]) throws(StorageError) -> [String] {
        let fetched = Dictionary(try fetchedDocumentReferences(remote, kinds: kinds).map { ($0.local, $0.remote) },
                                 uniquingKeysWith: { a, _ in a })
        let locals = try git { () throws(GitError) in try repository.references(under: "refs/revtrack/") }
        var out: [String] = []
        for (reference, tip) in locals where kinds.contains(where: { $0.matches(reference) }) {
            guard let theirs = fetched[reference] else { out.append(reference); continue }
            if tip != theirs, try git({ () throws(GitError) in try repository.isDescendant(tip, of: theirs) }) {
                out.append(reference)
            }
        }
        return out.sorted()
    }

    /// Fetched logs that hold what their kind promises (their file, as JSON),
    /// as (local name, remote tip, kind).
    private func fetchedDocumentReferences(_ remote: String, kinds: [DocumentLogKind])
        throws(StorageError) -> [(local: String, remote: ObjectID, kind: DocumentLogKind)]
    {
        let prefix = "refs/revtrack-remotes/\(remote)/"
        var out: [(String, ObjectID, DocumentLogKind)] = []
        for (reference, tip) in try git({ () throws(GitError) in try repository.references(under: prefix) }) {
            let local = "refs/revtrack/" + reference.dropFirst(prefix.count)
            guard let kind = kinds.first(where: { $0.matches(local) }),
                  let bytes = try? entry(kind.file, of: try commit(tip)),
                  (try? JSONSerialization.jsonObject(with: Data(bytes))) != nil else { continue }
            out.append((local, tip, kind))
        }
        return out
    }

    private func commit(_ id: ObjectID) throws(StorageError) -> GitRepository.Commit {
        try read("commit \(id.short)") { () throws(GitError) in try repository.commit(id) }
    }

    /// Moves `reference` to the remote's tip when that is a fast-forward (or
    /// the ref is new here); otherwise to what `combine` builds from the local tip.
    private func reconcile(_ reference: String, remoteTip: ObjectID,
                           combine: (ObjectID) throws(StorageError) -> ObjectID) throws(StorageError) {
        let log = "revtrack: pull \(reference)"
        try updateReference(reference) { (localTip) throws(StorageError) -> ReferenceStep<Void> in
            guard let localTip else { return .move(to: remoteTip, log: log, then: ()) }
            if localTip == remoteTip { return .done(()) }
            if try git({ () throws(GitError) in try repository.isDescendant(localTip, of: remoteTip) }) { return .done(()) }
            if try git({ () throws(GitError) in try repository.isDescendant(remoteTip, of: localTip) }) {
                return .move(to: remoteTip, log: log, then: ())
            }
            return .move(to: try combine(localTip), log: log, then: ())
        }
    }
}
