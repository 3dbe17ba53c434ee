import Foundation
import RevtrackStorage

/// One end of a range of revisions: a revision number (`12`, `@12`) or a
/// capture date or time.
public struct RevisionBound: Sendable, Hashable {
    public enum Value: Sendable, Hashable { case number(Int), time(Date) }
    public let value: Value
    /// A bare date as an upper bound means the whole day.
    public let isBareDate: Bool

    public init?(_ text: String) {
        let digits = text.hasPrefix("@") ? String(text.dropFirst()) : text
        if let number = Int(digits), number > 0, digits.allSatisfy(\.isASCII) {
            value = .number(number); isBareDate = false
        } else if let date = CaptureTime.parse(text) {
            value = .time(date); isBareDate = text.trimmingCharacters(in: .whitespaces).count == 10
        } else {
            return nil
        }
    }
}

/// The revisions `--since`/`--until` select, both ends included.
public struct RevisionRange: Sendable, Hashable {
    public var since: RevisionBound?
    public var until: RevisionBound?

    public init(since: RevisionBound? = nil, until: RevisionBound? = nil) {
        self.since = since
        self.until = until
    }

    public func contains(_ revision: Revision) -> Bool {
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
    public func select(_ revisions: [Revision], track: String) throws -> [Revision] {
        let selected = revisions.filter(contains)
        guard !selected.isEmpty else { throw StoryError("no revision of '\(track)' is in the range given by --since/--until") }
        return selected
    }
}
