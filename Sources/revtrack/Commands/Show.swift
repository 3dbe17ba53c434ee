import ArgumentParser
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

    func run() throws {
        let store = try repository.open()
        let text = try store.text(of: try store.resolve(revision))
        if StandardOutput.isTerminal {
            let shown = TerminalText.escapingControls(text)
            StandardOutput.write(shown.hasSuffix("\n") ? shown : shown + "\n")
        } else {
            StandardOutput.write(text)
        }
    }
}
