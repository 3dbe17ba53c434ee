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
