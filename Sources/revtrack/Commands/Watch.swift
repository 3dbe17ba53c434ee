import ArgumentParser
import RevtrackStory
import Dispatch
import Foundation
import RevtrackRender
import RevtrackStorage
import RevtrackWatch

struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Poll watched pages and feeds and store each article whose text changed.",
        discussion: """
            Pages are watched by 'add TRACK --url URL'; feeds by 'feed add NAME URL'. Each round fetches \
            the feeds (new items become tracks NAME/<slug>), then every page, with conditional requests, \
            a pause between requests to one host, at most --jobs requests in flight and exponential \
            back-off for hosts that fail. A revision is stored only when the text changed (white space \
            aside). Failures, paywall stubs and removed pages (404/410) go to the capture log \
            ('log TRACK --captures'), never into the text. Ctrl-C finishes the write under way and stops.
            """,
        subcommands: [Poll.self, List.self, Remove.self],
        defaultSubcommand: Poll.self
    )

    struct Poll: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "poll", abstract: "Poll everything watched (the default).")

        @OptionGroup var repository: RepositoryOptions

        @Flag(help: "Poll once and exit.")
        var once = false

        @Option(help: "Time between rounds: 90s, 15m, 1h.")
        var interval: Interval = Interval(seconds: 900)

        @Option(help: "Requests in flight at most.")
        var jobs = 4

        @Option(help: "Give up on a request after this long.")
        var timeout: Interval = Interval(seconds: 30)

        @Option(help: "Pause between two requests to the same host.")
        var hostDelay: Interval = Interval(seconds: 2)

        @Option(help: "First back-off for a failing host, doubled per failure in a row (at most 6h).")
        var backoff: Interval = Interval(seconds: 60)

        @Flag(name: .shortAndLong, help: "Also print unchanged pages and removals already reported.")
        var verbose = false

        @Option(help: ArgumentHelp("POST each stored change as JSON to this URL (repeatable); its 'text' field suits Slack and Mattermost incoming webhooks.",
                                   valueName: "url"))
        var notify: [String] = []

        @Option(name: .customLong("exec"), help: ArgumentHelp("Run this shell command for each stored change, the same JSON on its standard input (repeatable).",
                                                              valueName: "command"))
        var commands: [String] = []

        @Option(help: "Tries per notification before it is logged as failed, one second apart and doubling.")
        var notifyTries = 4

        @Option(help: ArgumentHelp("The web view's address ('revtrack serve'), for a link to each change's diff in notifications.",
                                   valueName: "url"))
        var baseURL: String?

        func validate() throws {
            guard (1...32).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 32") }
            guard timeout.seconds > 0 else { throw ValidationError("--timeout must be more than 0s") }
            guard (1...10).contains(notifyTries) else { throw ValidationError("--notify-tries must be between 1 and 10") }
            for url in notify + (baseURL.map { [$0] } ?? []) {
                guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil else {
                    throw ValidationError("'\(url)' is not an http(s) URL")
                }
            }
        }

        func run() throws {
            _ = try repository.location.open()
            var settings = WatchSettings()
            settings.concurrency = jobs
            settings.timeout = timeout.seconds
            settings.hostDelay = hostDelay.seconds
            settings.backoff = backoff.seconds
            let printer = WatchPrinter(verbose: verbose, showProgress: StandardOutput.isTerminal)
            var notifications = Notifier.Settings()
            notifications.webhooks = notify.compactMap(URL.init(string:))
            notifications.commands = commands
            notifications.baseURL = baseURL
            notifications.attempts = notifyTries
            let notifier = Notifier(settings: notifications, repository: repository.location)
            let watcher = Watcher(repository: repository.location.path, settings: settings,
                                  report: { event in
                                      printer.print(event)
                                      if case .stored(let revision, _, _) = event { notifier.stored(revision) }
                                  },
                                  progress: { printer.progress($0, $1, $2) })
            let signals = StopOnSignal(watcher: watcher, printer: printer)
            defer { withExtendedLifetime(signals) {} }
            while true {
                try watcher.round()
                printer.clearProgress()
                if once {
                    notifier.drain()
                    return
                }
                Thread.sleep(forTimeInterval: interval.seconds)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List watched pages and feeds.")

        @OptionGroup var repository: RepositoryOptions

        @OptionGroup var output: OutputOptions<ListFormat>

        func run() throws {
            let list = try repository.location.open().watchList()
            switch output.format {
            case .json:
                try output.emitJSON(list)
            case .text:
                for feed in list.feeds {
                    print("feed \(safe(feed.name))  \(safe(feed.url))" + (feed.selector.map { "  selector \(safe($0))" } ?? ""))
                }
                for page in list.pages {
                    print("\(safe(page.track))  \(safe(page.url))" + (page.selector.map { "  selector \(safe($0))" } ?? ""))
                }
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop watching a track's URL (its revisions stay).")

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: "The track.")
        var track: String

        func run() throws {
            let store = try repository.location.open()
            let name = try TrackName(track)
            guard try store.watchList().page(for: name) != nil else {
                throw CommandFailure("track '\(track)' is not watched (see 'revtrack watch list')")
            }
            try store.updateWatchList("unwatch \(name)") { list in list.pages.removeAll { $0.track == name.rawValue } }
            print("stopped watching \(name)")
        }
    }
}

/// `90s`, `15m`, `1h`, `1h30m`, or plain seconds.
struct Interval: ExpressibleByArgument {
    let seconds: TimeInterval

    init(seconds: TimeInterval) { self.seconds = seconds }

    init?(argument: String) {
        var total: TimeInterval = 0
        var number = ""
        var sawUnit = false
        for character in argument.lowercased() {
            if character.isNumber || character == "." {
                number.append(character)
            } else {
                guard let value = Double(number), let unit = ["s": 1.0, "m": 60.0, "h": 3600.0][String(character)] else { return nil }
                total += value * unit
                number = ""
                sawUnit = true
            }
        }
        if !number.isEmpty {
            guard !sawUnit || total == 0, let value = Double(number) else { return nil }
            total += value
        }
        guard !argument.isEmpty, total >= 0, total <= 7 * 86_400 else { return nil }
        seconds = total
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// Prints watch events from worker threads, one whole line at a time, and a
/// progress line on a terminal.
// `@unchecked Sendable`: `progressShown` is touched only under `lock`.
final class WatchPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private let verbose: Bool
    private let showProgress: Bool
    private var progressShown = false

    init(verbose: Bool, showProgress: Bool) {
        self.verbose = verbose
        self.showProgress = showProgress
    }

    func print(_ event: WatchEvent) {
        guard let line = Self.line(for: event, verbose: verbose) else { return }
        lock.lock()
        defer { lock.unlock() }
        clearLocked()
        StandardOutput.write(line + "\n")
    }

    static func line(for event: WatchEvent, verbose: Bool) -> String? {
        switch event {
        case .stored(let revision, let previous, let summary):
            guard previous != nil else { return "\(revision.spec)  new: \(summary.added) sentences" }
            let parts = ChangeSummary.sentenceParts(summary)
            return "\(revision.spec)  " + (parts.isEmpty ? "only page furniture or ignored lines changed (boring)" : parts.joined(separator: ", "))
        case .unchanged(let track, let notModified):
            return verbose ? "\(track)  unchanged" + (notModified ? " (304)" : "") : nil
        case .failed(let event, let repeated):
            return !repeated || verbose ? "\(event.track)  failed: \(safe(event.reason))" + (repeated ? " (again)" : "") : nil
        case .removed(let event, let repeated):
            return !repeated || verbose ? "\(event.track)  removed: \(safe(event.reason))" + (repeated ? " (again)" : "") : nil
        case .backingOff(let track, let host, let until):
            return "\(track)  skipped: \(safe(host)) is backing off until \(CaptureTime.format(until))"
        case .discovered(let feed, let page):
            return "\(page.track)  new item in feed \(feed): \(safe(page.url))"
        case .feedFailed(let feed, _, let reason):
            return "\(feed)  feed failed: \(safe(reason))"
        }
    }

    func progress(_ done: Int, _ total: Int, _ current: String) {
        guard showProgress, total > 0 else { return }
        lock.lock()
        defer { lock.unlock() }
        let text = safe("[\(done)/\(total)] \(current)")
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text.prefix(100))".utf8))
        progressShown = true
    }

    func clearProgress() {
        lock.lock()
        defer { lock.unlock() }
        clearLocked()
    }

    private func clearLocked() {
        guard progressShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        progressShown = false
    }
}

/// Ctrl-C (or SIGTERM): no new fetch starts, the write under way finishes
/// (writes hold `Watcher.writeGate`), the state is saved, and the process
/// exits 130 — never with a half-written revision.
// `@unchecked Sendable`: `sources` is filled in `init` and never changed.
final class StopOnSignal: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    init(watcher: Watcher, printer: WatchPrinter) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                watcher.stop()
                Watcher.writeGate.lock()
                watcher.saveState()
                printer.clearProgress()
                StandardError.write("revtrack: watch stopped; every revision written is complete")
                exit(130)
            }
            source.resume()
            sources.append(source)
        }
    }
}
