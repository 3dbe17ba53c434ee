import Foundation

/// Capture times as revtrack reads and writes them: ISO 8601, UTC, whole seconds.
///
/// The canonical form is formatted and parsed by hand: `log` reads one stamp per
/// revision, and creating a Foundation date formatter costs ~100 µs each.
public enum CaptureTime {
    /// `2024-05-15T09:30:00Z`.
    public static func format(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = UTCCalendar.civil(fromDays: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
        return "\(paddedYear)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }

    /// Accepts what people type for `--date`: a full timestamp with `Z` or an
    /// offset (fractional seconds allowed), `YYYY-MM-DDTHH:MM` (UTC), or a bare
    /// date (midnight UTC). Returns nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let date = parseCanonical(text) { return date }
        // Foundation's parsers roll 2023-02-29 over to March 1 and accept 24:00:
        // check the calendar fields first.
        guard fieldsAreValid(text), offsetIsValid(text) else { return nil }
        if let date = formatter(withFractionalSeconds: false).date(from: text) { return date }
        if let date = formatter(withFractionalSeconds: true).date(from: text) { return date }
        let utc = TimeZone(identifier: "UTC")!
        for pattern in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = utc
            formatter.dateFormat = pattern
            formatter.isLenient = false
            if let date = formatter.date(from: text), formatter.string(from: date) == text { return date }
        }
        return nil
    }

    /// The moments a git commit can carry: its time is an unsigned 32-bit
    /// count of seconds in practice (git and libgit2 wrap earlier or later
    /// ones), so revtrack refuses to store a capture time outside it.
    public static let storable: ClosedRange<Date> =
        Date(timeIntervalSince1970: 0)...Date(timeIntervalSince1970: TimeInterval(UInt32.max))

    /// A UTC offset at the end ("+05:30", "-0800") must be a real one: at most 14 hours, minutes under 60.
    private static func offsetIsValid(_ text: String) -> Bool {
        guard text.count > 10 else { return true }
        let time = text.dropFirst(10)
        guard let sign = time.lastIndex(where: { $0 == "+" || $0 == "-" }) else { return true }
        let digits = time[time.index(after: sign)...].filter(\.isNumber)
        guard digits.count == 4 || digits.count == 2, let hours = Int(digits.prefix(2)) else { return false }
        let minutes = digits.count == 4 ? Int(digits.suffix(2)) ?? 99 : 0
        return hours <= 14 && minutes < 60
    }

    /// Truncates to whole seconds, the precision git keeps.
    public static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` exactly, as `format` writes it.
    static func parseCanonical(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
              bytes[16] == 0x3A, bytes[19] == 0x5A else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), day >= 1, UTCCalendar.isDay(year, month, day),
              hour < 24, minute < 60, second < 60 else { return nil }
        let days = UTCCalendar.days(year, month, day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + Int64(hour * 3600 + minute * 60 + second)))
    }

    /// Whether the leading `YYYY-MM-DD` and an optional `THH:MM[:SS]` name a real moment.
    private static func fieldsAreValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<(start + count)] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              (1...12).contains(month), day >= 1, UTCCalendar.isDay(year, month, day) else { return false }
        if bytes.count > 10 {
            guard let hour = number(11, 2), let minute = number(14, 2), hour < 24, minute < 60 else { return false }
            if bytes.count > 16, bytes[16] == 0x3A {
                guard let second = number(17, 2), second < 60 else { return false }
            }
        }
        return true
    }

    private static func formatter(withFractionalSeconds: Bool) -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = withFractionalSeconds
            ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter
    }
}

/// Calendar days in UTC through the C library's `timegm`/`gmtime_r`, so
/// storage keeps no calendar arithmetic of its own.
enum UTCCalendar {
    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func days(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        var fields = tm()
        fields.tm_year = Int32(year - 1900)
        fields.tm_mon = Int32(month - 1)
        fields.tm_mday = Int32(day)
        fields.tm_hour = 12
        let seconds = Int64(timegm(&fields))
        return (seconds - 43_200) / 86_400
    }

    static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        var seconds = time_t(days * 86_400 + 43_200)
        var fields = tm()
        gmtime_r(&seconds, &fields)
        return (Int(fields.tm_year) + 1900, Int(fields.tm_mon) + 1, Int(fields.tm_mday))
    }

    /// Whether the fields name a real day (2023-02-29 does not).
    static func isDay(_ year: Int, _ month: Int, _ day: Int) -> Bool {
        guard (1...12).contains(month), (1...31).contains(day) else { return false }
        return civil(fromDays: days(year, month, day)) == (year, month, day)
    }
}
