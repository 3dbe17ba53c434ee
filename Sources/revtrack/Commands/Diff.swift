import ArgumentParser
import Foundation
import RevtrackCore
import RevtrackFacts
import RevtrackRender
import RevtrackStorage
import RevtrackStory

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

    @OptionGroup var output: OutputOptions<DiffFormat>

    @Option(help: "Unchanged sentences shown around each change.")
    var context = 1

    @Flag(help: "Show every sentence, not only changes with context.")
    var all = false

    @Flag(help: "Hide edits that only change whitespace, punctuation, letter case or quote style.")
    var ignoreCosmetic = false

    @Flag(help: "Show changes to page furniture (share and subscribe lines, ads, credits, time stamps), hidden by default; 'revtrack ignore' rules still apply.")
    var showFurniture = false

    @Option(help: ArgumentHelp("Show only edits of these kinds, comma-separated: meaning, fact, wording, typo, cosmetic.",
                               valueName: "kinds"))
    var only: EditKindList?

    @Option(help: "What to compute and show: sentence (no word-level changes or facts), word, or facts (only the fact comparison; the exit status then says whether facts differ).")
    var level: DiffLevel = .word

    @Option(help: "Compare facts as two versions of one story (changed/added/removed) or as two outlets (shared/consistent/conflicting/only in one). Default: outlets for revisions of two different tracks, versions otherwise.")
    var factsAs: FactMode?

    @OptionGroup var color: ColorOptions

    func validate() throws {
        if context < 0 { throw ValidationError("--context must be 0 or more") }
        if level == .facts, output.format == .sideBySide { throw ValidationError("--level facts has no side-by-side view; use text, json or html") }
    }

    func run() throws {
        let (old, new) = try sides()
        HeapTuning.prepare(forBytes: old.text.utf8.count + new.text.utf8.count)
        let filter = try DiffRequest.filter(for: (old, new), showFurniture: showFurniture, in: repository.location)
        let request = DiffRequest(level: level.request, ignoreCosmetic: ignoreCosmetic, factsAs: factsAs?.mode, ignore: filter)
        let diff = request.compare(old, new)
        let facts = diff.facts.map { FactSection($0, links: diff.factLinks) }
        let useColor = output.colored(color.color)
        let outlets = diff.outlets.map { AlignmentView($0, oldLabel: old.side.spec, newLabel: new.side.spec) }
        let context = all ? nil : self.context
        switch output.format {
        case .text:
            var options = TextDiffRenderer.Options(color: useColor, context: context, sentences: diff.sentencesShown, only: only?.kinds)
            options.hidden = diff.hiddenChanges
            let renderer = TextDiffRenderer(options: options)
            try output.emit(renderer.renderUTF8(diff.comparison, oldLabel: old.side.headline, newLabel: new.side.headline,
                                                facts: facts, outlets: outlets))
        case .sideBySide:
            let renderer = SideBySideRenderer(width: TerminalSize.columns(), color: useColor, context: context, only: only?.kinds)
            try output.emit(outlets.map { renderer.render($0, old: old.side, new: new.side) }
                            ?? renderer.render(diff.comparison, old: old.side, new: new.side))
        case .json:
            try output.emit(try JSONDiffRenderer.render(diff.comparison, old: old.side, new: new.side, facts: facts,
                                                        sentences: diff.sentencesShown, hidden: diff.hiddenChanges, outlets: outlets))
        case .html:
            try output.emit(HTMLDiffRenderer.render(diff.comparison, old: old.side, new: new.side, facts: facts,
                                                    sentences: diff.sentencesShown, only: only?.kinds, hidden: diff.hiddenChanges,
                                                    outlets: outlets))
        }
        if diff.hasDifferences { throw ExitCode(1) }
    }

    private func sides() throws -> (TextSource, TextSource) {
        guard let new else { return try DiffRequest.latestChange(of: old, in: repository.location) }
        HeapTuning.prepare(forBytes: HeapTuning.fileBytes([old, new]))
        return try DiffRequest.sides(old, new, in: repository.location, note: { StandardError.write("revtrack: note: " + $0) },
                                     onWorker: { HeapTuning.prepareThisThread() })
    }
}

enum DiffFormat: String, OutputFormat {
    case text
    case sideBySide = "side-by-side"
    case json, html
}

/// `--only meaning,fact`: edit kinds, comma-separated.
struct EditKindList: ExpressibleByArgument {
    let kinds: Set<EditKind>

    init?(argument: String) {
        var kinds = Set<EditKind>()
        for name in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard let kind = EditKind(rawValue: name.trimmingCharacters(in: .whitespaces)) else { return nil }
            kinds.insert(kind)
        }
        self.kinds = kinds
    }
}

enum FactMode: String, ExpressibleByArgument, CaseIterable {
    case versions, outlets

    var mode: FactComparison.Mode { self == .versions ? .versions : .outlets }
}

enum DiffLevel: String, ExpressibleByArgument, CaseIterable {
    case sentence, word, facts

    var request: DiffRequest.Level { DiffRequest.Level(rawValue: rawValue)! }
}

extension TextSource {
    /// The header facts a renderer shows for this side.
    var side: DiffSide {
        guard let revision else { return DiffSide(spec: label, file: label) }
        return DiffSide(spec: revision.spec, id: revision.id.hex, track: revision.track.rawValue,
                        captured: CaptureTime.format(revision.captured), title: revision.title)
    }
}
