import Foundation

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

    public init(track: String, title: String?, url: String?, captured: Date, bytes: Int, revision: Int) {
        self.track = track
        self.title = title
        self.url = url
        self.captured = captured
        self.bytes = bytes
        self.revision = revision
    }

    enum CodingKeys: String, CodingKey {
        case track, title, url, captured, bytes, revision
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        track = try container.decode(String.self, forKey: .track)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        let stamp = try container.decode(String.self, forKey: .captured)
        guard let date = CaptureTime.parse(stamp) else {
            throw DecodingError.dataCorruptedError(forKey: .captured, in: container,
                                                   debugDescription: "not an ISO 8601 time: \(stamp)")
        }
        captured = date
        bytes = try container.decode(Int.self, forKey: .bytes)
        revision = try container.decode(Int.self, forKey: .revision)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(track, forKey: .track)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encode(CaptureTime.format(captured), forKey: .captured)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(revision, forKey: .revision)
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

/// Capture times as revtrack reads and writes them: ISO 8601, UTC, whole seconds.
public enum CaptureTime {
    /// `2024-05-15T09:30:00Z`.
    public static func format(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        return formatter(withFractionalSeconds: false).string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// Accepts what people type for `--date`: a full timestamp with `Z` or an
    /// offset (fractional seconds allowed), `YYYY-MM-DDTHH:MM` (UTC), or a bare
    /// date (midnight UTC). Returns nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
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

    private static func formatter(withFractionalSeconds: Bool) -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = withFractionalSeconds
            ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter
    }
}
