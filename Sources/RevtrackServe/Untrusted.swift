import Foundation
import RevtrackRender

/// Text from articles, titles, URLs and track names on its way into a page or
/// a feed. The templates escape markup; this takes out what escaping leaves:
/// bidirectional controls, which would reorder what a reader sees ("Trojan
/// Source"), and control characters, which are invalid in XML and HTML.
enum Untrusted {
    static func text(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnwanted) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if TerminalText.isBidiControl(scalar) { continue }
            if isControl(scalar) { out.append(" "); continue }
            out.append(scalar)
        }
        return String(out)
    }

    static func optional(_ text: String?) -> String? { text.map { self.text($0) } }

    private static func isUnwanted(_ scalar: Unicode.Scalar) -> Bool {
        TerminalText.isBidiControl(scalar) || isControl(scalar)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
            || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    /// A link's target path segment: a track name is ASCII by its rules, so
    /// only the characters URLs reserve need encoding.
    static func path(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: pathCharacters) ?? ""
    }

    /// A query value (a revision spec: `karabakh/reuters@2`): the same characters pass as in a path.
    static func query(_ text: String) -> String { path(text) }

    private static let pathCharacters: CharacterSet = {
        var set = CharacterSet.alphanumerics
        set.insert(charactersIn: "-._~/@")
        return set
    }()
}
