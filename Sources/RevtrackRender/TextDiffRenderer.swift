import RevtrackCore
import RevtrackFacts
import RevtrackText

/// Renders a sentence-level comparison for a terminal or a pipe: changed
/// sentences with a little context, word changes inline (`[-old-]{+new+}` as
/// `git diff --word-diff=plain` writes them when colour is off), moves marked
/// with where they came from. Article text is escaped before it is printed.
public struct TextDiffRenderer {
    public struct Options {
        public var color = false
        /// Unchanged sentences shown around each change; nil shows everything.
        public var context: Int? = 1
        /// False shows only the header, the summary and the facts (`--level facts`).
        public var sentences = true
        public init(color: Bool = false, context: Int? = 1, sentences: Bool = true) {
            self.color = color
            self.context = context
            self.sentences = sentences
        }
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    public func render(_ comparison: DocumentComparison, oldLabel: String, newLabel: String,
                       facts: FactSection? = nil) -> String {
        var out = ""
        out += paint("--- " + TerminalText.escapingControls(oldLabel, keepNewlines: false), .bold) + "\n"
        out += paint("+++ " + TerminalText.escapingControls(newLabel, keepNewlines: false), .bold) + "\n"
        out += summaryLine(comparison) + (facts.map { " · " + $0.summary } ?? "") + "\n"

        let changes = comparison.changes
        let visible = ContextWindow.visibleIndices(changes, context: options.context)
        var previousShown: Int? = nil
        var previousParagraph: Int? = nil
        for (index, change) in changes.enumerated() where options.sentences && visible.contains(index) {
            if let previous = previousShown, index > previous + 1 { out += paint("  ⋯", .dim) + "\n" }
            let paragraph = comparison.paragraph(of: change)
            if let previousParagraph, paragraph != previousParagraph, previousShown == index - 1 { out += "\n" }
            previousParagraph = paragraph
            previousShown = index
            out += line(change, comparison) + "\n"
        }
        if let facts, !facts.visible.isEmpty || !facts.framing.isEmpty,
           comparison.summary.hasDifferences || !options.sentences {
            out += (options.sentences ? "\n" : "") + paint("facts", .bold) + "\n"
            let width = (facts.visible.map { FactSection.label($0.relation).count } + (facts.framing.isEmpty ? [] : [7])).max() ?? 0
            for row in facts.rows {
                switch row {
                case .entry(let entry): out += factLine(entry, labelWidth: width)
                case .framing(let contrast): out += framingLine(contrast, labelWidth: width)
                }
            }
        }
        return out
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

    public func summaryLine(_ comparison: DocumentComparison) -> String {
        let s = comparison.summary
        guard s.hasDifferences else { return "no changes (\(s.unchanged) sentences unchanged)" }
        var parts: [String] = []
        if s.modified > 0 { parts.append("\(s.modified) modified") }
        if s.added > 0 { parts.append("\(s.added) added") }
        if s.removed > 0 { parts.append("\(s.removed) removed") }
        if s.moved > 0 { parts.append("\(s.moved) moved") }
        parts.append("\(s.unchanged) unchanged")
        return parts.joined(separator: ", ")
    }

    // MARK: - Lines

    private func line(_ change: SentenceChange, _ comparison: DocumentComparison) -> String {
        func oldText() -> String { text(change.old, comparison.old.sentences) }
        func newText() -> String { text(change.new, comparison.new.sentences) }
        switch change.operation {
        case .equal:
            return "  " + paint(newText(), .dim)
        case .insert:
            return paint("+ ", .green) + paint(newText(), .green)
        case .delete:
            return paint("- ", .red) + paint(oldText(), .red)
        case .modify:
            let label = change.editKind.map { " " + paint("(\($0.rawValue))", .dim) } ?? ""
            if change.words.isEmpty {
                // Sentence level only: old and new in full.
                return paint("~ ", .yellow) + paint(oldText(), .red) + "\n" + paint("  → ", .yellow) + paint(newText(), .green) + label
            }
            return paint("~ ", .yellow) + words(change.words) + label
        case .move:
            let from = (change.old?.lowerBound ?? 0) + 1
            let body = change.words.isEmpty ? newText() : words(change.words)
            return paint("> ", .cyan) + body + " " + paint("(moved from sentence \(from))", .dim)
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

    private func text(_ range: Range<Int>?, _ sentences: [Sentence]) -> String {
        guard let range else { return "" }
        return TerminalText.escapingControls(range.map { sentences[$0].normalized }.joined(separator: " "), keepNewlines: false)
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
