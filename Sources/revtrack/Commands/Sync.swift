import ArgumentParser
import RevtrackStory
import Foundation
import RevtrackStorage
import RevtrackWatch

struct Clone: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy a revtrack repository from a git remote (it becomes 'origin').",
        discussion: """
            URL: a local path, file://, git://, ssh:// (keys from ssh-agent) or https:// (user name and token \
            from REVTRACK_GIT_USERNAME and REVTRACK_GIT_PASSWORD).
            """
    )

    @Argument(help: "The remote repository.")
    var url: String

    @Argument(help: "Where to create the copy (default: $REVTRACK_REPO or .revtrack).")
    var path: String?

    func run() throws {
        let target = path ?? RepositoryLocation(explicit: nil).path
        let (_, report) = try RevisionStore.clone(from: url, to: target, documents: syncedDocuments, progress: TransferMeter.progress())
        TransferMeter.finish()
        SyncSummary.print(report, verb: "cloned into \(target) from")
    }
}

struct Remote: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the git remotes this repository syncs with.",
        subcommands: [Add.self, Remove.self, List.self],
        defaultSubcommand: List.self
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a remote.")
        @OptionGroup var repository: RepositoryOptions
        @Argument(help: "The remote's name, e.g. origin.") var name: String
        @Argument(help: "Its URL: a path, file://, git://, ssh:// or https://.") var url: String
        func run() throws {
            let store = try repository.location.open()
            try store.addRemote(name, url: url)
            print("added remote \(name): \(try store.remotes().first { $0.name == name }?.url ?? url)")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a remote (its tracks stay here).")
        @OptionGroup var repository: RepositoryOptions
        @Argument(help: "The remote's name.") var name: String
        func run() throws {
            try repository.location.open().removeRemote(name)
            print("removed remote \(name)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the remotes with their URLs.")
        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var output: OutputOptions<ListFormat>
        func run() throws {
            let remotes = try repository.location.open().remotes()
            switch output.format {
            case .json:
                struct Entry: Encodable { let name: String; let url: String }
                try output.emitJSON(remotes.map { Entry(name: $0.name, url: $0.url) })
            case .text:
                if remotes.isEmpty { print("no remotes (add one with 'revtrack remote add NAME URL')") }
                for remote in remotes { print("\(remote.name)\t\(safe(remote.url))") }
            }
        }
    }
}

struct Pull: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring a remote's revisions here.",
        discussion: """
            New tracks are created and tracks that are behind fast-forward. When both sides added \
            revisions to a track, the local-only ones are re-created on top of the remote's, in capture \
            order with their own capture times; one whose text equals the revision it would follow is \
            dropped. Nothing else is ever removed.
            """
    )
    @OptionGroup var repository: RepositoryOptions
    @Argument(help: "The remote (default: origin).") var remote: String = "origin"
    @Argument(help: "Tracks to pull (default: all).") var tracks: [String] = []

    func run() throws {
        let report = try repository.location.open().pull(from: remote, tracks: tracks, documents: syncedDocuments, progress: TransferMeter.progress())
        TransferMeter.finish()
        SyncSummary.print(report, verb: "pulled from")
    }
}

struct Push: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send this repository's revisions to a remote.",
        discussion: """
            Refused, with nothing sent, when a track has revisions on the remote that are not here: \
            run 'revtrack pull' first. The remote is never rewritten.
            """
    )
    @OptionGroup var repository: RepositoryOptions
    @Argument(help: "The remote (default: origin).") var remote: String = "origin"
    @Argument(help: "Tracks to push (default: all).") var tracks: [String] = []

    func run() throws {
        let report = try repository.location.open().push(to: remote, tracks: tracks, documents: syncedDocuments, progress: TransferMeter.progress())
        TransferMeter.finish()
        SyncSummary.print(report, verb: "pushed to")
    }
}

/// One line per track that changed, then a one-line total.
enum SyncSummary {
    static func print(_ report: SyncReport, verb: String) {
        let pushing = verb.hasPrefix("pushed")
        let width = report.tracks.filter(\.changedSomething).map(\.track.rawValue.count).max() ?? 0
        var lines: [String] = []
        for sync in report.tracks where sync.changedSomething || sync.outcome == .localAhead || sync.outcome == .remoteAhead {
            var line = sync.track.rawValue.padding(toLength: max(width, sync.track.rawValue.count), withPad: " ", startingAt: 0)
                + "  " + sync.outcome.rawValue
            switch sync.outcome {
            case .created, .fastForwarded:
                line += "  \(sync.revisions) revision\(sync.revisions == 1 ? "" : "s") \(pushing ? "sent" : "received")"
            case .replayed:
                line += "  \(sync.revisions) received; \(sync.replayed) local revision\(sync.replayed == 1 ? "" : "s") replayed on top"
                if sync.dropped > 0 { line += ", \(sync.dropped) dropped (same text as the revision before)" }
            case .reordered:
                line += "  \(sync.revisions) revision\(sync.revisions == 1 ? "" : "s") sent in capture order (each of the remote's kept)"
            case .localAhead: line += "  (local revisions not on the remote: push them)"
            case .remoteAhead: line += "  (the remote has newer revisions: pull them)"
            case .upToDate: break
            }
            lines.append(line)
        }
        let updated = report.tracks.filter(\.changedSomething).count
        let current = report.tracks.filter { $0.outcome == .upToDate }.count
        let revisions = report.tracks.filter(\.changedSomething).map(\.revisions).reduce(0, +)
        lines.append("\(verb) \(report.remote): \(updated) track\(updated == 1 ? "" : "s") updated, \(current) up to date · "
            + "\(revisions) revision\(revisions == 1 ? "" : "s") \(pushing ? "sent" : "received")")
        Swift.print(lines.joined(separator: "\n"))
    }
}

/// Transfer progress on standard error while a terminal watches; nothing otherwise.
enum TransferMeter {
    static let isTerminal = isatty(STDERR_FILENO) == 1

    static func progress() -> ((TransferProgress) -> Void)? {
        guard isTerminal else { return nil }
        return { progress in
            let label = switch progress.phase {
            case .receiving: "receiving objects"
            case .resolving: "resolving deltas"
            case .sending: "sending objects"
            }
            let percent = progress.total > 0 ? progress.current * 100 / progress.total : 100
            FileHandle.standardError.write(Data("\r\(label): \(percent)% (\(progress.current)/\(progress.total))\u{1B}[K".utf8))
        }
    }

    static func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// The document logs that travel with the tracks: watch list, capture logs, ignore rules.
let syncedDocuments = WatchDocuments.kinds + [IgnoreRules.documentKind]
