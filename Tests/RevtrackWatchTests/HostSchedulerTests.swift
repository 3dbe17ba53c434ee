import Foundation
@testable import RevtrackWatch
import Testing

/// Counts what runs at once, from the scheduler's worker threads.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var running: [String: Int] = [:]
    private var total = 0
    private(set) var maximumPerHost = 0
    private(set) var maximumTotal = 0
    private(set) var order: [String: [Int]] = [:]

    func start(_ host: String, _ index: Int) {
        lock.lock()
        running[host, default: 0] += 1
        total += 1
        maximumPerHost = max(maximumPerHost, running[host]!)
        maximumTotal = max(maximumTotal, total)
        order[host, default: []].append(index)
        lock.unlock()
    }

    func end(_ host: String) {
        lock.lock()
        running[host, default: 0] -= 1
        total -= 1
        lock.unlock()
    }
}

@Suite("Host scheduler")
struct HostSchedulerTests {
    @Test("every job runs; one request per host at a time, in order; never more than the limit in flight")
    func politeness() {
        let jobs = (0..<12).map { index in (host: "host\(index % 3)", job: index) }
        let scheduler = HostScheduler(jobs, concurrency: 2, hostDelay: 0.005)
        let tally = Tally()
        scheduler.run { index in
            let host = "host\(index % 3)"
            tally.start(host, index)
            usleep(2_000)
            tally.end(host)
            return true
        }
        #expect(tally.maximumPerHost == 1)
        #expect(tally.maximumTotal <= 2)
        #expect(tally.order["host0"] == [0, 3, 6, 9] && tally.order["host1"] == [1, 4, 7, 10] && tally.order["host2"] == [2, 5, 8, 11])
    }

    @Test("after stop no job starts; the running one finishes")
    func stopping() {
        let jobs = (0..<20).map { (host: "one", job: $0) }
        let scheduler = HostScheduler(jobs, concurrency: 4, hostDelay: 0)
        let tally = Tally()
        scheduler.run { index in
            tally.start("one", index)
            if index == 2 { scheduler.stop() }
            tally.end("one")
            return true
        }
        #expect(tally.order["one"] == [0, 1, 2])
    }
}
