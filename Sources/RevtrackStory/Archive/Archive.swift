import Foundation
import RevtrackCore
import RevtrackFacts
import RevtrackStorage

/// One stored revision and what it changed against the one captured before
/// it: a row of the web view's index and change list, an Atom entry, a
/// notification.
public struct RevisionChange: Sendable {
    public let revision: Revision
    /// nil for a track's first revision.
    public let previous: Revision?
    public let sentences: DocumentComparison.Summary
    public let edits: [EditKind: Int]
    /// Facts changed, added and removed.
    public let facts: FactTimeline.Step
    /// The edits a reader should see first: meaning, then fact edits, as the new sentences read.
    public let highlights: [(kind: EditKind, text: String)]

    /// Whether the revision changed anything (a first revision counts as a change).
    public var changed: Bool { previous == nil || sentences.hasDifferences }

    /// The highest kind of edit it made, for filtering (`meaning`, `fact`, `wording`, …).
    public var topKind: EditKind? { edits.keys.max() }
}

/// One track as an index lists it.
public struct TrackEntry: Sendable {
    public let track: TrackName
    /// The first segment of the track's name: the story it belongs to.
    public let story: String
    public let revisionCount: Int
    public let latest: Revision
    public let lastChange: RevisionChange?
}

/// The whole repository read for a long-running front end (the web view):
/// tracks, their latest changes and the archive's change list, read live
/// (a revision another process stores shows on the next call), with what
/// costs a diff cached by commit ids, which never change.
///
/// `@unchecked Sendable`: the caches are guarded by `lock`; the repository is
/// opened anew for each call, so no libgit2 handle is shared across threads.
public final class Archive: @unchecked Sendable {
    public let location: RepositoryLocation
    private let lock = NSLock()
    private var histories: [ObjectID: [Revision]] = [:]
    private var changes: [String: RevisionChange] = [:]
    private var storyHistories: [ObjectID: StoryHistory] = [:]
    private var diffs: [String: StoryDiff] = [:]
    private var diffOrder: [String] = []
    /// Diffs kept: a page viewed once is likely viewed again (a link shared in a newsroom).
    static let cachedDiffs = 64
    private var tipsRead: (generation: String, at: Date, tips: [(track: TrackName, tip: ObjectID)])?

    /// How long a listing of the refs is trusted when revtrack's change
    /// marker says nothing moved: refs that other programs move (a plain `git
    /// push` into the repository) show within this time.
    public static let externalRefresh: TimeInterval = 2

    public init(_ location: RepositoryLocation) {
        self.location = location
    }

    /// Every track, most recently captured first; `matching` keeps those
    /// whose name or latest title contains it (any case).
    public func tracks(matching query: String? = nil) throws -> [TrackEntry] {
        let store = try location.open()
        let query = query?.trimmingCharacters(in: .whitespaces).lowercased()
        var entries: [TrackEntry] = []
        for (track, tip) in try tips(store) {
            let revisions = try history(of: track, tip: tip, store: store)
            guard let latest = revisions.last else { continue }
            if let query, !query.isEmpty, !track.rawValue.lowercased().contains(query),
               !(latest.title?.lowercased().contains(query) ?? false) { continue }
            entries.append(TrackEntry(track: track, story: String(track.rawValue.split(separator: "/").first ?? ""),
                                      revisionCount: revisions.count, latest: latest, lastChange: nil))
        }
        return entries.sorted { ($0.latest.captured, $1.track) > ($1.latest.captured, $0.track) }
    }

    /// The same with each track's last change computed (cached by commit),
    /// for one page of them; `total` counts them all.
    public func tracksWithChanges(matching query: String? = nil, offset: Int = 0,
                                  limit: Int = .max) throws -> (entries: [TrackEntry], total: Int) {
        let store = try location.open()
        let all = try tracks(matching: query)
        let page = try all.dropFirst(offset).prefix(limit).map { entry in
            let revisions = try history(of: entry.track, tip: entry.latest.id, store: store)
            return TrackEntry(track: entry.track, story: entry.story, revisionCount: entry.revisionCount, latest: entry.latest,
                              lastChange: try change(entry.latest, in: revisions, store: store))
        }
        return (page, all.count)
    }

    /// A track's story history (revisions, sentence history, facts over time), cached by its tip.
    public func storyHistory(of track: String) throws -> StoryHistory {
        let store = try location.open()
        let name = try store.resolveTrack(track)
        guard let tip = try tips(store).first(where: { $0.track == name })?.tip else { throw StorageError.unknownTrack(track, known: []) }
        if let known = lock.withLock({ storyHistories[tip] }) { return known }
        let history = try StoryHistory.load(name.rawValue, range: RevisionRange(), store: store, withPrevious: false)
        lock.withLock { storyHistories[tip] = history }
        return history
    }

    /// The diff of two stored revisions as `diff` shows it (page furniture
    /// and the tracks' ignore rules left out), cached by the two commits and
    /// the rules. Revisions only: a web page must never read a file from the
    /// server's disk.
    public func diff(_ oldSpec: String, _ newSpec: String) throws -> StoryDiff {
        let store = try location.open()
        let old = try TextSource.stored(try store.resolve(oldSpec), in: store)
        let new = try TextSource.stored(try store.resolve(newSpec), in: store)
        let filter = try DiffRequest.filter(for: (old, new), showFurniture: false, in: location)
        let key = old.revision!.id.hex + new.revision!.id.hex + filter.signature
        if let known = lock.withLock({ diffs[key] }) { return known }
        let diff = DiffRequest(level: .word, ignore: filter).compare(old, new)
        lock.withLock {
            if diffs[key] == nil { diffOrder.append(key) }
            diffs[key] = diff
            while diffOrder.count > Self.cachedDiffs { diffs[diffOrder.removeFirst()] = nil }
        }
        return diff
    }

    /// Every track's tip, read again only when revtrack moved a ref since
    /// (its change marker) or `externalRefresh` has passed.
    private func tips(_ store: RevisionStore) throws -> [(track: TrackName, tip: ObjectID)] {
        let generation = store.referencesGeneration()
        if let read = lock.withLock({ tipsRead }), read.generation == generation,
           Date().timeIntervalSince(read.at) < Self.externalRefresh {
            return read.tips
        }
        let tips = try store.trackTips()
        lock.withLock { tipsRead = (generation, Date(), tips) }
        return tips
    }

    /// A track's revisions, oldest first.
    public func revisions(of track: String) throws -> [Revision] {
        let store = try location.open()
        let name = try store.resolveTrack(track)
        guard let tip = try tips(store).first(where: { $0.track == name })?.tip else { return [] }
        return try history(of: name, tip: tip, store: store)
    }

    /// What each of a track's revisions changed, newest first.
    public func changes(of track: String) throws -> [RevisionChange] {
        let store = try location.open()
        let revisions = try self.revisions(of: track)
        return try revisions.reversed().map { try change($0, in: revisions, store: store) }
    }

    /// The archive's latest changes, newest capture first: `offset` and
    /// `limit` page through them; `kinds` keeps revisions whose edits include
    /// one of these kinds (first revisions have none); `under` keeps one story
    /// (`karabakh` or `karabakh/`) or one track.
    public func latestChanges(under prefix: String? = nil, kinds: Set<EditKind>? = nil,
                              offset: Int = 0, limit: Int = 50) throws -> [RevisionChange] {
        let store = try location.open()
        var all: [(Revision, [Revision])] = []
        for (track, tip) in try tips(store) {
            if let prefix, !prefix.isEmpty {
                let story = prefix.hasSuffix("/") ? prefix : prefix + "/"
                guard track.rawValue == prefix || track.rawValue.hasPrefix(story) else { continue }
            }
            let revisions = try history(of: track, tip: tip, store: store)
            for revision in revisions { all.append((revision, revisions)) }
        }
        all.sort { ($0.0.captured, $0.0.track) > ($1.0.captured, $1.0.track) }
        var found: [RevisionChange] = []
        var skipped = 0
        for (revision, revisions) in all {
            let change = try change(revision, in: revisions, store: store)
            guard change.changed else { continue }
            if let kinds, !change.edits.keys.contains(where: kinds.contains) { continue }
            if skipped < offset { skipped += 1; continue }
            found.append(change)
            if found.count == limit { break }
        }
        return found
    }

    private func history(of track: TrackName, tip: ObjectID, store: RevisionStore) throws -> [Revision] {
        if let known = lock.withLock({ histories[tip] }) { return known }
        let revisions = try store.revisions(of: track)
        lock.withLock { histories[tip] = revisions }
        return revisions
    }

    /// What `revision` changed against the revision captured just before it in its track.
    public func change(_ revision: Revision, in revisions: [Revision], store: RevisionStore) throws -> RevisionChange {
        let byTime = revisions.enumerated().sorted { ($0.element.captured, $0.offset) < ($1.element.captured, $1.offset) }.map(\.element)
        let previous = byTime.firstIndex(where: { $0.id == revision.id }).flatMap { $0 > 0 ? byTime[$0 - 1] : nil }
        let key = (previous?.id.hex ?? "-") + ":" + revision.id.hex
        if let known = lock.withLock({ changes[key] }) { return known }
        let change: RevisionChange
        if let previous {
            let old = try TextSource.stored(previous, in: store), new = try TextSource.stored(revision, in: store)
            let filter = try StoryHistory.filter(for: revision.track, store: store)
            let diff = DiffRequest(level: .word, ignore: filter).compare(old, new)
            var step = FactTimeline.Step()
            if let facts = diff.facts {
                step.changed = facts.comparison.count(.changed)
                step.added = facts.comparison.count(.added)
                step.removed = facts.comparison.count(.removed)
            }
            let comparison = diff.comparison
            let highlights = comparison.changes.filter { $0.editKind == .meaning || $0.editKind == .fact }
                .sorted { ($0.editKind ?? .cosmetic) > ($1.editKind ?? .cosmetic) }
                .prefix(5)
                .compactMap { change -> (EditKind, String)? in
                    guard let kind = change.editKind, let range = change.new else { return nil }
                    return (kind, range.map { comparison.new.sentences[$0].normalized }.joined(separator: " "))
                }
            change = RevisionChange(revision: revision, previous: previous, sentences: comparison.summary,
                                    edits: comparison.editKindCounts, facts: step, highlights: highlights)
        } else {
            change = RevisionChange(revision: revision, previous: nil, sentences: .init(), edits: [:], facts: .init(), highlights: [])
        }
        lock.withLock { changes[key] = change }
        return change
    }
}
