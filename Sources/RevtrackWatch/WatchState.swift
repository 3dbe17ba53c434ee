import Foundation
import RevtrackCapture

/// What `watch` remembers between rounds on this machine only: the cache
/// validators of each URL and the health of each host. Losing it costs one
/// full download per page, nothing more, so it lives beside the repository's
/// git files (`revtrack-watch-state.json`) rather than in its history.
struct WatchState: Codable, Sendable {
    struct HostHealth: Codable, Sendable {
        /// Failures in a row (timeouts, refused connections, 5xx, 429).
        var failures: Int
        /// No request to the host before this time.
        var retryAfter: Date
    }

    var validators: [String: CacheValidators] = [:]
    var hosts: [String: HostHealth] = [:]

    static func file(in repository: String) -> String { (repository as NSString).appendingPathComponent("revtrack-watch-state.json") }

    /// The saved state; a missing or unreadable file is a fresh start.
    static func load(from repository: String) -> WatchState {
        guard let data = FileManager.default.contents(atPath: file(in: repository)),
              let state = try? JSONDecoder().decode(WatchState.self, from: data) else { return WatchState() }
        return state
    }

    /// Written whole and renamed into place, so a crash leaves the old file or the new.
    func save(to repository: String) {
        guard let data = try? JSONEncoder().encode(self) else { return }
        try? data.write(to: URL(fileURLWithPath: Self.file(in: repository)), options: .atomic)
    }

    /// Exponential back-off: `base`, doubled per failure in a row, at most `ceiling`.
    mutating func recordFailure(host: String, now: Date, base: TimeInterval, ceiling: TimeInterval) {
        let failures = (hosts[host]?.failures ?? 0) + 1
        let delay = min(ceiling, base * pow(2, Double(min(failures - 1, 30))))
        hosts[host] = HostHealth(failures: failures, retryAfter: now.addingTimeInterval(delay))
    }

    mutating func recordSuccess(host: String) { hosts[host] = nil }
}
