import Foundation
import RevtrackCapture
import RevtrackCore
import RevtrackStorage
import RevtrackStory

/// How politely and how strictly `watch` polls.
public struct WatchSettings: Sendable {
    public var timeout: TimeInterval = 30
    /// Pause between two requests to the same host.
    public var hostDelay: TimeInterval = 2
    /// Requests in flight at most.
    public var concurrency = 4
    public var maximumBytes = PageFetcher.defaultMaximumBytes
    /// First back-off after a host fails; doubled per failure in a row, up to `maximumBackoff`.
    public var backoff: TimeInterval = 60
    public var maximumBackoff: TimeInterval = 6 * 3600
    /// A text shorter than this share of the last revision is taken for a
    /// paywall or error stub, not a new version of the article…
    public var stubRatio = 0.4
    /// …when the last revision had at least this many bytes.
    public var stubMinimumBytes = 1000

    public init() {}
}

/// What one poll of one page or feed came to.
public enum WatchEvent: Sendable {
    /// A new revision; `previous` is nil for a track's first.
    /// `summary` leaves out page furniture and ignored lines: no differences
    /// there means the revision changed only those (NewsDiffs calls it boring).
    case stored(Revision, previous: Revision?, summary: DocumentComparison.Summary)
    /// The text is the same (or differs only in white space); `notModified`: the server said 304.
    case unchanged(track: String, notModified: Bool)
    /// `repeated`: the same failure as the last one recorded, with no revision
    /// since; not written again, so a dead link does not grow the log each round.
    case failed(CaptureEvent, repeated: Bool)
    /// 404/410 after earlier captures; `repeated`: already recorded, not written again.
    case removed(CaptureEvent, repeated: Bool)
    case backingOff(track: String, host: String, until: Date)
    case discovered(feed: String, page: WatchList.Page)
    case feedFailed(feed: String, url: String, reason: String)
}

/// One round of `watch`: poll the feeds (new items become watched pages),
/// then every watched page, and store a revision only when the article's
/// text changed. Failures are recorded in the track's capture log, never
/// stored as revisions.
///
/// Writes happen under `writeGate`, so whoever holds it (the Ctrl-C handler)
/// knows no revision is half-written.
// `@unchecked Sendable`: `state`, `scheduler`, `stopped`, `done` and
// `total` are touched only under `lock`; the rest is immutable.
public final class Watcher: @unchecked Sendable {
    public static let writeGate = NSLock()

    private let repositoryPath: String
    private let settings: WatchSettings
    private let report: @Sendable (WatchEvent) -> Void
    private let progress: @Sendable (_ done: Int, _ total: Int, _ current: String) -> Void
    private let lock = NSLock()
    private var state: WatchState
    private var scheduler: HostScheduler<Job>?
    private var stopped = false
    private var done = 0, total = 0

    enum Job: Sendable {
        case page(WatchList.Page)
        case feed(WatchList.Feed)
    }

    public init(repository: String, settings: WatchSettings,
                report: @escaping @Sendable (WatchEvent) -> Void,
                progress: @escaping @Sendable (Int, Int, String) -> Void = { _, _, _ in }) {
        repositoryPath = repository
        self.settings = settings
        self.report = report
        self.progress = progress
        state = WatchState.load(from: repository)
    }

    /// Abandons the jobs not yet started; the running ones finish.
    public func stop() {
        lock.lock()
        stopped = true
        let scheduler = scheduler
        lock.unlock()
        scheduler?.stop()
    }

    /// Saves validators and host health (also what the Ctrl-C handler calls).
    public func saveState() {
        lock.lock()
        defer { lock.unlock() }
        state.save(to: repositoryPath)
    }

    /// Polls every feed, then every page, once.
    public func round() throws(StorageError) {
        let store = try RevisionStore.open(at: repositoryPath)
        let feeds = try store.watchList().feeds
        run(feeds.map(Job.feed))
        if isStopped { return }
        run(try store.watchList().pages.map(Job.page))
        saveState()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func run(_ jobs: [Job]) {
        guard !jobs.isEmpty else { return }
        var runnable: [(host: String, job: Job)] = []
        for job in jobs {
            // Politeness is per host (one machine); back-off per origin (one service on it).
            let url = URL(string: job.url)
            if !backingOff(Self.origin(of: url), name: job.name) { runnable.append((url?.host?.lowercased() ?? "", job)) }
        }
        lock.lock()
        let scheduler = HostScheduler(runnable, concurrency: settings.concurrency, hostDelay: settings.hostDelay)
        self.scheduler = scheduler
        done = 0
        total = runnable.count
        let stoppedAlready = stopped
        lock.unlock()
        if stoppedAlready { return }
        scheduler.run { [self] job in
            progress(currentDone(), total, job.url)
            defer {
                lock.lock()
                done += 1
                lock.unlock()
            }
            // A host that failed earlier in this round is not asked again.
            let host = Self.origin(of: URL(string: job.url))
            if backingOff(host, name: job.name) { return false }
            // One store per thread: a libgit2 handle is not shared.
            do {
                let store = try RevisionStore.open(at: repositoryPath)
                switch job {
                case .page(let page): try poll(page, store: store)
                case .feed(let feed): try poll(feed, store: store)
                }
            } catch {
                report(.failed(CaptureEvent(track: job.name, url: job.url, time: Date(), outcome: .failed,
                                            reason: "repository: \(error)"), repeated: false))
            }
            return true
        }
        progress(total, total, "")
    }

    private func currentDone() -> Int {
        lock.lock()
        defer { lock.unlock() }
        return done
    }

    // MARK: - Pages

    private func poll(_ page: WatchList.Page, store: RevisionStore) throws(StorageError) {
        let track = try TrackName(page.track)
        guard let url = URL(string: page.url) else {
            try fail(page, reason: "not a valid URL", status: nil, store: store)
            return
        }
        let host = Self.origin(of: url)
        let latest = try store.latestRevision(of: track)
        let selector = page.selector.flatMap(CSSSelector.init)
        if page.selector != nil, selector == nil {
            try fail(page, reason: "unsupported selector '\(page.selector!)'", status: nil, store: store)
            return
        }
        // Validators only mean something once a revision holds the text they describe.
        let validators = latest == nil ? CacheValidators() : validatorsFor(page.url)
        let captured: CapturedPage?
        do {
            captured = try PageCapture.capture(url, selector: selector, validators: validators,
                                               timeout: settings.timeout, maximumBytes: settings.maximumBytes)
        } catch {
            hostOutcome(host, failed: error.isHostFailure)
            let status: Int? = if case .fetch(.status(_, let code)) = error { code } else { nil }
            if error.isGone, latest != nil {
                try removed(page, status: status ?? 404, store: store)
            } else {
                try fail(page, reason: error.reason, status: status, store: store)
            }
            return
        }
        hostOutcome(host, failed: false)
        guard let captured else {
            report(.unchanged(track: page.track, notModified: true))
            return
        }
        let text = captured.article.textFile
        let previous = try latest.map { (revision) throws(StorageError) in try store.text(of: revision) }
        if let latest, let previous {
            if Self.sameWords(previous, text) {
                remember(captured.page.validators, for: page.url)
                report(.unchanged(track: page.track, notModified: false))
                return
            }
            if latest.metadata.bytes >= settings.stubMinimumBytes,
               Double(text.utf8.count) < settings.stubRatio * Double(latest.metadata.bytes) {
                try fail(page, reason: "paywall or error stub? \(text.utf8.count) bytes against \(latest.metadata.bytes) in @\(latest.number)",
                         status: captured.page.status, store: store)
                return
            }
        }
        let outcome = try gated { () throws(StorageError) in
            // A watcher never refuses its own capture: a clock set back, or a revision another
            // machine captured later and pulled in, puts it before the latest; it goes in order.
            try CaptureAndStore.store(captured, requested: url, selector: page.selector, keepHTML: page.keepHTML == true,
                                      to: track, insert: true, in: store)
        }
        remember(captured.page.validators, for: page.url)
        switch outcome {
        case .unchanged:
            report(.unchanged(track: page.track, notModified: false))
        case .added(let revision), .inserted(let revision, _):
            // Counted as `log --stat` counts: page furniture and the track's ignore rules left out. A
            // revision that changed only those is stored all the same, and reported as boring.
            let filter = try StoryHistory.filter(for: track, store: store)
            let comparison = DocumentComparison(old: previous ?? "", new: text, wordLevel: false)
            let summary = comparison.hidingChanges(where: filter.ignores).comparison.summary
            report(.stored(revision, previous: latest, summary: summary))
        }
    }

    /// What politeness and back-off are kept per: scheme, host and port, so a
    /// failing `http://127.0.0.1:1/` holds back nothing served on another port.
    static func origin(of url: URL?) -> String {
        guard let url, let host = url.host?.lowercased() else { return "" }
        let scheme = url.scheme?.lowercased() ?? "http"
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(host):\(port)"
    }

    /// Whether two texts differ only in white space: such a change is not a revision.
    static func sameWords(_ a: String, _ b: String) -> Bool {
        a.split(whereSeparator: \.isWhitespace).elementsEqual(b.split(whereSeparator: \.isWhitespace))
    }

    private func fail(_ page: WatchList.Page, reason: String, status: Int?, store: RevisionStore) throws(StorageError) {
        let event = CaptureEvent(track: page.track, url: page.url, time: Date(), outcome: .failed, reason: reason, status: status)
        report(.failed(event, repeated: try record(event, store: store)))
    }

    private func removed(_ page: WatchList.Page, status: Int, store: RevisionStore) throws(StorageError) {
        let event = CaptureEvent(track: page.track, url: page.url, time: Date(), outcome: .removed,
                                 reason: "HTTP \(status)", status: status)
        report(.removed(event, repeated: try record(event, store: store)))
    }

    /// Writes the event unless the track's last one says the same and no
    /// revision came after it; returns whether it was such a repeat.
    private func record(_ event: CaptureEvent, store: RevisionStore) throws(StorageError) -> Bool {
        let track = try TrackName(event.track)
        if let last = try store.lastCaptureEvent(of: track), last.outcome == event.outcome, last.reason == event.reason,
           try store.latestRevision(of: track).map({ $0.captured <= last.time }) ?? true {
            return true
        }
        try gated { () throws(StorageError) in try store.recordCapture(event) }
        return false
    }

    // MARK: - Feeds

    private func poll(_ feed: WatchList.Feed, store: RevisionStore) throws(StorageError) {
        guard let url = URL(string: feed.url) else {
            report(.feedFailed(feed: feed.name, url: feed.url, reason: "not a valid URL"))
            return
        }
        let host = Self.origin(of: url)
        let captured: CapturedFeed?
        do {
            captured = try PageCapture.feed(url, validators: validatorsFor(feed.url), timeout: settings.timeout,
                                            maximumBytes: settings.maximumBytes)
        } catch {
            hostOutcome(host, failed: error.isHostFailure)
            report(.feedFailed(feed: feed.name, url: feed.url, reason: error.reason))
            return
        }
        hostOutcome(host, failed: false)
        guard let captured else { return }
        remember(captured.page.validators, for: feed.url)
        var added: [WatchList.Page] = []
        try gated { () throws(StorageError) in
            try store.updateWatchList("feed \(feed.name): new items") { list in
                added = FeedTracks.register(captured.feed, as: feed, in: &list)
            }
        }
        for page in added { report(.discovered(feed: feed.name, page: page)) }
    }

    // MARK: - Shared state

    @discardableResult
    private func gated<T>(_ body: () throws(StorageError) -> T) throws(StorageError) -> T {
        Self.writeGate.lock()
        defer { Self.writeGate.unlock() }
        return try body()
    }

    private func validatorsFor(_ url: String) -> CacheValidators {
        lock.lock()
        defer { lock.unlock() }
        return state.validators[url] ?? CacheValidators()
    }

    private func remember(_ validators: CacheValidators, for url: String) {
        lock.lock()
        defer { lock.unlock() }
        state.validators[url] = validators.isEmpty ? nil : validators
    }

    /// Reports and returns true when the host is on hold.
    private func backingOff(_ host: String, name: String) -> Bool {
        lock.lock()
        let until = state.hosts[host].flatMap { $0.retryAfter > Date() ? $0.retryAfter : nil }
        lock.unlock()
        if let until { report(.backingOff(track: name, host: host, until: until)) }
        return until != nil
    }

    private func hostOutcome(_ host: String, failed: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if failed {
            state.recordFailure(host: host, now: Date(), base: settings.backoff, ceiling: settings.maximumBackoff)
        } else {
            state.recordSuccess(host: host)
        }
    }
}

extension Watcher.Job {
    var url: String {
        switch self {
        case .page(let page): page.url
        case .feed(let feed): feed.url
        }
    }

    var name: String {
        switch self {
        case .page(let page): page.track
        case .feed(let feed): feed.name
        }
    }
}
