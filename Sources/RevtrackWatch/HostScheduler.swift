import Foundation

/// Runs fetch jobs on a few threads while staying polite: at most
/// `concurrency` requests in flight, one at a time per host, `hostDelay`
/// between two requests to the same host, and none to a host that is
/// backing off. Jobs for one host keep their order.
// `@unchecked Sendable`: every mutable property is read and written only
// while `condition` is locked.
final class HostScheduler<Job: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [(host: String, job: Job)]
    private var busyHosts: Set<String> = []
    private var nextAllowed: [String: Date] = [:]
    private var stopped = false
    private let hostDelay: TimeInterval
    private let concurrency: Int

    init(_ jobs: [(host: String, job: Job)], concurrency: Int, hostDelay: TimeInterval) {
        pending = jobs
        self.concurrency = max(1, concurrency)
        self.hostDelay = hostDelay
    }

    /// No job starts after this; running ones finish.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// Runs every job (`work` on worker threads) and returns when all are done
    /// or stopped. `work` returns whether it contacted the host: a job skipped
    /// without a request does not make the host's next job wait.
    func run(_ work: @escaping @Sendable (Job) -> Bool) {
        let group = DispatchGroup()
        for _ in 0..<min(concurrency, max(1, pending.count)) {
            let thread = Thread { [self] in
                while let (host, job) = next() {
                    finished(host, contacted: work(job))
                }
                group.leave()
            }
            thread.stackSize = 1 << 21
            group.enter()
            thread.start()
        }
        group.wait()
    }

    private func next() -> (String, Job)? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, !pending.isEmpty {
            let now = Date()
            var soonest: Date? = nil
            for (index, entry) in pending.enumerated() where !busyHosts.contains(entry.host) {
                let allowed = nextAllowed[entry.host] ?? .distantPast
                if allowed <= now {
                    pending.remove(at: index)
                    busyHosts.insert(entry.host)
                    return (entry.host, entry.job)
                }
                soonest = min(soonest ?? allowed, allowed)
            }
            if let soonest { _ = condition.wait(until: soonest) } else { condition.wait() }
        }
        return nil
    }

    private func finished(_ host: String, contacted: Bool) {
        condition.lock()
        busyHosts.remove(host)
        if contacted { nextAllowed[host] = Date().addingTimeInterval(hostDelay) }
        condition.broadcast()
        condition.unlock()
    }
}
