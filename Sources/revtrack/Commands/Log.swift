import ArgumentParser
import Foundation
import RevtrackRender
import RevtrackStorage
import RevtrackStory
import RevtrackWatch

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List a track's revisions, newest first.")

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The track.")
    var track: String

    @OptionGroup var output: OutputOptions<ListFormat>

    @Flag(help: "Add each revision's changes against the one before: sentences added, removed, modified, moved, and facts changed, added, removed.")
    var stat = false

    @Flag(help: "With --stat, count changes to page furniture too (left out by default, as are 'revtrack ignore' rules).")
    var showFurniture = false

    @Flag(help: "Also list failed captures (HTTP errors, timeouts, paywall stubs) and removals that 'watch' recorded, among the revisions.")
    var captures = false

    @OptionGroup var range: RevisionRangeOptions

    func run() throws {
        let store = try repository.location.open()
        switch try subject(store) {
        case .captureLogOnly(let events):
            try show([], stats: [:], events: events.reversed())
        case .track(let name):
            let all = try store.revisions(of: name)
            let oldestFirst = try range.range.select(all, track: name.description)
            // One pass over consecutive revisions, each text read, segmented and
            // compared once; the revision before the range gives its first one a stat too.
            let stats = stat ? try StoryHistory.load(oldestFirst, of: all, store: store, withPrevious: true,
                                                     ignoring: try StoryHistory.filter(for: name, store: store,
                                                                                       showFurniture: showFurniture)).steps : [:]
            // Capture events inside the listed range of time.
            var events: [CaptureEvent] = []
            if captures {
                let after = oldestFirst[0].number > 1 ? all[oldestFirst[0].number - 2].captured : Date.distantPast
                let until = oldestFirst.last!.number < all.count ? all[oldestFirst.last!.number].captured : Date.distantFuture
                events = try store.captureEvents(of: name).filter { $0.time >= after && $0.time < until }
            }
            try show(oldestFirst.reversed(), stats: stats, events: events.reversed())
        }
    }

    private enum Subject {
        case track(TrackName)
        /// A watched page never captured: a capture log and no revisions.
        case captureLogOnly([CaptureEvent])
    }

    private func subject(_ store: RevisionStore) throws -> Subject {
        do { return .track(try store.resolveTrack(track)) } catch StorageError.unknownTrack(let name, let known) {
            let events = captures ? try store.captureEvents(of: try TrackName(track)) : []
            guard !events.isEmpty else { throw StorageError.unknownTrack(name, known: known) }
            return .captureLogOnly(events)
        }
    }

    /// Prints revisions and capture events, both newest first.
    private func show(_ revisions: [Revision], stats: [Int: StoryHistory.Step], events: [CaptureEvent]) throws {
        switch output.format {
        case .json:
            let entries = revisions.map { Entry(revision: RevisionJSON($0), stat: stats[$0.number]) }
            if captures {
                try output.emitJSON(WithCaptures(revisions: entries, captures: events))
            } else {
                try output.emitJSON(entries)
            }
        case .text:
            var text = ""
            var events = events[...]
            let width = String(revisions.first?.number ?? 1).count + 1
            for revision in revisions {
                while let event = events.first, event.time >= revision.captured {
                    text += Self.captureLine(event, width: width) + "\n"
                    events.removeFirst()
                }
                let number = "@\(revision.number)".padding(toLength: width, withPad: " ", startingAt: 0)
                let title = revision.title.map(safe) ?? "(untitled)"
                var line = "\(number)  \(revision.id.short)  \(CaptureTime.format(revision.captured))  \(title)  (\(revision.metadata.bytes.grouped) bytes)"
                if stat {
                    if let summary = stats[revision.number] {
                        line += "\n" + String(repeating: " ", count: width + 2) + "| " + ChangeSummary.statLine(summary.sentences, facts: summary.facts)
                    } else {
                        line += "\n" + String(repeating: " ", count: width + 2) + "| first revision"
                    }
                }
                text += line + "\n"
            }
            for event in events { text += Self.captureLine(event, width: width) + "\n" }
            try output.emit(text)
        }
    }

    private struct Entry: Encodable {
        let revision: RevisionJSON
        let stat: StoryHistory.Step?
        func encode(to encoder: any Encoder) throws {
            try revision.encode(to: encoder)
            if let stat {
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(stat, forKey: .stat)
            }
        }
        enum Key: String, CodingKey { case stat }
    }

    private struct WithCaptures: Encodable {
        let revisions: [Entry]
        let captures: [CaptureEvent]
    }

    /// `!  -------  2026-11-23T10:00:00Z  failed: HTTP 503`: a capture that stored nothing.
    static func captureLine(_ event: CaptureEvent, width: Int) -> String {
        let mark = "!".padding(toLength: width, withPad: " ", startingAt: 0)
        return "\(mark)  -------  \(CaptureTime.format(event.time))  \(event.outcome.rawValue): \(safe(event.reason))"
    }
}
