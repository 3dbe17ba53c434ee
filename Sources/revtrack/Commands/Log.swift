import ArgumentParser
import Foundation
import RevtrackCore
import RevtrackFacts
import RevtrackStorage

struct Log: ParsableCommand {
    /// `+2 added, -1 removed, ~3 modified, >1 moved`, like `git log --stat` reads for code.
    static func statLine(_ summary: DocumentComparison.Summary, facts: FactTimeline.Step) -> String {
        var parts: [String] = []
        if summary.added > 0 { parts.append("+\(summary.added) added") }
        if summary.removed > 0 { parts.append("-\(summary.removed) removed") }
        if summary.modified > 0 { parts.append("~\(summary.modified) modified") }
        if summary.moved > 0 { parts.append(">\(summary.moved) moved") }
        var line = summary.hasDifferences ? parts.joined(separator: ", ") : "no sentence changes"
        var factParts: [String] = []
        if facts.changed > 0 { factParts.append("\(facts.changed) changed") }
        if facts.added > 0 { factParts.append("\(facts.added) added") }
        if facts.removed > 0 { factParts.append("\(facts.removed) removed") }
        if !factParts.isEmpty { line += " · facts: " + factParts.joined(separator: ", ") }
        return line
    }

    static let configuration = CommandConfiguration(abstract: "List a track's revisions, newest first.")

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The track.")
    var track: String

    @Option(help: "Output format: text or json.")
    var format: ListFormat = .text

    @Flag(help: "Add each revision's changes against the one before: sentences added, removed, modified, moved, and facts changed, added, removed.")
    var stat = false

    @Flag(help: "Also list failed captures (HTTP errors, timeouts, paywall stubs) and removals that 'watch' recorded, among the revisions.")
    var captures = false

    @OptionGroup var range: RevisionRangeOptions

    func run() throws {
        let store = try repository.open()
        switch try subject(store) {
        case .captureLogOnly(let events):
            try output([], stats: [:], events: events.reversed())
        case .track(let name):
            let all = try store.revisions(of: name)
            let oldestFirst = try range.select(all, track: name.description)
            var stats: [Int: Stat] = [:]
            if stat {
                // One pass over consecutive revisions, each text read, segmented and
                // compared once; the revision before the range gives its first one a stat too.
                let before = oldestFirst[0].number > 1 ? [all[oldestFirst[0].number - 2]] : []
                let history = try StoryHistory(before + oldestFirst, store: store)
                for (index, step) in history.sentences.steps.enumerated() {
                    stats[history.revisions[index + 1].number] = Stat(sentences: step, facts: history.facts.steps[index])
                }
            }
            // Capture events inside the listed range of time.
            var events: [CaptureEvent] = []
            if captures {
                let after = oldestFirst[0].number > 1 ? all[oldestFirst[0].number - 2].captured : Date.distantPast
                let until = oldestFirst.last!.number < all.count ? all[oldestFirst.last!.number].captured : Date.distantFuture
                events = try store.captureEvents(of: name).filter { $0.time >= after && $0.time < until }
            }
            try output(oldestFirst.reversed(), stats: stats, events: events.reversed())
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
    private func output(_ revisions: [Revision], stats: [Int: Stat], events: [CaptureEvent]) throws {
        switch format {
        case .json:
            let entries = revisions.map { Entry(revision: RevisionJSON($0), stat: stats[$0.number]) }
            if captures {
                try printJSON(WithCaptures(revisions: entries, captures: events))
            } else {
                try printJSON(entries)
            }
        case .text:
            var events = events[...]
            let width = String(revisions.first?.number ?? 1).count + 1
            for revision in revisions {
                while let event = events.first, event.time >= revision.captured {
                    print(Self.captureLine(event, width: width))
                    events.removeFirst()
                }
                let number = "@\(revision.number)".padding(toLength: width, withPad: " ", startingAt: 0)
                let title = revision.title.map(safe) ?? "(untitled)"
                var line = "\(number)  \(revision.id.short)  \(CaptureTime.format(revision.captured))  \(title)  (\(revision.metadata.bytes.grouped) bytes)"
                if stat {
                    if let summary = stats[revision.number] {
                        line += "\n" + String(repeating: " ", count: width + 2) + "| " + Self.statLine(summary.sentences, facts: summary.facts)
                    } else {
                        line += "\n" + String(repeating: " ", count: width + 2) + "| first revision"
                    }
                }
                print(line)
            }
            for event in events { print(Self.captureLine(event, width: width)) }
        }
    }

    private struct Entry: Encodable {
        let revision: RevisionJSON
        let stat: Stat?
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

    /// One revision's changes against the one before, as `--stat` shows them.
    struct Stat: Encodable {
        let sentences: DocumentComparison.Summary
        let facts: FactTimeline.Step

        /// The sentence counts at the top level (as before facts were counted), facts inside.
        func encode(to encoder: any Encoder) throws {
            try sentences.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(facts, forKey: .facts)
        }
        enum Key: String, CodingKey { case facts }
    }
}
