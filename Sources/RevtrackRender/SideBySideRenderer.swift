import RevtrackCore
import RevtrackText

/// The two texts aligned sentence by sentence in two columns that fit the
/// terminal, long sentences wrapped; word changes marked in place (colour, or
/// `[-…-]` / `{+…+}` without it).
public struct SideBySideRenderer {
    public var width: Int
    public var color: Bool
    public var context: Int?
    /// Edits of these kinds only (`--only meaning,fact`).
    public var only: Set<EditKind>?

    public init(width: Int, color: Bool, context: Int? = 1, only: Set<EditKind>? = nil) {
        self.width = max(width, 40)
        self.color = color
        self.context = context
        self.only = only
    }

    /// A run of text with one style, before wrapping.
    struct Span { var text: String; var style: Style }
    enum Style { case plain, dim, removed, added, moved }

    public func render(_ comparison: DocumentComparison, old: DiffSide, new: DiffSide) -> String {
        let column = (width - 3) / 2
        var out = TerminalText.escapingControls(old.headline, keepNewlines: false) + "\n"
        out += TerminalText.escapingControls(new.headline, keepNewlines: false) + "\n"
        out += TextDiffRenderer(options: .init()).summaryLine(comparison) + "\n"
        out += String(repeating: "─", count: column) + "─┬─" + String(repeating: "─", count: column) + "\n"
        let visible = ContextWindow.visibleIndices(comparison.changes, context: context, only: only)
        var previous: Int? = nil
        for (index, change) in comparison.changes.enumerated() where visible[index] {
            if let previous, index > previous + 1 {
                out += pad("⋯", column) + " │ " + "⋯" + "\n"
            }
            previous = index
            let (left, right, marker) = cells(change, comparison)
            let leftLines = wrap(left, column), rightLines = wrap(right, column)
            for line in 0..<max(leftLines.count, rightLines.count) {
                let l = line < leftLines.count ? leftLines[line] : []
                let r = line < rightLines.count ? rightLines[line] : []
                out += paint(l, width: column) + " " + (line == 0 ? marker : "│") + " " + paint(r, width: nil) + "\n"
            }
        }
        return out
    }

    private func cells(_ change: SentenceChange, _ comparison: DocumentComparison) -> ([Span], [Span], String) {
        func text(_ range: Range<Int>?, _ sentences: [Sentence]) -> String {
            guard let range else { return "" }
            return TerminalText.escapingControls(range.map { sentences[$0].normalized }.joined(separator: " "), keepNewlines: false)
        }
        let oldText = text(change.old, comparison.old.sentences)
        let newText = text(change.new, comparison.new.sentences)
        switch change.operation {
        case .equal: return ([Span(text: oldText, style: .dim)], [Span(text: newText, style: .dim)], "│")
        case .delete: return ([Span(text: oldText, style: .removed)], [], "<")
        case .insert: return ([], [Span(text: newText, style: .added)], ">")
        case .modify, .move:
            let marker = change.operation == .move ? "»" : "~"
            guard !change.words.isEmpty else {
                let style: Style = change.operation == .move ? .moved : .plain
                return ([Span(text: oldText, style: style)], [Span(text: newText, style: style)], marker)
            }
            var left: [Span] = [], right: [Span] = []
            for (index, segment) in change.words.enumerated() {
                let text = (segment.spaceBefore && index > 0 ? " " : "") + TerminalText.escapingControls(segment.text, keepNewlines: false)
                switch segment.operation {
                case .equal:
                    left.append(Span(text: text, style: .plain)); right.append(Span(text: text, style: .plain))
                case .delete:
                    left.append(Span(text: color ? text : bracket(text, "[-", "-]"), style: .removed))
                case .insert:
                    right.append(Span(text: color ? text : bracket(text, "{+", "+}"), style: .added))
                }
            }
            return (left, right, marker)
        }
    }

    private func bracket(_ text: String, _ open: String, _ close: String) -> String {
        text.hasPrefix(" ") ? " " + open + text.dropFirst() + close : open + text + close
    }

    /// Splits spans into lines of at most `width` characters, breaking at spaces where possible.
    func wrap(_ spans: [Span], _ width: Int) -> [[Span]] {
        var lines: [[Span]] = [[]]
        var length = 0
        for span in spans {
            var words = span.text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            for (index, var word) in words.enumerated() {
                let space = index > 0 ? " " : ""
                while length + space.count + word.count > width && !(length == 0 && word.count <= width) {
                    if length > 0 { lines.append([]); length = 0; continue }
                    // A word longer than the column: hard break.
                    lines[lines.count - 1].append(Span(text: String(word.prefix(width)), style: span.style))
                    word = String(word.dropFirst(width))
                    lines.append([])
                }
                let piece = (length == 0 ? "" : space) + word
                lines[lines.count - 1].append(Span(text: piece, style: span.style))
                length += piece.count
            }
            words.removeAll()
        }
        return lines
    }

    func paint(_ spans: [Span], width: Int?) -> String {
        var out = ""
        var length = 0
        for span in spans {
            length += span.text.count
            guard color else { out += span.text; continue }
            switch span.style {
            case .plain: out += span.text
            case .dim: out += "\u{1B}[2m" + span.text + "\u{1B}[0m"
            case .removed: out += "\u{1B}[31m" + span.text + "\u{1B}[0m"
            case .added: out += "\u{1B}[32m" + span.text + "\u{1B}[0m"
            case .moved: out += "\u{1B}[36m" + span.text + "\u{1B}[0m"
            }
        }
        if let width, length < width { out += String(repeating: " ", count: width - length) }
        return out
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
