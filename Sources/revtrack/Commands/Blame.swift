import ArgumentParser
import Foundation
import RevtrackCore
import RevtrackRender
import RevtrackStorage

struct Blame: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "For every sentence of a revision, the revision that introduced it and its last edit.",
        discussion: """
            A sentence keeps its origin through edits, moves, splits and merges. Text output shows \
            @N (introduced), ~@M ×K (last edited in revision M, K edits) and the capture time of the \
            last change beside each sentence. A sentence deleted and later added back is a new \
            appearance: it is blamed on the revision that brought it back.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The revision (default: a track's latest): TRACK, TRACK@N, TRACK~K or a commit prefix.")
    var revision: String

    @Option(help: "Output format: text or json.")
    var format: ListFormat = .text

    @Option(help: "Colour: auto, always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        let store = try repository.open()
        let target = try store.resolve(revision)
        let revisions = Array(try store.revisions(of: target.track).prefix(target.number))
        let texts = try revisions.map { try store.text(of: $0) }
        let history = SentenceHistory(revisions: texts)

        switch format {
        case .json:
            struct Entry: Encodable {
                let text: String
                let paragraph: Int
                let introduced: Int
                let lastChanged: Int
                let changes: Int
                let introducedId: String
                let lastChangedId: String
            }
            try printJSON(zip(history.latest.sentences, history.origins).map { sentence, origin in
                Entry(text: sentence.text, paragraph: sentence.paragraph,
                      introduced: origin.introduced + 1, lastChanged: origin.lastChanged + 1, changes: origin.changes,
                      introducedId: revisions[origin.introduced].id.short, lastChangedId: revisions[origin.lastChanged].id.short)
            })
        case .text:
            StandardOutput.write(renderText(history, revisions, color: color.enabled, width: TerminalSize.columns()))
        }
    }

    private func renderText(_ history: SentenceHistory, _ revisions: [Revision], color: Bool, width: Int) -> String {
        let numberWidth = String(revisions.count).count + 1
        var out = ""
        var paragraph = 0
        for (sentence, origin) in zip(history.latest.sentences, history.origins) {
            if sentence.paragraph != paragraph { out += "\n"; paragraph = sentence.paragraph }
            let introduced = "@\(origin.introduced + 1)".padding(toLength: numberWidth, withPad: " ", startingAt: 0)
            let edited = origin.changes > 0
                ? "~@\(origin.lastChanged + 1) ×\(origin.changes)".padding(toLength: numberWidth + 4, withPad: " ", startingAt: 0)
                : String(repeating: " ", count: numberWidth + 4)
            let stamp = CaptureTime.format(revisions[origin.lastChanged].captured)
            let when = String(stamp.dropFirst(5).prefix(11)).replacingOccurrences(of: "T", with: " ")  // MM-DD HH:MM
            let gutter = "\(introduced) \(edited) \(when) │ "
            let textWidth = max(20, width - gutter.count)
            let lines = wrap(safe(sentence.normalized), width: textWidth)
            // Colour by age: the newest revision's sentences stand out, the oldest recede.
            let style = !color ? "" : origin.lastChanged == revisions.count - 1 ? "\u{1B}[32m"
                : origin.lastChanged == 0 ? "\u{1B}[2m" : ""
            let reset = style.isEmpty ? "" : "\u{1B}[0m"
            for (index, line) in lines.enumerated() {
                out += (index == 0 ? gutter : String(repeating: " ", count: gutter.count - 2) + "│ ") + style + line + reset + "\n"
            }
        }
        return out
    }

    private func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
