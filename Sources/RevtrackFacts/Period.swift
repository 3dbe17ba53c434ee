import RevtrackCore
import RevtrackText

/// The span of days a resolved date covers: a day, an ISO week, a month, a quarter, a season, a year or a decade.
struct Period {
    let first: Int
    let last: Int

    init?(_ resolved: String) {
        let parts = resolved.split(separator: "-").map(String.init)
        func day(_ y: Int, _ m: Int, _ d: Int) -> Int { CivilDate(year: y, month: m, day: d).dayNumber }
        if resolved.hasSuffix("s"), let decade = Int(resolved.dropLast()) {
            first = day(decade, 1, 1); last = day(decade + 10, 1, 1) - 1; return
        }
        guard let year = Int(parts[0]) else { return nil }
        switch parts.count {
        case 1: first = day(year, 1, 1); last = day(year + 1, 1, 1) - 1
        case 2:
            if let month = Int(parts[1]) {
                first = day(year, month, 1)
                last = (month == 12 ? day(year + 1, 1, 1) : day(year, month + 1, 1)) - 1
            } else if parts[1].hasPrefix("W"), let week = Int(parts[1].dropFirst()) {
                // ISO 8601 week: its Monday is the one of the week holding January 4, plus the weeks before.
                let fourth = CivilDate(year: year, month: 1, day: 4)
                first = fourth.dayNumber - (fourth.weekday + 5) % 7 + 7 * (week - 1)
                last = first + 6
            } else if parts[1].hasPrefix("Q"), let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) {
                first = day(year, 3 * quarter - 2, 1)
                last = (quarter == 4 ? day(year + 1, 1, 1) : day(year, 3 * quarter + 1, 1)) - 1
            } else if let start = Grammar.seasons[parts[1]] {
                first = day(year, start, 1)
                let end = start + 3
                last = (end > 12 ? day(year + 1, end - 12, 1) : day(year, end, 1)) - 1
            } else { return nil }
        case 3:
            guard let month = Int(parts[1]), let d = Int(parts[2]) else { return nil }
            first = day(year, month, d); last = first
        default: return nil
        }
    }

    func overlaps(_ other: Period) -> Bool { first <= other.last && other.first <= last }
}

extension Fact {
    /// The days a date fact covers, as `CivilDate.dayNumber`s: whether a
    /// planned event's day lies before or after another text's capture.
    public var days: ClosedRange<Int>? {
        guard kind == .date, let period = resolved.flatMap(Period.init) else { return nil }
        return period.first...period.last
    }
}
