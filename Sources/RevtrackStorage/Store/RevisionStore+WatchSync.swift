import Foundation

/// The watch list and capture logs travel with push and pull like the tracks
/// do, by the same rules: nothing local is dropped, a push only fast-forwards.
/// `fetch` brings the remote's `refs/revtrack/*` into `refs/revtrack-remotes/NAME/*`.
extension RevisionStore {
    /// Brings the fetched watch list and capture logs here: fast-forward when
    /// possible; else the watch lists are united (this side wins for a track
    /// or feed both name) and local-only capture events are replayed on top of
    /// the remote's, so the result descends from the remote's and can be pushed.
    func pullWatchData(from remote: String) throws(StorageError) {
        for (local, remoteTip) in try fetchedWatchReferences(remote) {
            if local == Self.watchReference {
                try reconcile(local, remoteTip: remoteTip) { (localTip) throws(StorageError) -> ObjectID in
                    let mine = try document(WatchList.self, named: "watch.json", in: localTip)
                    var merged = try document(WatchList.self, named: "watch.json", in: remoteTip)
                    for page in mine.pages { merged.watch(page) }
                    for feed in mine.feeds {
                        if let index = merged.feeds.firstIndex(where: { $0.name == feed.name }) { merged.feeds[index] = feed }
                        else { merged.feeds.append(feed) }
                    }
                    return try documentCommit(merged, named: "watch.json", message: "pull \(remote): watch lists united",
                                              time: Date(), parent: remoteTip)
                }
            } else {
                try reconcile(local, remoteTip: remoteTip) { (localTip) throws(StorageError) -> ObjectID in
                    let base = try git { () throws(GitError) in try repository.mergeBase(localTip, remoteTip) }
                    var parent = remoteTip
                    for commit in try firstParentChain(from: localTip, to: base, what: { "capture log commit \($0.short)" }).reversed() {
                        let event = try document(CaptureEvent.self, named: "capture.json", in: commit.id)
                        parent = try documentCommit(event, named: "capture.json", message: "\(event.outcome.rawValue): \(event.reason)",
                                                    time: event.time, parent: parent)
                    }
                    return parent
                }
            }
        }
    }

    /// Local watch refs that the remote lacks or that fast-forward the remote's.
    func watchReferencesToPush(_ remote: String) throws(StorageError) -> [String] {
        let fetched = Dictionary(try fetchedWatchReferences(remote).map { ($0.local, $0.remote) }, uniquingKeysWith: { a, _ in a })
        let locals = try git { () throws(GitError) in try repository.references(under: "refs/revtrack/") }
        var out: [String] = []
        for (reference, tip) in locals {
            guard let theirs = fetched[reference] else { out.append(reference); continue }
            if tip != theirs, try git({ () throws(GitError) in try repository.isDescendant(tip, of: theirs) }) {
                out.append(reference)
            }
        }
        return out.sorted()
    }

    /// Fetched watch refs that hold what their names promise, as (local name, remote tip).
    private func fetchedWatchReferences(_ remote: String) throws(StorageError) -> [(local: String, remote: ObjectID)] {
        let prefix = "refs/revtrack-remotes/\(remote)/"
        var out: [(String, ObjectID)] = []
        for (reference, tip) in try git({ () throws(GitError) in try repository.references(under: prefix) }) {
            let local = "refs/revtrack/" + reference.dropFirst(prefix.count)
            if local == Self.watchReference {
                guard (try? document(WatchList.self, named: "watch.json", in: tip)) != nil else { continue }
            } else if local.hasPrefix("refs/revtrack/captures/") {
                guard (try? TrackName(String(local.dropFirst("refs/revtrack/captures/".count)))) != nil,
                      (try? document(CaptureEvent.self, named: "capture.json", in: tip)) != nil else { continue }
            } else {
                continue
            }
            out.append((local, tip))
        }
        return out
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
