import Foundation

/// What `watch` polls: pages (a track and its URL) and feeds whose items
/// become tracks. Kept in the repository (`refs/revtrack/watch`, a commit
/// holding `watch.json`) so that it travels with the archive.
public struct WatchList: Hashable, Sendable, Codable {
    public struct Page: Hashable, Sendable, Codable {
        public var track: String
        public var url: String
        /// The CSS selector the page's text is extracted with.
        public var selector: String?
        /// The feed the page was found in, if any.
        public var feed: String?
        /// Whether each capture also keeps the raw page as `source.html`.
        public var keepHTML: Bool?

        public init(track: String, url: String, selector: String? = nil, feed: String? = nil, keepHTML: Bool? = nil) {
            self.track = track
            self.url = url
            self.selector = selector
            self.feed = feed
            self.keepHTML = keepHTML
        }
    }

    public struct Feed: Hashable, Sendable, Codable {
        /// Prefix of the tracks its items become (`NAME/<slug>`).
        public var name: String
        public var url: String
        /// The selector for the item pages.
        public var selector: String?
        public var keepHTML: Bool?

        public init(name: String, url: String, selector: String? = nil, keepHTML: Bool? = nil) {
            self.name = name
            self.url = url
            self.selector = selector
            self.keepHTML = keepHTML
        }
    }

    public var pages: [Page] = []
    public var feeds: [Feed] = []

    public init(pages: [Page] = [], feeds: [Feed] = []) {
        self.pages = pages
        self.feeds = feeds
    }

    public func page(for track: TrackName) -> Page? { pages.first { $0.track == track.rawValue } }

    /// Adds or replaces the page of `page.track`.
    public mutating func watch(_ page: Page) {
        if let index = pages.firstIndex(where: { $0.track == page.track }) { pages[index] = page } else { pages.append(page) }
    }
}

/// A capture that stored nothing, kept so an auditor can see when a story
/// could not be read and when it disappeared.
public struct CaptureEvent: Hashable, Sendable, Codable {
    public enum Outcome: String, Hashable, Sendable, Codable {
        /// DNS, timeout, HTTP error, a binary answer, no article text, a paywall stub.
        case failed
        /// HTTP 404 or 410 after the page had been captured.
        case removed
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
        time = try container.decodeCaptureTime(forKey: .time)
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

extension RevisionStore {
    static let watchReference = "refs/revtrack/watch"

    static func captureReference(_ track: TrackName) -> String { "refs/revtrack/captures/" + track.rawValue }

    /// The watch list; empty when nothing was ever watched.
    public func watchList() throws(StorageError) -> WatchList {
        guard let tip = try git({ () throws(GitError) in try repository.referenceTarget(Self.watchReference) }) else {
            return WatchList()
        }
        return try document(WatchList.self, named: "watch.json", in: tip)
    }

    /// Changes the watch list as one commit on `refs/revtrack/watch`, by
    /// compare-and-swap like `add`, so concurrent changes are never lost.
    /// Returns the list as written.
    @discardableResult
    public func updateWatchList(_ message: String,
                                _ change: (inout WatchList) -> Void) throws(StorageError) -> WatchList {
        var result = WatchList()
        try appendDocument(to: Self.watchReference, named: "watch.json", message: message, time: Date()) {
            (tip) throws(StorageError) -> WatchList? in
            var before = WatchList()
            if let tip { before = try document(WatchList.self, named: "watch.json", in: tip) }
            var after = before
            change(&after)
            result = after
            return after == before ? nil : after
        }
        return result
    }

    /// Records a capture that stored nothing, on the track's capture log.
    public func recordCapture(_ event: CaptureEvent) throws(StorageError) {
        let track = try TrackName(event.track)
        let line = "\(event.outcome.rawValue): \(event.reason)"
        try appendDocument(to: Self.captureReference(track), named: "capture.json", message: line, time: event.time) {
            (_) throws(StorageError) -> CaptureEvent? in event
        }
    }

    /// The track's most recent failed or removed capture.
    public func lastCaptureEvent(of track: TrackName) throws(StorageError) -> CaptureEvent? {
        guard let tip = try git({ () throws(GitError) in try repository.referenceTarget(Self.captureReference(track)) }) else {
            return nil
        }
        return try document(CaptureEvent.self, named: "capture.json", in: tip)
    }

    /// The track's failed and removed captures, oldest first.
    public func captureEvents(of track: TrackName) throws(StorageError) -> [CaptureEvent] {
        let tip = try git { () throws(GitError) in try repository.referenceTarget(Self.captureReference(track)) }
        var events: [CaptureEvent] = []
        for commit in try firstParentChain(from: tip, what: { "capture log commit \($0.short)" }).reversed() {
            events.append(try document(CaptureEvent.self, named: "capture.json", in: commit.id))
        }
        return events
    }

    // MARK: - Internals

    func document<T: Decodable>(_ type: T.Type, named name: String, in id: ObjectID) throws(StorageError) -> T {
        let commit = try read("commit \(id.short)") { () throws(GitError) in try repository.commit(id) }
        let bytes = try entry(name, of: commit)
        do { return try JSONDecoder().decode(T.self, from: Data(bytes)) } catch {
            throw .damagedRepository(path: path, detail: "\(name) of commit \(id.short) is not valid: \(error)")
        }
    }

    /// Appends a commit holding one JSON document to `reference`, retrying on
    /// a lost race with the document `make` builds from the new tip; `make`
    /// returning nil writes nothing.
    private func appendDocument<T: Encodable>(to reference: String, named name: String, message: String, time: Date,
                                              _ make: (ObjectID?) throws(StorageError) -> T?) throws(StorageError) {
        try updateReference(reference) { (tip) throws(StorageError) -> ReferenceStep<Void> in
            guard let value = try make(tip) else { return .done(()) }
            return .move(to: try documentCommit(value, named: name, message: message, time: time, parent: tip),
                         log: "revtrack: \(message)", then: ())
        }
    }

    /// Writes a commit whose tree holds one JSON document, without moving any reference.
    func documentCommit<T: Encodable>(_ value: T, named name: String, message: String, time: Date,
                                      parent: ObjectID?) throws(StorageError) -> ObjectID {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let bytes: [UInt8]
        do { bytes = Array(try encoder.encode(value)) + [0x0A] } catch {
            throw .invalidText("cannot encode \(name): \(error)")
        }
        return try git { () throws(GitError) in
            let blob = try repository.writeBlob(bytes)
            let tree = try repository.writeTree([(name, blob)])
            return try repository.writeCommit(tree: tree, parent: parent, message: message + "\n",
                                              time: Int64(time.timeIntervalSince1970),
                                              authorName: "revtrack", authorEmail: "revtrack@localhost")
        }
    }
}
