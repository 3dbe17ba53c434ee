import ArgumentParser
import Foundation
import RevtrackCore
import RevtrackFacts
import RevtrackStorage

/// A track's revisions read once and followed sentence by sentence and fact
/// by fact: what `log --stat`, `blame` and `timeline` share.
struct StoryHistory {
    let revisions: [Revision]
    let sentences: SentenceHistory
    let facts: FactTimeline

    /// - Parameter revisions: consecutive revisions of one track, oldest first; at least one.
    init(_ revisions: [Revision], store: RevisionStore) throws {
        self.revisions = revisions
        let sentences = SentenceHistory(revisions: try revisions.map { try store.text(of: $0) })
        self.sentences = sentences
        facts = FactTimeline(revisions: revisions.indices.map { index in
            let revision = revisions[index]
            return FactTimeline.Revision(
                number: revision.number, date: CaptureTime.format(revision.captured),
                facts: FactExtractor.extract(from: sentences.segmented[index], reference: civilDate(revision.captured)),
                alignment: index > 0 ? sentences.alignments[index - 1] : [:])
        })
    }
}

/// `--since` / `--until`: a revision number (`12`, `@12`) or a capture date or time.
struct RevisionBound: ExpressibleByArgument {
    enum Value { case number(Int), time(Date) }
    let value: Value
    /// A bare date as an upper bound means the whole day.
    let isBareDate: Bool

    init?(argument: String) {
        let digits = argument.hasPrefix("@") ? String(argument.dropFirst()) : argument
        if let number = Int(digits), number > 0, digits.allSatisfy(\.isASCII) {
            value = .number(number); isBareDate = false
        } else if let date = CaptureTime.parse(argument) {
            value = .time(date); isBareDate = argument.trimmingCharacters(in: .whitespaces).count == 10
        } else {
            return nil
        }
    }

    static var defaultValueDescription: String { "N, @N or a date" }
}

/// Restricts a listing to a range of revisions.
struct RevisionRangeOptions: ParsableArguments {
    @Option(help: "Start at this revision: a number (12 or @12) or a capture date or time (2024-05-15, 2024-05-15T09:30Z).")
    var since: RevisionBound?

    @Option(help: "End at this revision: a number or a capture date or time (a bare date includes the whole day).")
    var until: RevisionBound?

    func contains(_ revision: Revision) -> Bool {
        if let since {
            switch since.value {
            case .number(let number): if revision.number < number { return false }
            case .time(let date): if revision.captured < date { return false }
            }
        }
        if let until {
            switch until.value {
            case .number(let number): if revision.number > number { return false }
            case .time(let date): if revision.captured >= date.addingTimeInterval(until.isBareDate ? 86_400 : 1) { return false }
            }
        }
        return true
    }

    /// The revisions in range; an error when none is.
    func select(_ revisions: [Revision], track: String) throws -> [Revision] {
        let selected = revisions.filter(contains)
        guard !selected.isEmpty else { throw CommandFailure("no revision of '\(track)' is in the range given by --since/--until") }
        return selected
    }
}
