import ArgumentParser
import Foundation
import RevtrackCore
import RevtrackFacts
import RevtrackRender
import RevtrackStorage

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two revisions, outlets or files, sentence by sentence.",
        discussion: """
            Each side is a revision (TRACK, TRACK@N, TRACK~K, commit prefix) or a text file; file:PATH \
            always means a file. With one argument, compares a track's latest revision with the one before. \
            Exit status: 0 no differences, 1 differences, 2 error.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The old side.")
    var old: String

    @Argument(help: "The new side (default: OLD is a track, compared with its previous revision).")
    var new: String?

    @Option(help: "Output: text, side-by-side, json or html.")
    var format: DiffFormat = .text

    @Option(help: ArgumentHelp("Write the output to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: "Unchanged sentences shown around each change.")
    var context = 1

    @Flag(help: "Show every sentence, not only changes with context.")
    var all = false

    @Flag(help: "Hide edits that only change whitespace, punctuation, letter case or quote style.")
    var ignoreCosmetic = false

    @Option(help: "What to compute and show: sentence (no word-level changes or facts), word, or facts (only the fact comparison; the exit status then says whether facts differ).")
    var level: DiffLevel = .word

    @Option(help: "Compare facts as two versions of one story (changed/added/removed) or as two outlets (shared/consistent/conflicting/only in one). Default: outlets for revisions of two different tracks, versions otherwise.")
    var factsAs: FactMode?

    @Option(help: "Colour: auto (when stdout is a terminal and NO_COLOR is unset), always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        if context < 0 { throw ValidationError("--context must be 0 or more") }
        if level == .facts, format == .sideBySide { throw ValidationError("--level facts has no side-by-side view; use text, json or html") }
    }

    func run() throws {
        let (oldSide, newSide) = try sides()
        HeapTuning.prepare(forBytes: oldSide.text.utf8.count + newSide.text.utf8.count)
        var comparison = DocumentComparison(old: oldSide.text, new: newSide.text, wordLevel: level == .word)
        if ignoreCosmetic { comparison = comparison.ignoringCosmetic() }
        let factSection = level == .sentence ? nil : facts(oldSide, newSide, comparison)
        let sentences = level != .facts
        // Colour only for a terminal, never into a file.
        let useColor = output == nil && color.enabled
        switch format {
        case .text:
            let renderer = TextDiffRenderer(options: .init(color: useColor, context: all ? nil : context, sentences: sentences))
            try emit(renderer.renderUTF8(comparison, oldLabel: oldSide.side.headline, newLabel: newSide.side.headline,
                                         facts: factSection))
        case .sideBySide:
            try emit(SideBySideRenderer(width: TerminalSize.columns(), color: useColor, context: all ? nil : context)
                .render(comparison, old: oldSide.side, new: newSide.side))
        case .json:
            try emit(try JSONDiffRenderer.render(comparison, old: oldSide.side, new: newSide.side, facts: factSection,
                                                 sentences: sentences))
        case .html:
            try emit(HTMLDiffRenderer.render(comparison, old: oldSide.side, new: newSide.side, facts: factSection,
                                             sentences: sentences))
        }
        let differ = if let factSection, !sentences { factSection.hasDifferences } else { comparison.summary.hasDifferences }
        if differ { throw ExitCode(1) }
    }

    /// The rendered diff, to `--output` or stdout, written from its own storage.
    private func emit(_ text: String) throws {
        var text = text
        try text.withUTF8(emit)
    }

    private func emit(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer(emit)
    }

    private func emit(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let output else { return StandardOutput.write(bytes) }
        guard FileManager.default.createFile(atPath: output, contents: Data(buffer: bytes)) else {
            throw CommandFailure("\(output): cannot be written")
        }
    }

    private func facts(_ old: TextOperand, _ new: TextOperand, _ comparison: DocumentComparison) -> FactSection {
        let twoTracks = old.revision != nil && new.revision != nil && old.revision?.track != new.revision?.track
        let mode: FactComparison.Mode = switch factsAs {
        case .versions: .versions
        case .outlets: .outlets
        case nil: twoTracks ? .outlets : .versions
        }
        let today = civilDate(Date())
        let references = [old, new].map { $0.revision.map { civilDate($0.captured) } ?? today }
        let (oldFacts, newFacts) = Parallel.sides(bytes: comparison.old.text.utf8.count + comparison.new.text.utf8.count) { side in
            FactExtractor.extract(from: side == 0 ? comparison.old : comparison.new, reference: references[side])
        }
        let facts = FactComparison(old: oldFacts, new: newFacts, mode: mode, alignment: comparison.alignment)
        let framing = mode == .outlets
            ? FramingContrast.find(old: comparison.old, new: comparison.new, oldFacts: oldFacts, newFacts: newFacts, comparison: facts)
            : []
        return FactSection(facts, mode: mode, framing: framing)
    }

    private func sides() throws -> (TextOperand, TextOperand) {
        if let new {
            HeapTuning.prepare(forBytes: HeapTuning.fileBytes([old, new]))
            // Both sides read (mapped, validated, copied) at once, on two cores.
            let operands = [old, new], repository = repository
            let sides = Parallel.map(2, grain: 1) { side in
                HeapTuning.prepareThisThread()
                return Result { try TextOperand.resolve(operands[side], repository: repository) }
            }
            return (try sides[0].get(), try sides[1].get())
        }
        let store = try repository.open()
        let latest = try store.resolve(old)
        guard latest.number > 1 else {
            throw CommandFailure("'\(old)' has only one revision; name two sides to compare")
        }
        let previous = try store.resolve("\(latest.track)@\(latest.number - 1)")
        return (TextOperand(label: previous.spec, text: try store.text(of: previous), revision: previous),
                TextOperand(label: latest.spec, text: try store.text(of: latest), revision: latest))
    }
}

enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case sideBySide = "side-by-side"
    case json, html
}

enum FactMode: String, ExpressibleByArgument, CaseIterable {
    case versions, outlets
}

enum DiffLevel: String, ExpressibleByArgument, CaseIterable {
    case sentence, word, facts
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    var enabled: Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: StandardOutput.isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        }
    }
}

extension TextOperand {
    /// The header facts a renderer shows for this side.
    var side: DiffSide {
        guard let revision else { return DiffSide(spec: label, file: label) }
        return DiffSide(spec: revision.spec, id: revision.id.hex, track: revision.track.rawValue,
                        captured: CaptureTime.format(revision.captured), title: revision.title)
    }
}

enum TerminalSize {
    /// `COLUMNS`, else the terminal's width, else 100.
    static func columns() -> Int {
        if let value = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(value), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 100
    }
}
