import ArgumentParser
import Foundation
import RevtrackStorage

/// The `revtrack` command line. Each subcommand lives in its own file under
/// `Commands/`; this file only lists them and maps errors to exit codes.
@main
struct Revtrack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revtrack",
        abstract: "Keep every revision of a news text in git and show what changed.",
        discussion: """
            Revisions are named TRACK (latest), TRACK@N (N-th, 1 = first), TRACK~K \
            (K before the latest) or by a commit id prefix of at least 7 hex digits. \
            The repository is .revtrack in the current folder unless --repo or \
            REVTRACK_REPO says otherwise.
            """,
        version: "0.1.0",
        subcommands: [Init.self, Add.self, Tracks.self, Log.self, Show.self, Sentences.self, Diff.self, Compare.self, Serve.self, Batch.self, Import.self, Export.self, Blame.self, Timeline.self, Facts.self, Extract.self, Watch.self, FeedCommand.self,
                      Ignore.self, Clone.self, Remote.self, Pull.self, Push.self]
    )

    /// Exit status like diff(1): 0 success, 1 "differences found" (for the
    /// commands that compare), 2 for every error, usage errors included.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help, --version.
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message: String
            if error is any OneLineError {
                message = "revtrack: " + String(describing: error)
            } else {
                message = usageLine(fullMessage(for: error), arguments: Array(CommandLine.arguments.dropFirst()))
            }
            StandardError.write(message)
            Foundation.exit(2)
        }
    }

    /// A usage error as one line, like every other error: the parser's own
    /// sentence and where the help is. A value that starts with "-" ("a track
    /// named -x", "--since -1") gets the way to pass it.
    static func usageLine(_ full: String, arguments: [String]) -> String {
        let first = full.split(separator: "\n").first.map(String.init) ?? full
        var line = "revtrack: " + (first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first)
        if arguments.contains(where: { $0.hasPrefix("-") && !$0.hasPrefix("--") && !["-h", "-v"].contains($0) }) {
            line += " (a value starting with '-' goes after '--' or as --option=value)"
        }
        let known = Set(configuration.subcommands.map { $0._commandName })
        let command = arguments.first { !$0.hasPrefix("-") }.flatMap { known.contains($0) ? " " + $0 : nil } ?? ""
        return line + "; see 'revtrack\(command) --help'"
    }
}
