import ArgumentParser
import Foundation
import RevtrackServe
import RevtrackStory

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Browse the archive in a web browser, with Atom feeds of changes (read-only).",
        discussion: """
            Pages: / (stories and tracks), /t/TRACK (history and facts over time), /t/TRACK/@N (text with \
            blame and facts), /diff?old=REV&new=REV, /compare/STORY, /changes. Feeds: /feeds/changes.atom, \
            /feeds/t/TRACK.atom, /feeds/s/STORY.atom. JSON under /api/. The repository is read on every \
            request, so revisions stored meanwhile (by 'watch') show at once. Stops on Ctrl-C.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Option(help: "The address to listen on.")
    var bind = "127.0.0.1"

    @Option(help: "The port (0 picks a free one).")
    var port = 8080

    @Option(help: ArgumentHelp("The address feeds link to (default http://BIND:PORT).", valueName: "url"))
    var baseURL: String?

    func validate() throws {
        if !(0...65_535).contains(port) { throw ValidationError("--port must be 0 to 65535") }
    }

    func run() throws {
        var configuration = WebServer.Configuration()
        configuration.host = bind
        configuration.port = port
        configuration.baseURL = baseURL
        let settings = configuration
        let location = repository.location, host = bind
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                let server = try await WebServer(repository: location, configuration: settings)
                try await server.run(onListening: { port in
                    StandardError.write("revtrack: serving \(location.path) at http://\(host):\(port)/ (Ctrl-C stops)")
                })
            } catch {
                outcome.fail(error)
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    /// The server task's error, handed back to the blocked command.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: (any Error)?
        var error: (any Error)? { lock.withLock { stored } }
        func fail(_ error: any Error) { lock.withLock { stored = error } }
    }
}
