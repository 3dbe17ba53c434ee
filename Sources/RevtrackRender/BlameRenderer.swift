import RevtrackCore
import RevtrackText

/// `blame` as text: each sentence of the latest revision with the revision
/// that introduced it, its last edit and when that was captured.
public struct BlameRenderer: Sendable {
    public var color: Bool
    public var width: Int

    public init(color: Bool, width: Int) {
        self.color = color
        self.width = width
    }

    /// - Parameters:
    ///   - captured: each revision's ISO 8601 capture time, oldest first.
    ///   - hiding: sentences left out (page furniture, ignore rules).
    public func render(_ history: SentenceHistory, captured: [String], hiding: (Sentence) -> Bool = { _ in false }) -> String {
        let numberWidth = String(captured.count).count + 1
        var out = ""
        var paragraph = 0
        for (sentence, origin) in zip(history.latest.sentences, history.origins) where !hiding(sentence) {
            if sentence.paragraph != paragraph { out += "\n"; paragraph = sentence.paragraph }
            let introduced = "@\(origin.introduced + 1)".padding(toLength: numberWidth, withPad: " ", startingAt: 0)
            let edited = origin.changes > 0
                ? "~@\(origin.lastChanged + 1) ×\(origin.changes)".padding(toLength: numberWidth + 4, withPad: " ", startingAt: 0)
                : String(repeating: " ", count: numberWidth + 4)
            let stamp = captured[origin.lastChanged]
            let when = String(stamp.dropFirst(5).prefix(11)).replacingOccurrences(of: "T", with: " ")  // MM-DD HH:MM
            let gutter = "\(introduced) \(edited) \(when) │ "
            let textWidth = max(20, width - gutter.count)
            let lines = Self.wrap(TerminalText.escapingControls(sentence.normalized, keepNewlines: false), width: textWidth)
            // Colour by age: the newest revision's sentences stand out, the oldest recede.
            let style = !color ? "" : origin.lastChanged == captured.count - 1 ? "\u{1B}[32m"
                : origin.lastChanged == 0 ? "\u{1B}[2m" : ""
            let reset = style.isEmpty ? "" : "\u{1B}[0m"
            for (index, line) in lines.enumerated() {
                out += (index == 0 ? gutter : String(repeating: " ", count: gutter.count - 2) + "│ ") + style + line + reset + "\n"
            }
        }
        return out
    }

    static func wrap(_ text: String, width: Int) -> [String] {
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
