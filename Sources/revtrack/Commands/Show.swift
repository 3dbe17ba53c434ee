import ArgumentParser
import RevtrackStory
import Foundation
import RevtrackRender
import RevtrackStorage

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the stored text of a revision.",
        discussion: "In a pipe the bytes are exactly those stored; on a terminal control characters are shown escaped."
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The revision: TRACK, TRACK@N, TRACK~K or a commit prefix.")
    var revision: String

    @Flag(help: "Print the raw page kept with 'add --url --keep-html' (source.html) instead of the text; refused on a terminal.")
    var html = false

    func run() throws {
        let store = try repository.location.open()
        let resolved = try store.resolve(revision)
        if html {
            guard let bytes = try store.sourceHTML(of: resolved) else {
                throw CommandFailure("\(resolved.spec) has no source.html (it was not captured with --keep-html)")
            }
            // Raw markup from the web is not for a terminal: it may hold escape sequences.
            guard !StandardOutput.isTerminal else {
                throw CommandFailure("source.html is raw page bytes; redirect it to a file ('> page.html')")
            }
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let text = try store.text(of: resolved)
        if StandardOutput.isTerminal {
            let shown = TerminalText.escapingControls(text)
            StandardOutput.write(shown.hasSuffix("\n") ? shown : shown + "\n")
        } else {
            StandardOutput.write(text)
        }
    }
}
