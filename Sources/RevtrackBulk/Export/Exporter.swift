import Foundation
import RevtrackCore
import RevtrackFacts
import RevtrackRender
import RevtrackStorage
import RevtrackStory
import RevtrackText

/// `revtrack export`: the archive as tables for pandas, R or Spark. One track
/// at a time, one revision at a time, each record written as soon as it is
/// made: memory stays that of two texts, whatever the archive's size. Column
/// names are stable and documented in docs/json-schema.md.
public struct Exporter: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// One record per revision, with its text.
        case revisions
        /// One record per sentence change between a revision and the one captured before it.
        case changes
        /// One record per fact of each revision, and per fact a revision dropped.
        case facts
    }

    public struct Options: Sendable {
        public var kind: Kind = .revisions
        public var jsonLines = true
        /// Track names (full, or a last segment); empty: every track.
        public var tracks: [String] = []
        /// Revisions captured at or after this time only.
        public var since: Date?
        public init() {}
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    /// Writes the records; returns how many.
    public func run(_ repository: RepositoryLocation, to output: FileHandle) throws -> Int {
        let store = try repository.open()
        let tracks = options.tracks.isEmpty ? try store.trackNames()
            : try options.tracks.map { name in try store.resolveTrack(name) }
        let writer = RecordWriter(output, format: options.jsonLines ? .jsonl : .csv)
        for track in tracks {
            // In capture order, as `diff TRACK` compares them.
            let revisions = try store.revisions(of: track).enumerated()
                .sorted { ($0.element.captured, $0.offset) < ($1.element.captured, $1.offset) }.map(\.element)
            let filter = options.kind == .revisions ? nil : try StoryHistory.filter(for: track, store: store)
            var previous: (revision: Revision, text: String, facts: [Fact]?)? = nil
            for revision in revisions {
                let wanted = options.since.map { revision.captured >= $0 } ?? true
                // Changes and facts need the revision before the first one exported.
                guard wanted || options.kind != .revisions else { continue }
                let text = try store.text(of: revision)
                switch options.kind {
                case .revisions:
                    writer.write(Self.revisionRecord(revision, text: text))
                case .changes:
                    if wanted, let previous { Self.changes(from: previous.revision, previous.text, to: revision, text, ignoring: filter!, into: writer) }
                    previous = (revision, text, nil)
                case .facts:
                    let facts = FactExtractor.extract(from: SentenceSegmenter.segment(text), reference: ReferenceDay.of(revision))
                    if wanted { Self.facts(facts, of: revision, previous: previous.map { ($0.revision, $0.facts ?? []) }, into: writer) }
                    previous = (revision, text, facts)
                }
            }
        }
        writer.finish(columns: Self.columns(options.kind))
        return writer.count
    }

    // MARK: Records

    static func columns(_ kind: Kind) -> [String] {
        switch kind {
        case .revisions: revisionRecord(nil, text: "").fields.map(\.name)
        case .changes: changeRecord(track: "", old: nil, new: nil, op: "", kind: nil, oldIndex: nil, newIndex: nil,
                                    oldText: nil, newText: nil, words: nil).fields.map(\.name)
        case .facts: factRecord(track: "", revision: nil, change: "", fact: nil, previous: nil).fields.map(\.name)
        }
    }

    static func revisionRecord(_ revision: Revision?, text: String) -> Record {
        var record = Record()
        record.add("track", revision?.track.rawValue)
        record.add("revision", revision?.number)
        record.add("id", revision?.id.hex)
        record.add("captured", revision.map { CaptureTime.format($0.captured) })
        record.add("title", revision?.title)
        record.add("url", revision?.metadata.url)
        record.add("published", revision?.metadata.page?.published)
        record.add("bytes", revision?.metadata.bytes)
        record.add("text", revision == nil ? nil : text)
        return record
    }

    static func changes(from old: Revision, _ oldText: String, to new: Revision, _ newText: String,
                        ignoring filter: SentenceFilter, into writer: RecordWriter) {
        // As `diff` compares them: an edit that changed a fact is a `fact` edit.
        let comparison = DiffRequest(level: .word, ignore: filter)
            .compare(TextSource(label: old.spec, text: oldText, revision: old), TextSource(label: new.spec, text: newText, revision: new))
            .comparison
        for change in comparison.changes where change.operation != .equal {
            func text(_ range: Range<Int>?, _ side: SegmentedText) -> String? {
                range.map { $0.map { side.sentences[$0].normalized }.joined(separator: " ") }
            }
            writer.write(changeRecord(track: new.track.rawValue, old: old, new: new, op: change.operation.rawValue,
                                      kind: change.editKind?.rawValue, oldIndex: change.old?.lowerBound, newIndex: change.new?.lowerBound,
                                      oldText: text(change.old, comparison.old), newText: text(change.new, comparison.new),
                                      words: change.words.isEmpty ? nil : WordChanges.line(change.words)))
        }
    }

    static func changeRecord(track: String, old: Revision?, new: Revision?, op: String, kind: String?, oldIndex: Int?, newIndex: Int?,
                             oldText: String?, newText: String?, words: String?) -> Record {
        var record = Record()
        record.add("track", track)
        record.add("old_revision", old?.number)
        record.add("new_revision", new?.number)
        record.add("captured", new.map { CaptureTime.format($0.captured) })
        record.add("op", op)
        record.add("kind", kind)
        record.add("old_sentence", oldIndex)
        record.add("new_sentence", newIndex)
        record.add("old_text", oldText)
        record.add("new_text", newText)
        record.add("words", words)
        return record
    }

    /// Each fact of a revision, with how it relates to the revision before
    /// (`first`, `unchanged`, `changed`, `added`), then the facts it dropped (`removed`).
    static func facts(_ facts: [Fact], of revision: Revision, previous: (revision: Revision, facts: [Fact])?, into writer: RecordWriter) {
        guard let previous else {
            for fact in facts { writer.write(factRecord(track: revision.track.rawValue, revision: revision, change: "first", fact: fact, previous: nil)) }
            return
        }
        let comparison = FactComparison(old: previous.facts, new: facts, mode: .versions)
        var removed: [Fact] = []
        var byNew: [Fact: FactComparison.Entry] = [:]
        for entry in comparison.entries {
            if let new = entry.new { byNew[new] = entry } else if let old = entry.old { removed.append(old) }
        }
        for fact in facts {
            let entry = byNew[fact]
            writer.write(factRecord(track: revision.track.rawValue, revision: revision, change: entry?.relation.rawValue ?? "added",
                                    fact: fact, previous: entry?.old))
        }
        for fact in removed {
            writer.write(factRecord(track: revision.track.rawValue, revision: revision, change: "removed", fact: nil, previous: fact))
        }
    }

    static func factRecord(track: String, revision: Revision?, change: String, fact: Fact?, previous: Fact?) -> Record {
        let shown = fact ?? previous
        var record = Record()
        record.add("track", track)
        record.add("revision", revision?.number)
        record.add("captured", revision.map { CaptureTime.format($0.captured) })
        record.add("change", change)
        record.add("kind", shown?.kind.rawValue)
        record.add("text", fact?.text)
        record.add("value", fact.map(value))
        record.add("previous_value", previous.map(value))
        record.add("sentence", fact?.sentence)
        record.add("start", fact?.start)
        record.add("end", fact?.end)
        record.add("qualifier", fact?.qualifier)
        record.add("counted", fact?.subject)
        record.add("unit", fact?.unit)
        record.add("speaker", fact?.speaker)
        record.add("title", fact?.title)
        record.add("acronym", fact?.acronym)
        record.add("verb", fact?.verb)
        return record
    }

    /// What a fact says, as the timeline compares it: a date's resolved value, else the normalized value.
    static func value(_ fact: Fact) -> String { fact.resolved ?? fact.value }
}
