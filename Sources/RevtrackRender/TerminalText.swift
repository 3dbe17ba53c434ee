/// Article text is untrusted: an ESC sequence or other control character in a
/// captured page must never reach a terminal raw, where it could move the
/// cursor, rewrite earlier lines or change the window title.
public enum TerminalText {
    /// Replaces C0/C1 control characters (except newline and tab) and the
    /// Unicode bidirectional overrides with visible escapes such as `\u{1B}`.
    public static func escapingControls(_ text: String, keepNewlines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepNewlines: keepNewlines) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepNewlines: keepNewlines) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func needsEscape(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        switch scalar.value {
        case 0x0A: return !keepNewlines
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        // Bidirectional embeddings, overrides and isolates ("Trojan Source").
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
