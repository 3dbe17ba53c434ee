import Foundation
import RevtrackText

/// One stored capture of a track's text, as `log`, `show` and `diff` see it.
public struct Revision: Hashable, Sendable {
    public let track: TrackName
    /// 1-based position on the track's first-parent chain: `TRACK@N`.
    public let number: Int
    public let id: ObjectID
    public let metadata: RevisionMetadata

    public var captured: Date { metadata.captured }
    public var title: String? { metadata.title }

    /// `karabakh/reuters@3`: how people and other commands name this revision.
    public var spec: String { "\(track)@\(number)" }
}

/// What `meta.json` holds beside the text. Its fields are part of the
/// repository format: other tools read it with plain git.
public struct RevisionMetadata: Hashable, Sendable, Codable {
    public var track: String
    public var title: String?
    public var url: String?
    /// Capture time, whole seconds, UTC (the commit time carries the same value).
    public var captured: Date
    /// Size of `text.txt` in bytes.
    public var bytes: Int
    /// Position on the track when the commit was made. A commit's ancestry never
    /// changes, so this stays true; it spares `add` a walk of the whole history.
    public var revision: Int
    /// How the page was fetched, for revisions captured from a URL.
    public var page: PageProvenance?

    public init(track: String, title: String?, url: String?, captured: Date, bytes: Int, revision: Int,
                page: PageProvenance? = nil) {
        self.track = track
        self.title = title
        self.url = url
        self.captured = captured
        self.bytes = bytes
        self.revision = revision
        self.page = page
    }

    enum CodingKeys: String, CodingKey {
        case track, title, url, captured, bytes, revision, page
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        track = try container.decode(String.self, forKey: .track)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        captured = try container.decodeCaptureTime(forKey: .captured)
        bytes = try container.decode(Int.self, forKey: .bytes)
        revision = try container.decode(Int.self, forKey: .revision)
        page = try container.decodeIfPresent(PageProvenance.self, forKey: .page)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(track, forKey: .track)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encode(CaptureTime.format(captured), forKey: .captured)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(revision, forKey: .revision)
        try container.encodeIfPresent(page, forKey: .page)
    }

    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [0x0A]
    }

    static func decode(_ bytes: [UInt8]) throws -> RevisionMetadata {
        try JSONDecoder().decode(RevisionMetadata.self, from: Data(bytes))
    }
}

extension KeyedDecodingContainer {
    /// A time as revtrack writes it in JSON (`CaptureTime`), or an error naming the bad stamp.
    func decodeCaptureTime(forKey key: Key) throws -> Date {
        let stamp = try decode(String.self, forKey: key)
        guard let date = CaptureTime.parse(stamp) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not an ISO 8601 time: \(stamp)")
        }
        return date
    }
}

/// Where a captured text came from, kept so that an auditor can tell what the
/// server said, not only what revtrack extracted: the answer's status, where
/// redirects ended, and the times the page itself claims (which publishers
/// change silently, too).
public struct PageProvenance: Hashable, Sendable, Codable {
    /// The HTTP status of the answer the text was extracted from.
    public var status: Int
    /// The URL after redirects, when it differs from the requested one.
    public var finalURL: String?
    /// The page's own published and modified times, exactly as it states them.
    public var published: String?
    public var modified: String?
    /// The CSS selector the text was extracted with, if any.
    public var selector: String?
    /// Whether the raw page is stored beside the text as `source.html`.
    public var keptHTML: Bool?

    public init(status: Int, finalURL: String? = nil, published: String? = nil, modified: String? = nil,
                selector: String? = nil, keptHTML: Bool? = nil) {
        self.status = status
        self.finalURL = finalURL
        self.published = published
        self.modified = modified
        self.selector = selector
        self.keptHTML = keptHTML
    }
}

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
        let date = CivilDate(dayNumber: Int(days))
        let (year, month, day) = (date.year, date.month, date.day)
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
        guard fieldsAreValid(text) else { return nil }
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
              (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year, month),
              hour < 24, minute < 60, second < 60 else { return nil }
        let days = Int64(CivilDate(year: year, month: month, day: day).dayNumber)
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
              (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year, month) else { return false }
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
