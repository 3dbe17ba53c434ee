import Foundation
import RevtrackStorage

/// A capture that stored nothing, kept so an auditor can see when a story
/// could not be read and when it disappeared.
public struct CaptureEvent: Hashable, Sendable, Codable {
    public enum Outcome: String, Hashable, Sendable, Codable {
        /// DNS, timeout, HTTP error, a binary answer, no article text, a paywall stub.
        case failed
        /// HTTP 404 or 410 after the page had been captured.
        case removed
        /// A stored revision's webhook or command notification that failed every try.
        case notificationFailed = "notification-failed"
    }

    public var track: String
    public var url: String
    public var time: Date
    public var outcome: Outcome
    public var reason: String
    /// The HTTP status, when the server answered.
    public var status: Int?

    public init(track: String, url: String, time: Date, outcome: Outcome, reason: String, status: Int? = nil) {
        self.track = track
        self.url = url
        self.time = CaptureTime.wholeSeconds(time)
        self.outcome = outcome
        self.reason = reason
        self.status = status
    }

    enum CodingKeys: String, CodingKey { case track, url, time, outcome, reason, status }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        track = try container.decode(String.self, forKey: .track)
        url = try container.decode(String.self, forKey: .url)
        let stamp = try container.decode(String.self, forKey: .time)
        guard let time = CaptureTime.parse(stamp) else {
            throw DecodingError.dataCorruptedError(forKey: .time, in: container, debugDescription: "not an ISO 8601 time: \(stamp)")
        }
        self.time = time
        outcome = try container.decode(Outcome.self, forKey: .outcome)
        reason = try container.decode(String.self, forKey: .reason)
        status = try container.decodeIfPresent(Int.self, forKey: .status)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(track, forKey: .track)
        try container.encode(url, forKey: .url)
        try container.encode(CaptureTime.format(time), forKey: .time)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(reason, forKey: .reason)
        try container.encodeIfPresent(status, forKey: .status)
    }
}
