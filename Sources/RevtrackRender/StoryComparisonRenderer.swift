import Foundation
import RevtrackFacts
import RevtrackStorage
import RevtrackStory

/// The outlets of one story, one beside the other (`revtrack compare`): the
/// model is built by the Story layer and handed in as plain values, so
/// Render stays independent of the repository.
public struct StoryTable: Sendable {
    public struct Outlet: Sendable, Encodable {
        public let track: String
        public let revision: String
        public let captured: String
        public let title: String?
        public let words: Int
        /// The earlier outlet this one most likely copied from (its track), with the share.
        public let copiedFrom: String?
        public init(track: String, revision: String, captured: String, title: String?, words: Int, copiedFrom: String?) {
            self.track = track
            self.revision = revision
            self.captured = captured
            self.title = title
            self.words = words
            self.copiedFrom = copiedFrom
        }
    }

    public struct FactRow: Sendable, Encodable {
        public let kind: String
        public let conflicting: Bool
        /// Per outlet, in the outlets' order; null where an outlet does not report it.
        public let values: [String?]
        public init(kind: String, conflicting: Bool, values: [String?]) {
            self.kind = kind
            self.conflicting = conflicting
            self.values = values
        }
    }

    public struct Framing: Sendable, Encodable {
        public let old: String
        public let new: String
        public let contrast: FramingContrast
        public init(old: String, new: String, contrast: FramingContrast) {
            self.old = old
            self.new = new
            self.contrast = contrast
        }
    }

    public let story: String
    public let outlets: [Outlet]
    public let facts: [FactRow]
    /// `copied[i][j]`: the share of outlet i's words that it shares word for word with outlet j.
    public let copied: [[Double]]
    public let framing: [Framing]

    public init(story: String, outlets: [Outlet], facts: [FactRow], copied: [[Double]], framing: [Framing]) {
        self.story = story
        self.outlets = outlets
        self.facts = facts
        self.copied = copied
        self.framing = framing
    }
}

extension StoryTable {
    /// The table of a story's comparison, times as ISO 8601.
    public init(_ comparison: StoryComparison, story: String) {
        let tracks = comparison.outlets.map(\.track)
        self.init(
            story: story,
            outlets: comparison.outlets.enumerated().map { index, outlet in
                Outlet(track: outlet.track, revision: outlet.spec, captured: CaptureTime.format(outlet.captured), title: outlet.title,
                       words: outlet.words, copiedFrom: comparison.likelySource[index].map { tracks[$0] })
            },
            facts: comparison.facts.map { FactRow(kind: $0.kind.rawValue, conflicting: $0.conflicting, values: $0.values) },
            copied: comparison.copied,
            framing: comparison.framing.map { Framing(old: tracks[$0.old], new: tracks[$0.new], contrast: $0.contrast) })
    }
}

public enum StoryComparisonRenderer {
    // MARK: Text

    public static func text(_ table: StoryTable, color: Bool = false) -> String {
        func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text }
        func clean(_ text: String) -> String { TerminalText.escapingControls(text, keepNewlines: false) }
        var out = paint("story " + clean(table.story), "1") + " · \(table.outlets.count) outlets"
        let conflicting = table.facts.filter(\.conflicting).count
        out += " · \(table.facts.count) facts (\(conflicting) conflicting) · \(table.framing.count) framing contrasts\n"
        // Within a story, an outlet is its track's last part ("karabakh/reuters" → "reuters").
        let names = table.outlets.map { clean($0.track.hasPrefix(table.story + "/") ? String($0.track.dropFirst(table.story.count + 1)) : $0.track) }
        let width = names.map(\.count).max() ?? 0
        func padded(_ text: String, _ count: Int) -> String { text + String(repeating: " ", count: max(0, count - text.count)) }
        out += "\n" + paint("outlets", "1") + " (oldest capture first)\n"
        for (index, outlet) in table.outlets.enumerated() {
            out += "  \(index + 1). " + padded(names[index], width) + "  " + clean(outlet.revision) + "  " + outlet.captured
                + "  \(outlet.words) words" + (outlet.copiedFrom.map { paint("  copies " + clean($0), "36") } ?? "") + "\n"
        }
        out += "\n" + paint("copied text", "1") + " (row: share of its words it shares with the column; source: the earlier capture)\n"
        out += "  " + padded("", width) + "  " + (1...max(1, table.outlets.count)).map { padded(String($0), 5) }.joined() + "\n"
        for (i, row) in table.copied.enumerated() {
            out += "  " + padded(names[i], width) + "  " + row.enumerated().map { j, share in
                padded(i == j ? "—" : "\(Int((share * 100).rounded()))%", 5)
            }.joined() + "\n"
        }
        if !table.facts.isEmpty {
            out += "\n" + paint("facts", "1") + " (≠ conflicting; each outlet's wording, · where it does not report it)\n"
            for row in table.facts {
                let head = row.conflicting ? paint("≠ ", "33;1") : "  "
                let cells = zip(names, row.values).map { name, value in name + ": " + (value.map { clean($0) } ?? "·") }
                out += head + padded(row.kind, 9) + cells.joined(separator: " | ") + "\n"
            }
        }
        if !table.framing.isEmpty {
            out += "\n" + paint("framing", "1") + " (one referent, different words)\n"
            for item in table.framing {
                let (old, new) = FactSection.wording(item.contrast)
                out += "  " + clean(item.old) + " " + clean(old) + "  vs  " + clean(item.new) + " " + clean(new) + "  ("
                    + clean(item.contrast.family) + "; " + clean(item.contrast.referent) + ")\n"
            }
        }
        return out
    }

    // MARK: JSON

    public static func json(_ table: StoryTable) throws -> String {
        struct Document: Encodable {
            let schema = "revtrack-compare/1"
            let story: String
            let outlets: [StoryTable.Outlet]
            let facts: [StoryTable.FactRow]
            let copied: [[Double]]
            let framing: [StoryTable.Framing]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let rounded = table.copied.map { $0.map { ($0 * 1000).rounded() / 1000 } }
        return String(decoding: try encoder.encode(Document(story: table.story, outlets: table.outlets, facts: table.facts,
                                                            copied: rounded, framing: table.framing)), as: UTF8.self) + "\n"
    }

    // MARK: HTML

    /// A standalone report: inline CSS, no scripts, every text escaped.
    public static func html(_ table: StoryTable) -> String {
        let e = HTMLDiffRenderer.escape
        let head = table.outlets.map { "<th>\(e($0.track))<br><span class=\"when\">\(e($0.captured))</span></th>" }.joined()
        let outletRows = table.outlets.enumerated().map { index, outlet in
            "<tr><td>\(index + 1)</td><td>\(e(outlet.track))</td><td>\(e(outlet.revision))</td><td>\(e(outlet.captured))</td>"
                + "<td>\(e(outlet.title ?? ""))</td><td>\(outlet.words)</td><td>\(e(outlet.copiedFrom ?? ""))</td></tr>"
        }.joined(separator: "\n")
        let copyRows = table.copied.enumerated().map { i, row in
            "<tr><th>\(e(table.outlets[i].track))</th>" + row.enumerated().map { j, share in
                let percent = Int((share * 100).rounded())
                return i == j ? "<td class=\"self\">—</td>" : "<td style=\"background: rgba(29,94,145,\(String(format: "%.2f", min(share, 1) * 0.6)))\">\(percent)%</td>"
            }.joined() + "</tr>"
        }.joined(separator: "\n")
        let factRows = table.facts.map { row in
            "<tr class=\"\(row.conflicting ? "conflicting" : "")\"><td class=\"kind\">\(row.conflicting ? "≠ " : "")\(e(row.kind))</td>"
                + row.values.map { "<td>\($0.map(e) ?? "<span class=\"none\">·</span>")</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        let framingRows = table.framing.map { item in
            let (old, new) = FactSection.wording(item.contrast)
            return "<tr><td>\(e(item.contrast.family))</td><td>\(e(item.old)): \(e(old))</td><td>\(e(item.new)): \(e(new))</td><td>\(e(item.contrast.referent))</td></tr>"
        }.joined(separator: "\n")
        return """
            \(HTMLDiffRenderer.documentHead(title: "story " + table.story))
            <style>
            body { font: 15px/1.5 Georgia, 'Times New Roman', serif; margin: 2em auto; max-width: 1300px; color: #222; padding: 0 1em; }
            h1 { font: 600 1.2em system-ui, sans-serif; } h2 { font: 600 1.05em system-ui, sans-serif; margin: 1.5em 0 .4em; }
            table { border-collapse: collapse; width: 100%; } td, th { vertical-align: top; padding: .25em .6em; border-top: 1px solid #eee; text-align: left; }
            th { font: 600 .85em system-ui, sans-serif; } .when { font-weight: 400; color: #777; }
            td.kind { font: .85em system-ui, sans-serif; color: #555; width: 7em; } .none { color: #bbb; }
            tr.conflicting td { background: #fdf1e3; } tr.conflicting td.kind { color: #a15c00; font-weight: 600; }
            table.copying td { text-align: center; font: .85em system-ui, sans-serif; } td.self { color: #bbb; }
            </style>
            </head>
            <body>
            <h1>Story \(e(table.story)): \(table.outlets.count) outlets</h1>
            <h2>Outlets</h2>
            <table><tr><th>#</th><th>track</th><th>revision</th><th>captured</th><th>title</th><th>words</th><th>likely copies</th></tr>
            \(outletRows)
            </table>
            <h2>Copied text</h2>
            <p>Each row: the share of that outlet's words it shares word for word with the column's outlet. The earlier capture is the likely source.</p>
            <table class="copying"><tr><th></th>\(table.outlets.map { "<th>\(e($0.track))</th>" }.joined())</tr>
            \(copyRows)
            </table>
            <h2>Facts by outlet</h2>
            <table><tr><th></th>\(head)</tr>
            \(factRows)
            </table>
            <h2>Framing</h2>
            <table><tr><th>family</th><th>one outlet</th><th>another</th><th>referent</th></tr>
            \(framingRows)
            </table>
            </body>
            </html>

            """
    }
}
