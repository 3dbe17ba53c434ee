import RevtrackAlign
import RevtrackCore
import RevtrackFacts
import RevtrackText

/// Renders a sentence-level comparison for a terminal or a pipe: changed
/// sentences with a little context, word changes inline (`[-old-]{+new+}` as
/// `git diff --word-diff=plain` writes them when colour is off), moves marked
/// with where they came from. Article text is escaped before it is printed.
public struct TextDiffRenderer: Sendable {
    public struct Options: Sendable {
        public var color = false
        /// Unchanged sentences shown around each change; nil shows everything.
        public var context: Int? = 1
        /// False shows only the header, the summary and the facts (`--level facts`).
        public var sentences = true
        /// Only edits of these kinds (`--only meaning,fact`); nil shows every change.
        public var only: Set<EditKind>? = nil
        /// How many meaning and fact edits the head lists before the diff.
        public var highlights = 5
        /// Changes left out as page furniture or by ignore rules, said in the summary line.
        public var hidden = 0
        public init(color: Bool = false, context: Int? = 1, sentences: Bool = true, only: Set<EditKind>? = nil) {
            self.color = color
            self.context = context
            self.sentences = sentences
            self.only = only
        }
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    public func render(_ comparison: DocumentComparison, oldLabel: String, newLabel: String,
                       facts: FactSection? = nil) -> String {
        String(decoding: renderUTF8(comparison, oldLabel: oldLabel, newLabel: newLabel, facts: facts), as: UTF8.self)
    }

    /// The same as UTF-8 bytes, ready for a file descriptor: a diff of long
    /// texts runs to megabytes, which a string would validate and copy again.
    /// - Parameter outlets: two outlets aligned by what they report; shown
    ///   instead of the sentence changes, which between two writers are all
    ///   additions and removals.
    public func renderUTF8(_ comparison: DocumentComparison, oldLabel: String, newLabel: String,
                           facts: FactSection? = nil, outlets: AlignmentView? = nil) -> [UInt8] {
        renderUTF8(comparison, oldLabel: oldLabel, newLabel: newLabel, facts: facts, outlets: outlets,
                   slices: comparison.changes.count > 32_768 ? 8 : 1)
    }

    /// `slices`: how many pieces the sentence lines are written in (on all cores).
    func renderUTF8(_ comparison: DocumentComparison, oldLabel: String, newLabel: String,
                    facts: FactSection?, outlets: AlignmentView? = nil, slices: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        out += paint("--- " + TerminalText.escapingControls(oldLabel, keepNewlines: false), .bold).utf8
        out.append(0x0A)
        out += paint("+++ " + TerminalText.escapingControls(newLabel, keepNewlines: false), .bold).utf8
        out.append(0x0A)
        let summary = outlets.map { TerminalText.escapingControls($0.summary, keepNewlines: false) } ?? summaryLine(comparison)
        out += (summary + (facts.map { " · " + $0.summary } ?? "") + Self.hiddenNote(options.hidden) + "\n").utf8

        if options.sentences, let outlets {
            out += alignmentLines(outlets).utf8
        } else if options.sentences {
            var oldText = comparison.old.text, newText = comparison.new.text
            oldText.withUTF8 { oldBytes in
                newText.withUTF8 { newBytes in
                    let sides = Sides(comparison: comparison, oldBytes: oldBytes, newBytes: newBytes)
                    head(comparison, sides, into: &out)
                    sentenceLines(comparison, sides, slices: slices, into: &out)
                }
            }
        }
        if let facts, !facts.visible.isEmpty || !facts.framing.isEmpty,
           comparison.summary.hasDifferences || !options.sentences {
            var section = (options.sentences ? "\n" : "") + paint("facts", .bold) + "\n"
            let width = (facts.visible.map { FactSection.label($0.relation).count } + (facts.framing.isEmpty ? [] : [7])).max() ?? 0
            for row in facts.rows {
                switch row {
                case .entry(let entry): section += factLine(entry, labelWidth: width)
                case .framing(let contrast): section += framingLine(contrast, labelWidth: width)
                }
            }
            out += section.utf8
        }
        return out
    }

    /// Both texts' bytes, borrowed while the sentence lines are written: each
    /// sentence is copied once, straight into the output, white space
    /// collapsed and control characters escaped on the way.
    /// `@unchecked Sendable`: the texts' bytes, borrowed read-only while a
    /// render runs; the slices rendered on several cores only read them.
    private struct Sides: @unchecked Sendable {
        let comparison: DocumentComparison
        let oldBytes: UnsafeBufferPointer<UInt8>
        let newBytes: UnsafeBufferPointer<UInt8>

        func append(_ range: Range<Int>?, old: Bool, to out: inout [UInt8]) {
            guard let range else { return }
            let sentences = old ? comparison.old.sentences : comparison.new.sentences
            for index in range {
                if index > range.lowerBound { out.append(0x20) }
                TerminalText.append(UnsafeBufferPointer(rebasing: (old ? oldBytes : newBytes)[sentences[index].utf8Range]),
                                    to: &out, keepNewlines: false, collapsingWhitespace: true)
            }
        }
    }

    /// Long comparisons are written in slices on all cores, each slice
    /// starting from what the line before it showed, then joined in order.
    private func sentenceLines(_ comparison: DocumentComparison, _ sides: Sides, slices: Int, into out: inout [UInt8]) {
        let changes = comparison.changes
        let visible = ContextWindow.visibleIndices(changes, context: options.context, only: options.only)
        let pieces = Parallel.map(slices, grain: 1) { slice in
            let range = (changes.count * slice / slices)..<(changes.count * (slice + 1) / slices)
            var piece: [UInt8] = []
            piece.reserveCapacity(range.count * 48)
            sentenceLines(range, of: comparison, visible, sides, into: &piece)
            return piece
        }
        out.reserveCapacity(out.count + pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { out += piece }
    }

    private func sentenceLines(_ range: Range<Int>, of comparison: DocumentComparison, _ visible: [Bool], _ sides: Sides,
                               into out: inout [UInt8]) {
        let changes = comparison.changes
        var previousShown = visible[..<range.lowerBound].lastIndex(of: true)
        var previousParagraph = previousShown.map { comparison.paragraph(of: changes[$0]) }
        for index in range where visible[index] {
            let change = changes[index]
            if let previous = previousShown, index > previous + 1 { out += (paint("  ⋯", .dim) + "\n").utf8 }
            let paragraph = comparison.paragraph(of: change)
            if let previousParagraph, paragraph != previousParagraph, previousShown == index - 1 { out.append(0x0A) }
            previousParagraph = paragraph
            previousShown = index
            if let only = options.only, change.operation != .equal, !ContextWindow.isShown(change, only: only) {
                // A change of another kind, shown as context: the text as it now reads.
                guard change.new != nil else { continue }
                line(SentenceChange(operation: .equal, old: change.old, new: change.new), sides, into: &out)
            } else {
                line(change, sides, into: &out)
            }
            out.append(0x0A)
        }
    }

    /// The head: the few edits a fact-checker reads first (meaning, then
    /// fact edits, in reading order within each), before the whole diff.
    private func head(_ comparison: DocumentComparison, _ sides: Sides, into out: inout [UInt8]) {
        let ranked = Self.important(comparison)
        guard !ranked.isEmpty, options.highlights > 0, options.only == nil else { return }
        out += (paint("most important", .bold) + "\n").utf8
        for index in ranked.prefix(options.highlights) {
            let change = comparison.changes[index]
            let kind = change.editKind!.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            out += ("  " + paint(kind, change.editKind == .meaning ? .yellow : .cyan) + " ").utf8
            line(change, sides, into: &out, labelled: false)
            out.append(0x0A)
        }
        if ranked.count > options.highlights {
            out += paint("  … \(ranked.count - options.highlights) more (--only meaning,fact lists them)", .dim).utf8
            out.append(0x0A)
        }
        out.append(0x0A)
    }

    /// Meaning edits, then fact edits, each in reading order.
    static func important(_ comparison: DocumentComparison) -> [Int] {
        let indices = comparison.changes.indices
        return indices.filter { comparison.changes[$0].editKind == .meaning } + indices.filter { comparison.changes[$0].editKind == .fact }
    }

    private func factLine(_ entry: FactComparison.Entry, labelWidth width: Int) -> String {
        let label = FactSection.label(entry.relation).padding(toLength: width, withPad: " ", startingAt: 0)
        let style: Style = switch entry.relation {
        case .added, .onlyNew: .green
        case .removed, .onlyOld: .red
        case .changed, .conflicting: .yellow
        default: .dim
        }
        let kind = (entry.old ?? entry.new)!.kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
        let body: String
        switch (entry.old, entry.new) {
        case let (old?, new?) where entry.relation == .changed || entry.relation == .conflicting || entry.relation == .consistent:
            body = old.summary + "  →  " + new.summary
        case let (old?, new?):
            body = old.summary + (old.summary == new.summary ? "" : "  |  " + new.summary)
        case let (old?, nil): body = old.summary
        case let (nil, new?): body = new.summary
        default: body = ""
        }
        return "  " + paint(label, style) + "  " + kind + " " + TerminalText.escapingControls(body, keepNewlines: false) + "\n"
    }

    private func framingLine(_ contrast: FramingContrast, labelWidth width: Int) -> String {
        let label = "framing".padding(toLength: width, withPad: " ", startingAt: 0)
        let (old, new) = FactSection.wording(contrast)
        let body = old + "  vs  " + new + "  (" + contrast.family + "; " + contrast.referent + ")"
        return "  " + paint(label, .cyan) + "  " + TerminalText.escapingControls(body, keepNewlines: false) + "\n"
    }

    /// " · 3 changes to ignored lines hidden (--show-furniture shows furniture)".
    public static func hiddenNote(_ hidden: Int) -> String {
        hidden == 0 ? "" : " · \(hidden) change\(hidden == 1 ? "" : "s") to furniture or ignored lines hidden"
    }

    public func summaryLine(_ comparison: DocumentComparison) -> String {
        let s = comparison.summary
        guard s.hasDifferences else { return "no changes (\(s.unchanged) sentences unchanged)" }
        var parts: [String] = []
        if s.modified > 0 {
            // "4 modified (2 meaning, 1 fact)": the kinds a reader must not miss.
            let counts = comparison.editKindCounts
            let notable = [EditKind.meaning, .fact].compactMap { kind in counts[kind].map { "\($0) \(kind.rawValue)" } }
            parts.append("\(s.modified) modified" + (notable.isEmpty ? "" : " (" + notable.joined(separator: ", ") + ")"))
        }
        if s.added > 0 { parts.append("\(s.added) added") }
        if s.removed > 0 { parts.append("\(s.removed) removed") }
        if s.moved > 0 { parts.append("\(s.moved) moved") }
        parts.append("\(s.unchanged) unchanged")
        return parts.joined(separator: ", ")
    }

    // MARK: - Lines

    private func line(_ change: SentenceChange, _ sides: Sides, into out: inout [UInt8], labelled: Bool = true) {
        func painted(_ style: Style, _ body: (inout [UInt8]) -> Void) {
            if options.color { out += "\u{1B}[\(style.rawValue)m".utf8 }
            body(&out)
            if options.color { out += "\u{1B}[0m".utf8 }
        }
        func oldText(_ out: inout [UInt8]) { sides.append(change.old, old: true, to: &out) }
        func newText(_ out: inout [UInt8]) { sides.append(change.new, old: false, to: &out) }
        switch change.operation {
        case .equal:
            out += "  ".utf8
            painted(.dim, newText)
        case .insert:
            out += paint("+ ", .green).utf8
            painted(.green, newText)
        case .delete:
            out += paint("- ", .red).utf8
            painted(.red, oldText)
        case .modify:
            let label = change.editKind.map { " " + paint("(\($0.rawValue))", .dim) } ?? ""
            out += paint("~ ", .yellow).utf8
            if change.words.isEmpty {
                // Sentence level only: old and new in full.
                painted(.red, oldText)
                out += ("\n" + paint("  → ", .yellow)).utf8
                painted(.green, newText)
            } else {
                out += words(change.words).utf8
            }
            if labelled { out += label.utf8 }
        case .move:
            let from = (change.old?.lowerBound ?? 0) + 1
            out += paint("> ", .cyan).utf8
            if change.words.isEmpty { newText(&out) } else { out += words(change.words).utf8 }
            out += (" " + paint("(moved from sentence \(from))", .dim)).utf8
        }
    }

    private func words(_ segments: [WordSegment]) -> String {
        var out = ""
        for (index, segment) in segments.enumerated() {
            if segment.spaceBefore && index > 0 { out += " " }
            let text = TerminalText.escapingControls(segment.text, keepNewlines: false)
            switch segment.operation {
            case .equal: out += text
            case .delete: out += options.color ? paint(text, .redStrike) : "[-" + text + "-]"
            case .insert: out += options.color ? paint(text, .greenBold) : "{+" + text + "+}"
            }
        }
        return out
    }

    // MARK: - Colour

    enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", cyan = "36"
        case redStrike = "31;9", greenBold = "32;1"
    }

    private func paint(_ text: String, _ style: Style) -> String {
        options.color ? "\u{1B}[\(style.rawValue)m" + text + "\u{1B}[0m" : text
    }
}
