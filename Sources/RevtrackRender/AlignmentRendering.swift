import Foundation
import RevtrackAlign
import RevtrackCore
import RevtrackFacts
import RevtrackText

/// Two outlets side by side: what both report (conflicts first, copied
/// passages marked and diffed as versions are), then what only one reports.
/// One model for the four formats, so they list the same pairs in the same order.
public struct AlignmentView: Sendable {
    public struct Item: Sendable {
        public enum Relation: String, Sendable { case both, copied }
        public let relation: Relation
        public let old: Int
        public let new: Int
        public let oldText: String
        public let newText: String
        public let score: Double
        /// How likely a careful reader would pair the two (the pair model).
        public let probability: Double
        public let words: [WordSegment]
        /// The pair's facts: "=" shared, "≈" consistent, "≠" conflicting.
        public let facts: [(mark: String, kind: Fact.Kind, old: String, new: String)]
        public let conflicts: [OutletAlignment.Conflict]
    }

    public let alignment: OutletAlignment
    /// Short names of the two sides ("karabakh/reuters@2").
    public let oldLabel: String
    public let newLabel: String
    public let items: [Item]
    public let onlyOld: [(index: Int, text: String)]
    public let onlyNew: [(index: Int, text: String)]

    public init(_ alignment: OutletAlignment, oldLabel: String, newLabel: String) {
        self.alignment = alignment
        self.oldLabel = oldLabel
        self.newLabel = newLabel
        func text(_ side: SegmentedText, _ index: Int) -> String { side.sentences[index].normalized }
        items = alignment.pairs.map { pair in
            let facts = pair.facts.compactMap { entry -> (String, Fact.Kind, String, String)? in
                guard let a = entry.old, let b = entry.new else { return nil }
                let mark = entry.relation == .shared ? "=" : entry.relation == .conflicting ? "≠" : "≈"
                return (mark, a.kind, a.text, b.text)
            }
            return Item(relation: pair.copied ? .copied : .both, old: pair.old, new: pair.new,
                        oldText: text(alignment.old, pair.old), newText: text(alignment.new, pair.new),
                        score: pair.score, probability: pair.probability, words: pair.words, facts: facts, conflicts: pair.conflicts)
        }
        onlyOld = alignment.onlyOld.map { ($0, text(alignment.old, $0)) }
        onlyNew = alignment.onlyNew.map { ($0, text(alignment.new, $0)) }
    }

    /// "14 reported by both (2 conflicting, 3 copied) · 5 only in A · 9 only in B · copied text: 12% of A, 15% of B".
    public var summary: String {
        var parts = ["\(items.count) reported by both"]
        let conflicting = alignment.conflictCount, copied = alignment.copiedCount
        let notes = (conflicting > 0 ? ["\(conflicting) conflicting"] : []) + (copied > 0 ? ["\(copied) copied"] : [])
        if !notes.isEmpty { parts[0] += " (" + notes.joined(separator: ", ") + ")" }
        parts.append("\(onlyOld.count) only in \(oldLabel)")
        parts.append("\(onlyNew.count) only in \(newLabel)")
        parts.append("copied text: \(Self.percent(alignment.copied.oldShare)) of \(oldLabel), \(Self.percent(alignment.copied.newShare)) of \(newLabel)")
        return parts.joined(separator: " · ")
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// "number “3,000 residents” / “about 4,000 residents”".
    public static func describe(_ conflict: OutletAlignment.Conflict) -> String {
        "\(conflict.kind.rawValue) “\(conflict.old)” / “\(conflict.new)”"
    }

    public static func describe(fact: (mark: String, kind: Fact.Kind, old: String, new: String)) -> String {
        fact.mark + " " + (fact.old == fact.new ? fact.old : fact.old + " / " + fact.new)
    }
}

// MARK: - Text

extension TextDiffRenderer {
    /// The alignment section of `diff A B` between outlets.
    func alignmentLines(_ view: AlignmentView) -> String {
        let (oldLabel, newLabel) = (view.oldLabel, view.newLabel)
        let color = options.color
        func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text }
        func clean(_ text: String) -> String { TerminalText.escapingControls(text, keepNewlines: false) }
        let (oldMark, newMark) = (paint("<", "31"), paint(">", "32"))
        var out = ""
        for item in view.items {
            let head: String
            if !item.conflicts.isEmpty {
                head = paint("≠ conflict: " + item.conflicts.map { clean(AlignmentView.describe($0)) }.joined(separator: "; "), "33;1")
            } else if item.relation == .copied {
                head = paint("≡ copied", "36")
            } else {
                head = paint("= both", "1") + paint(String(format: " (%.2f)", item.probability), "2")
            }
            out += "\n" + head + "\n"
            if item.relation == .copied, !item.words.isEmpty, item.words.contains(where: { $0.operation != .equal }) {
                out += "  ~ " + WordChanges.line(item.words, color: color, escapingControls: true) + "\n"
            } else {
                out += "  \(oldMark) " + clean(item.oldText) + "\n"
                out += "  \(newMark) " + clean(item.newText) + "\n"
            }
            if !item.facts.isEmpty {
                out += paint("    facts: ", "2") + item.facts.map { clean(AlignmentView.describe(fact: $0)) }.joined(separator: " · ") + "\n"
            }
        }
        if !view.onlyOld.isEmpty {
            out += "\n" + paint("only in " + clean(oldLabel), "1") + "\n"
            for (_, text) in view.onlyOld { out += "  \(oldMark) " + clean(text) + "\n" }
        }
        if !view.onlyNew.isEmpty {
            out += "\n" + paint("only in " + clean(newLabel), "1") + "\n"
            for (_, text) in view.onlyNew { out += "  \(newMark) " + clean(text) + "\n" }
        }
        return out
    }
}

/// Word edits on one line, as `git diff --word-diff=plain` writes them:
/// `[-old-]{+new+}`, or struck-through red and bold green with colour. The
/// one wording of a sentence's edits for the alignment view and `export`.
public enum WordChanges {
    /// - Parameter escapingControls: for a terminal; an export keeps the text as it is.
    public static func line(_ words: [WordSegment], color: Bool = false, escapingControls: Bool = false) -> String {
        var line = ""
        for (index, segment) in words.enumerated() {
            let text = escapingControls ? TerminalText.escapingControls(segment.text, keepNewlines: false) : segment.text
            if segment.spaceBefore && index > 0 { line += " " }
            switch segment.operation {
            case .equal: line += text
            case .delete: line += color ? "\u{1B}[31;9m" + text + "\u{1B}[0m" : "[-" + text + "-]"
            case .insert: line += color ? "\u{1B}[32;1m" + text + "\u{1B}[0m" : "{+" + text + "+}"
            }
        }
        return line
    }
}

// MARK: - JSON

/// The `alignment` member of `diff --format json` between outlets (docs/json-schema.md).
struct AlignmentJSON: Encodable {
    struct Conflict: Encodable { let kind: String, old: String, new: String }
    struct FactTie: Encodable { let kind: String, relation: String, old: String, new: String }
    struct Word: Encodable { let op: String, text: String, space: Bool }
    struct Pair: Encodable {
        let relation: String
        let old: Int
        let new: Int
        let oldText: String
        let newText: String
        let score: Double
        let probability: Double
        let conflicts: [Conflict]
        let facts: [FactTie]
        let words: [Word]?
    }
    struct Only: Encodable { let index: Int, text: String }
    struct Copied: Encodable {
        let oldShare: Double
        let newShare: Double
        /// UTF-8 byte ranges `[start, end)` of copied runs in each text.
        let oldSpans: [[Int]]
        let newSpans: [[Int]]
    }

    let pairs: [Pair]
    let onlyOld: [Only]
    let onlyNew: [Only]
    let copied: Copied

    init(_ view: AlignmentView) {
        func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
        pairs = view.items.map { item in
            Pair(relation: item.relation.rawValue, old: item.old, new: item.new, oldText: item.oldText, newText: item.newText,
                 score: round(item.score), probability: round(item.probability),
                 conflicts: item.conflicts.map { Conflict(kind: $0.kind.rawValue, old: $0.old, new: $0.new) },
                 facts: item.facts.map { FactTie(kind: $0.kind.rawValue, relation: $0.mark == "=" ? "shared" : $0.mark == "≠" ? "conflicting" : "consistent",
                                                 old: $0.old, new: $0.new) },
                 words: item.relation == .copied ? item.words.map { Word(op: $0.operation.rawValue, text: $0.text, space: $0.spaceBefore) } : nil)
        }
        onlyOld = view.onlyOld.map { Only(index: $0.index, text: $0.text) }
        onlyNew = view.onlyNew.map { Only(index: $0.index, text: $0.text) }
        let copied = view.alignment.copied
        self.copied = Copied(oldShare: round(copied.oldShare), newShare: round(copied.newShare),
                             oldSpans: copied.oldSpans.map { [$0.lowerBound, $0.upperBound] },
                             newSpans: copied.newSpans.map { [$0.lowerBound, $0.upperBound] })
    }
}

// MARK: - HTML

extension HTMLDiffRenderer {
    /// The pairs as a three-column table: old, what ties them, new; copied runs underlined.
    static func alignmentTable(_ view: AlignmentView) -> String {
        let (oldLabel, newLabel) = (view.oldLabel, view.newLabel)
        let copied = view.alignment.copied
        let bytes = [Array(view.alignment.old.text.utf8), Array(view.alignment.new.text.utf8)]
        func marked(_ sideIndex: Int, _ index: Int) -> String {
            let side = sideIndex == 0 ? view.alignment.old : view.alignment.new
            let spans = sideIndex == 0 ? copied.oldSpans : copied.newSpans
            let sentence = side.sentences[index]
            let sideBytes = bytes[sideIndex]
            // White space runs as one space, keeping a space at either end of a piece.
            func piece(_ range: Range<Int>) -> String {
                String(decoding: sideBytes[range], as: UTF8.self)
                    .split(omittingEmptySubsequences: false, whereSeparator: \.isWhitespace)
                    .reduce(into: "") { out, word in
                        if word.isEmpty { if !out.hasSuffix(" ") { out += " " } } else { out += (out.isEmpty || out.hasSuffix(" ") ? "" : " ") + word }
                    }
            }
            let inside = spans.filter { $0.overlaps(sentence.utf8Range) }
            guard !inside.isEmpty else { return escape(sentence.normalized) }
            var out = "", cursor = sentence.utf8Range.lowerBound
            for span in inside {
                let start = max(span.lowerBound, cursor), end = min(span.upperBound, sentence.utf8Range.upperBound)
                guard start < end else { continue }
                out += escape(piece(cursor..<start))
                out += "<u class=\"copied\">" + escape(piece(start..<end)) + "</u>"
                cursor = end
            }
            out += escape(piece(cursor..<sentence.utf8Range.upperBound))
            return out
        }
        var rows = ""
        for item in view.items {
            let tie: String
            if !item.conflicts.isEmpty {
                tie = "<b>≠ conflict</b><br>" + item.conflicts.map { escape(AlignmentView.describe($0)) }.joined(separator: "<br>")
            } else {
                tie = item.relation == .copied ? "≡ copied" : "= both <span class=\"score\">" + String(format: "%.2f", item.probability) + "</span>"
            }
            let facts = item.facts.isEmpty ? "" : "<div class=\"ties\">" + item.facts.map { escape(AlignmentView.describe(fact: $0)) }.joined(separator: "<br>") + "</div>"
            let cls = !item.conflicts.isEmpty ? "conflict" : item.relation.rawValue
            rows += "<tr class=\"\(cls)\"><td>\(marked(0, item.old))</td>"
                + "<td class=\"tie\">\(tie)\(facts)</td><td>\(marked(1, item.new))</td></tr>\n"
        }
        for (index, _) in view.onlyOld {
            rows += "<tr class=\"only-old\"><td>\(marked(0, index))</td><td class=\"tie\">only in old</td><td></td></tr>\n"
        }
        for (index, _) in view.onlyNew {
            rows += "<tr class=\"only-new\"><td></td><td class=\"tie\">only in new</td><td>\(marked(1, index))</td></tr>\n"
        }
        return """
            <h2>What both report</h2>
            <table class="alignment">
            <colgroup><col><col class="tie"><col></colgroup>
            <tr><td><b>\(escape(oldLabel))</b></td><td></td><td><b>\(escape(newLabel))</b></td></tr>
            \(rows)</table>
            """
    }

    static let alignmentStyle = """
        table.alignment col.tie { width: 13em; }
        table.alignment td { border-top: 1px solid #eee; }
        table.alignment td.tie { font: .8em system-ui, sans-serif; color: #555; }
        table.alignment tr.conflict td { background: #fdf1e3; } table.alignment tr.conflict td.tie { color: #a15c00; }
        table.alignment tr.copied td { background: #eef4fb; }
        table.alignment tr.only-old td, table.alignment tr.only-new td { color: #777; }
        table.alignment .ties { margin-top: .3em; } table.alignment .score { color: #999; }
        u.copied { text-decoration: underline dotted #1d5e91; background: #e3eef9; }
        """
}

// MARK: - Side by side

extension SideBySideRenderer {
    /// The pairs in two columns, then what only one reports.
    public func render(_ view: AlignmentView, old: DiffSide, new: DiffSide) -> String {
        let column = (width - 3) / 2
        var out = TerminalText.escapingControls(old.headline, keepNewlines: false) + "\n"
        out += TerminalText.escapingControls(new.headline, keepNewlines: false) + "\n"
        out += TerminalText.escapingControls(view.summary, keepNewlines: false) + "\n"
        out += String(repeating: "─", count: column) + "─┬─" + String(repeating: "─", count: column) + "\n"
        func clean(_ text: String) -> String { TerminalText.escapingControls(text, keepNewlines: false) }
        func rows(_ left: String, _ right: String, marker: String, style: Style) {
            let leftLines = wrap([Span(text: clean(left), style: style)], column)
            let rightLines = wrap([Span(text: clean(right), style: style)], column)
            for line in 0..<max(leftLines.count, rightLines.count) {
                let l = line < leftLines.count ? leftLines[line] : []
                let r = line < rightLines.count ? rightLines[line] : []
                out += paint(l, width: column) + " " + (line == 0 ? marker : "│") + " " + paint(r, width: nil) + "\n"
            }
        }
        for item in view.items {
            if !item.conflicts.isEmpty {
                out += paint([Span(text: "≠ " + clean(item.conflicts.map(AlignmentView.describe).joined(separator: "; ")), style: .removed)], width: nil) + "\n"
            }
            rows(item.oldText, item.newText, marker: item.conflicts.isEmpty ? (item.relation == .copied ? "≡" : "=") : "≠",
                 style: item.relation == .copied ? .moved : .plain)
            if !item.facts.isEmpty {
                rows("", "facts: " + item.facts.map(AlignmentView.describe(fact:)).joined(separator: " · "), marker: "│", style: .dim)
            }
        }
        for (_, text) in view.onlyOld { rows(text, "", marker: "<", style: .removed) }
        for (_, text) in view.onlyNew { rows("", text, marker: ">", style: .added) }
        return out
    }
}
