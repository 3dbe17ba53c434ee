import RevtrackCore
import RevtrackFacts
import RevtrackText

/// A standalone HTML report: inline CSS, no scripts, opens offline. Every piece
/// of article text and metadata is escaped, so a hostile page cannot inject
/// markup or script into the report.
public enum HTMLDiffRenderer {
    /// - Parameter sentences: false for a facts-only report (`--level facts`).
    /// - Parameter only: edits of these kinds only (`--only meaning,fact`).
    public static func render(_ comparison: DocumentComparison, old: DiffSide, new: DiffSide, facts: FactSection? = nil,
                              sentences: Bool = true, only: Set<EditKind>? = nil, hidden: Int = 0,
                              outlets: AlignmentView? = nil) -> String {
        var summary = outlets?.summary ?? TextDiffRenderer(options: .init()).summaryLine(comparison)
        if let facts { summary += " · " + facts.summary }
        summary += TextDiffRenderer.hiddenNote(hidden)
        var rows = ""
        var previousParagraph: Int? = nil
        for change in comparison.changes where sentences && (only == nil || ContextWindow.isShown(change, only: only)) {
            let paragraph = comparison.paragraph(of: change)
            if let previousParagraph, paragraph != previousParagraph { rows += "<tr class=\"break\"><td colspan=\"3\"></td></tr>\n" }
            previousParagraph = paragraph
            rows += row(change, comparison)
        }
        // The edits a fact-checker reads first: meaning, then fact edits.
        let important = sentences && outlets == nil ? TextDiffRenderer.important(comparison) : []
        let head = important.isEmpty ? "" : "<h2>Most important</h2>\n<table class=\"highlights\">\n<colgroup><col><col class=\"mark\"><col></colgroup>\n"
            + important.map { row(comparison.changes[$0], comparison) }.joined() + "</table>\n<h2>All changes</h2>"
        return """
            \(documentHead(title: old.spec + " → " + new.spec))
            <style>
            body { font: 15px/1.5 Georgia, 'Times New Roman', serif; margin: 2em auto; max-width: 1200px; color: #222; padding: 0 1em; }
            header h1 { font: 600 1.2em system-ui, sans-serif; margin: 0 0 .3em; }
            header p { margin: .1em 0; font-family: system-ui, sans-serif; font-size: .9em; color: #555; }
            .summary { font: 600 .95em system-ui, sans-serif; margin: 1em 0; padding: .5em .8em; background: #f3f3f0; border-radius: 4px; }
            table { border-collapse: collapse; width: 100%; table-layout: fixed; }
            td { vertical-align: top; padding: .25em .6em; }
            td.mark { width: 1.5em; text-align: center; font: 600 .9em system-ui, sans-serif; color: #888; }
            tr.equal td.text { color: #777; }
            tr.delete td.old { background: #fde8e8; }
            tr.insert td.new { background: #e6f6e6; }
            tr.modify td.old { background: #fdf3f3; } tr.modify td.new { background: #f1faf1; }
            tr.move td { background: #eef4fb; }
            tr.break td { height: .8em; }
            del { background: #f8c4c4; text-decoration: line-through; }
            ins { background: #b9e8b9; text-decoration: none; }
            .kind, .from { font: .75em system-ui, sans-serif; color: #666; margin-left: .4em; }
            .kind.meaning { color: #a15c00; font-weight: 600; } .kind.fact { color: #1d5e91; font-weight: 600; }
            table.highlights { margin-bottom: 1em; }
            h2 { font: 600 1.05em system-ui, sans-serif; margin: 1.5em 0 .4em; }
            table.facts td { border-top: 1px solid #eee; }
            table.facts td.relation, table.facts td.fact-kind { width: 8em; font: .85em system-ui, sans-serif; color: #555; }
            table.facts tr.framing td { background: #eef6fb; }
            table.facts span.referent { color: #555; font-size: .85em; }
            tr.changed td.relation, tr.conflicting td.relation { color: #a15c00; font-weight: 600; }
            tr.added td.relation, tr.only-new td.relation { color: #1f7a1f; }
            tr.removed td.relation, tr.only-old td.relation { color: #b22222; }
            \(alignmentStyle)
            </style>
            </head>
            <body>
            <header>
            <h1>\(escape(old.spec)) → \(escape(new.spec))</h1>
            <p>Old: \(escape(old.headline))</p>
            <p>New: \(escape(new.headline))</p>
            </header>
            <p class="summary">\(escape(summary))</p>
            \(head)
            \(sentences ? outlets.map(alignmentTable) ?? "<table>\n<colgroup><col><col class=\"mark\"><col></colgroup>\n" + rows + "</table>" : "")
            \(facts.map(factTable) ?? "")
            </body>
            </html>

            """
    }

    /// The fact section: one row per fact entry or framing contrast, old and new side by side.
    private static func factTable(_ facts: FactSection) -> String {
        let rows = facts.rows.map { row -> String in
            switch row {
            case .entry(let entry):
                let kind = (entry.old ?? entry.new)!.kind.rawValue
                return "<tr class=\"\(entry.relation.rawValue)\"><td class=\"relation\">\(escape(FactSection.label(entry.relation)))</td>"
                    + "<td class=\"fact-kind\">\(kind)</td><td>\(escape(entry.old?.summary ?? ""))</td><td>\(escape(entry.new?.summary ?? ""))</td></tr>"
            case .framing(let contrast):
                let (old, new) = FactSection.wording(contrast)
                return "<tr class=\"framing\"><td class=\"relation\">framing</td><td class=\"fact-kind\">\(escape(contrast.family))</td>"
                    + "<td>\(escape(old))</td><td>\(escape(new)) <span class=\"referent\">(\(escape(contrast.referent)))</span></td></tr>"
            }
        }
        guard !rows.isEmpty else { return "<h2>Facts</h2>\n<p class=\"summary\">\(escape(facts.summary))</p>" }
        return "<h2>Facts</h2>\n<table class=\"facts\">\n<colgroup><col><col><col><col></colgroup>\n"
            + "<tr><td class=\"relation\"></td><td class=\"fact-kind\"></td><td><b>old</b></td><td><b>new</b></td></tr>\n"
            + rows.joined(separator: "\n") + "\n</table>"
    }

    private static func row(_ change: SentenceChange, _ comparison: DocumentComparison) -> String {
        func text(_ range: Range<Int>?, _ sentences: [Sentence]) -> String {
            guard let range else { return "" }
            return escape(range.map { sentences[$0].normalized }.joined(separator: " "))
        }
        var left = text(change.old, comparison.old.sentences)
        var right = text(change.new, comparison.new.sentences)
        if !change.words.isEmpty {
            left = ""; right = ""
            for (index, segment) in change.words.enumerated() {
                let space = segment.spaceBefore && index > 0 ? " " : ""
                let body = escape(segment.text)
                switch segment.operation {
                case .equal: left += space + body; right += space + body
                case .delete: left += space + "<del>" + body + "</del>"
                case .insert: right += space + "<ins>" + body + "</ins>"
                }
            }
        }
        let mark: String
        switch change.operation {
        case .equal: mark = ""
        case .delete: mark = "−"
        case .insert: mark = "+"
        case .modify:
            mark = "~"
            if let kind = change.editKind { right += "<span class=\"kind \(kind.rawValue)\">\(kind.rawValue)</span>" }
        case .move:
            mark = "↷"
            right += "<span class=\"from\">moved from sentence \((change.old?.lowerBound ?? 0) + 1)</span>"
        }
        return "<tr class=\"\(change.operation.rawValue)\"><td class=\"text old\">\(left)</td><td class=\"mark\">\(mark)</td><td class=\"text new\">\(right)</td></tr>\n"
    }

    /// The opening of every standalone report, up to its title: one place for
    /// the Content-Security-Policy that forbids all script and any resource
    /// a hostile page might make the report load.
    static func documentHead(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>revtrack: \(escape(title))</title>
        """
    }

    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters would be invalid in HTML: show them as code points.
                // Bidirectional marks, overrides and isolates would reorder what the reader sees ("Trojan Source").
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" || (0x7F...0x9F).contains(scalar.value)
                    || TerminalText.isBidiControl(scalar) {
                    out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
