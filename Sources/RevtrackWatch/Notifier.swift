import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RevtrackCore
import RevtrackRender
import RevtrackStorage
import RevtrackStory

/// Tells the outside world of each stored change: a JSON POST to each
/// webhook (`watch --notify URL`; its `text` field makes it a Slack or
/// Mattermost incoming webhook) and each command (`watch --exec CMD`, the
/// same JSON on its standard input).
///
/// Notifications run on their own queue, in the order revisions were
/// stored, so a slow or failing receiver never delays or prevents storing;
/// each is tried a few times with back-off, and one that still fails is
/// written to the track's capture log (`log TRACK --captures`).
///
/// `@unchecked Sendable`: state is the serial queue's; the settings are immutable.
public final class Notifier: @unchecked Sendable {
    public struct Settings: Sendable {
        public var webhooks: [URL] = []
        public var commands: [String] = []
        /// The web view's address, for a link to each change's diff (`revtrack serve`).
        public var baseURL: String?
        /// Tries per receiver, the first delay doubling between them.
        public var attempts = 4
        public var firstDelay: TimeInterval = 1
        public var timeout: TimeInterval = 10
        public init() {}
        public var isEmpty: Bool { webhooks.isEmpty && commands.isEmpty }
    }

    private let settings: Settings
    private let location: RepositoryLocation
    private let queue = DispatchQueue(label: "revtrack.notify")
    private let archive: Archive

    public init(settings: Settings, repository: RepositoryLocation) {
        self.settings = settings
        self.location = repository
        self.archive = Archive(repository)
    }

    /// Queues the notifications of one stored revision and returns at once.
    public func stored(_ revision: Revision) {
        guard !settings.isEmpty else { return }
        queue.async { [self] in
            do {
                let store = try location.open()
                let change = try archive.change(revision, in: try store.revisions(of: revision.track), store: store)
                let body = try Self.payload(change, baseURL: settings.baseURL)
                for url in settings.webhooks { deliver(to: url.absoluteString, revision: revision) { try self.post(body, to: url) } }
                for command in settings.commands { deliver(to: command, revision: revision) { try self.run(command, input: body) } }
            } catch {
                record("notification not sent: \(error)", revision: revision)
            }
        }
    }

    /// Waits until every queued notification is sent or given up (`watch --once` before it exits).
    public func drain() { queue.sync {} }

    // MARK: The message

    struct Payload: Encodable {
        struct Counts: Encodable { let added, removed, modified, moved, meaning: Int; let facts: Facts }
        struct Facts: Encodable { let changed, added, removed: Int }
        struct Highlight: Encodable { let kind: String; let text: String }
        let event = "revision"
        let track: String
        let revision: Int
        let id: String
        let captured: String
        let url: String?
        let title: String?
        let previous: Int?
        let summary: Counts
        let highlights: [Highlight]
        let diff: String?
        /// One line a chat webhook shows as the message.
        let text: String
    }

    static func payload(_ change: RevisionChange, baseURL: String?) throws -> Data {
        let revision = change.revision, s = change.sentences
        let diff: String? = baseURL.map { base in
            let path = change.previous.map { "/diff?old=\(query($0.spec))&new=\(query(revision.spec))" }
                ?? "/t/\(revision.track.rawValue)/@\(revision.number)"
            return base.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + path
        }
        var line = "\(revision.spec) " + (change.previous == nil ? "first captured" : "changed: " + ChangeSummary.statLine(change.sentences, facts: change.facts))
        if let first = change.highlights.first { line += " — \(first.kind.rawValue): \(first.text)" }
        if let diff { line += " \(diff)" }
        let payload = Payload(
            track: revision.track.rawValue, revision: revision.number, id: revision.id.hex, captured: CaptureTime.format(revision.captured),
            url: revision.metadata.url, title: revision.title, previous: change.previous?.number,
            summary: .init(added: s.added, removed: s.removed, modified: s.modified, moved: s.moved, meaning: s.meaning,
                           facts: .init(changed: change.facts.changed, added: change.facts.added, removed: change.facts.removed)),
            highlights: change.highlights.map { .init(kind: $0.kind.rawValue, text: $0.text) }, diff: diff, text: line)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(payload)
    }

    private static func query(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+"))) ?? text
    }

    // MARK: Delivery

    private struct Failure: Error, CustomStringConvertible { let description: String }

    /// Tries `send` with back-off; the last failure goes to the capture log.
    private func deliver(to receiver: String, revision: Revision, _ send: () throws -> Void) {
        var delay = settings.firstDelay
        var last = ""
        for attempt in 1...max(1, settings.attempts) {
            do {
                try send()
                return
            } catch {
                last = "\(error)"
                if attempt < settings.attempts { Thread.sleep(forTimeInterval: delay); delay *= 2 }
            }
        }
        record("notification to \(receiver) failed after \(settings.attempts) tries: \(last)", revision: revision)
    }

    private func post(_ body: Data, to url: URL) throws {
        var request = URLRequest(url: url, timeoutInterval: settings.timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("revtrack", forHTTPHeaderField: "User-Agent")
        request.httpBody = body
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        URLSession.shared.dataTask(with: request) { _, response, error in
            if let error { outcome.set(error.localizedDescription) }
            else if let status = (response as? HTTPURLResponse)?.statusCode, !(200..<300).contains(status) { outcome.set("HTTP \(status)") }
            done.signal()
        }.resume()
        done.wait()
        if let failure = outcome.value { throw Failure(description: failure) }
    }

    private func run(_ command: String, input: Data) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw Failure(description: "exit status \(process.terminationStatus)") }
    }

    private func record(_ reason: String, revision: Revision) {
        guard let store = try? location.open() else { return }
        let event = CaptureEvent(track: revision.track.rawValue, url: revision.metadata.url ?? "", time: Date(),
                                 outcome: .notificationFailed, reason: reason)
        try? store.recordCapture(event)
    }

    /// A failure seen on URLSession's thread.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: String?
        var value: String? { lock.withLock { stored } }
        func set(_ text: String) { lock.withLock { stored = text } }
    }
}
