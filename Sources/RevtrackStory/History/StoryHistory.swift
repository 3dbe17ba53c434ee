import Foundation
import RevtrackCore
import RevtrackFacts
import RevtrackStorage

/// A track's revisions read once and followed sentence by sentence and fact
/// by fact: what `log --stat`, `blame` and `timeline` share.
public struct StoryHistory: Sendable {
    public let revisions: [Revision]
    public let sentences: SentenceHistory
    public let facts: FactTimeline

    /// - Parameters:
    ///   - revisions: consecutive revisions of one track, oldest first; at least one.
    ///   - ignoring: sentences whose changes the steps do not count (`log --stat`
    ///     leaves out page furniture and the track's ignore rules).
    public init(_ revisions: [Revision], store: RevisionStore, ignoring: SentenceFilter? = nil) throws {
        self.revisions = revisions
        let texts = try revisions.map { try store.text(of: $0) }
        let sentences = if let ignoring, !ignoring.isEmpty {
            SentenceHistory(revisions: texts, ignoring: ignoring.ignores)
        } else {
            SentenceHistory(revisions: texts)
        }
        self.sentences = sentences
        facts = FactTimeline(revisions: revisions.indices.map { index in
            let revision = revisions[index]
            return FactTimeline.Revision(
                number: revision.number, date: CaptureTime.format(revision.captured),
                facts: FactExtractor.extract(from: sentences.segmented[index], reference: ReferenceDay.of(revision)),
                alignment: index > 0 ? sentences.alignments[index - 1] : .none)
        })
    }

    /// The revisions of `track` in `range`, with the one before the range
    /// when there is one, so the range's first revision has changes too.
    public static func load(_ track: String, range: RevisionRange, store: RevisionStore,
                            withPrevious: Bool) throws -> StoryHistory {
        let name = try store.resolveTrack(track)
        let all = try store.revisions(of: name)
        return try load(try range.select(all, track: name.description), of: all, store: store, withPrevious: withPrevious)
    }

    /// The same for revisions already read: `selected` in range out of `all` (oldest first).
    public static func load(_ selected: [Revision], of all: [Revision], store: RevisionStore,
                            withPrevious: Bool, ignoring: SentenceFilter? = nil) throws -> StoryHistory {
        let before = withPrevious && selected[0].number > 1 ? [all[selected[0].number - 2]] : []
        return try StoryHistory(before + selected, store: store, ignoring: ignoring)
    }

    /// What `log --stat` and `watch` leave out for `track`: page furniture
    /// (unless `showFurniture`) and the track's ignore rules.
    public static func filter(for track: TrackName, store: RevisionStore, showFurniture: Bool = false) throws(StorageError) -> SentenceFilter {
        SentenceFilter(furniture: !showFurniture, rules: try IgnoreRules.load(from: store).rules(for: track.rawValue))
    }

    /// Each revision's changes against the one before, by revision number
    /// (the first revision of the history has none).
    public var steps: [Int: Step] {
        var steps: [Int: Step] = [:]
        for (index, step) in sentences.steps.enumerated() {
            steps[revisions[index + 1].number] = Step(sentences: step, facts: facts.steps[index])
        }
        return steps
    }

    /// One revision's changes against the one before, as `log --stat` shows them.
    public struct Step: Sendable, Encodable {
        public let sentences: DocumentComparison.Summary
        public let facts: FactTimeline.Step

        /// The sentence counts at the top level (as before facts were counted), facts inside.
        public func encode(to encoder: any Encoder) throws {
            try sentences.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(facts, forKey: .facts)
        }
        enum Key: String, CodingKey { case facts }
    }

    /// For `blame`: every revision of `revision`'s track up to it, followed sentence by sentence.
    public static func blame(_ revision: String, store: RevisionStore) throws -> (revisions: [Revision], sentences: SentenceHistory) {
        let target = try store.resolve(revision)
        let revisions = Array(try store.revisions(of: target.track).prefix(target.number))
        return (revisions, SentenceHistory(revisions: try revisions.map { try store.text(of: $0) }))
    }
}
