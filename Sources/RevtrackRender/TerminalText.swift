import RevtrackText

/// Article text is untrusted: an ESC sequence or other control character in a
/// captured page must never reach a terminal raw, where it could move the
/// cursor, rewrite earlier lines or change the window title.
public enum TerminalText {
    /// Replaces C0/C1 control characters (except newline and tab) and the
    /// Unicode bidirectional marks, overrides and isolates with visible
    /// escapes such as `\u{1B}` or `\u{200F}`.
    public static func escapingControls(_ text: String, keepNewlines: Bool = true) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard firstEscape(bytes, from: 0, keepNewlines: keepNewlines) != nil else { return nil }
            var out: [UInt8] = []
            append(bytes, to: &out, keepNewlines: keepNewlines)
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// Appends UTF-8 `bytes` to `out` with the same escapes, in one pass over
    /// the bytes; with `collapsingWhitespace`, runs of ASCII white space turn
    /// into one space first (how sentences are shown), ends trimmed. Runs of
    /// bytes that need nothing are copied whole.
    public static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], keepNewlines: Bool,
                              collapsingWhitespace: Bool = false) {
        let count = bytes.count
        let start = out.count
        var index = 0, runStart = 0
        var pendingSpace = false
        func flush(upTo end: Int) {
            guard runStart < end else { return }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end]))
        }
        while index < count {
            let byte = bytes[index]
            // Ordinary bytes, and single spaces between words, stay in the run.
            if byte > 0x20 && byte != 0x7F && byte != 0xC2 && byte != 0xE2 && byte != 0xD8 { index += 1; continue }
            if byte == 0x20 && (!collapsingWhitespace
                || (index > 0 && index + 1 < count && !Whitespace.isSpace(bytes[index - 1]) && !Whitespace.isSpace(bytes[index + 1]))) {
                index += 1
                continue
            }
            if collapsingWhitespace && Whitespace.isSpace(byte) {
                flush(upTo: index)
                pendingSpace = out.count > start
                index += 1
                runStart = index
                continue
            }
            guard let (scalar, width) = escape(bytes, index, keepNewlines: keepNewlines) else { index += 1; continue }
            flush(upTo: index)
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(contentsOf: "\\u{\(String(scalar, radix: 16, uppercase: true))}".utf8)
            index += width
            runStart = index
        }
        flush(upTo: count)
    }

    private static func firstEscape(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, keepNewlines: Bool) -> Int? {
        var index = start
        while index < bytes.count {
            if escape(bytes, index, keepNewlines: keepNewlines) != nil { return index }
            index += 1
        }
        return nil
    }

    /// The scalar at `index` and its width when it must be escaped: C0 and C1
    /// controls (tab always kept, newline when asked) and the bidirectional
    /// embeddings, overrides and isolates ("Trojan Source").
    @inline(__always)
    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, keepNewlines: Bool) -> (UInt32, Int)? {
        let byte = bytes[index]
        switch byte {
        case 0x0A: return keepNewlines ? nil : (0x0A, 1)
        case 0x09: return nil
        case 0x00...0x1F, 0x7F: return (UInt32(byte), 1)
        case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
            return (UInt32(bytes[index + 1]), 2)                                    // U+0080–U+009F
        case 0xD8 where index + 1 < bytes.count && bytes[index + 1] == 0x9C:
            return (0x061C, 2)                                                      // U+061C Arabic letter mark
        case 0xE2 where index + 2 < bytes.count:
            let second = bytes[index + 1], third = bytes[index + 2]
            if second == 0x80 && (0xAA...0xAE).contains(third) { return (0x2000 + UInt32(third) - 0x80, 3) }   // U+202A–U+202E
            if second == 0x80 && (0x8E...0x8F).contains(third) { return (0x2000 + UInt32(third) - 0x80, 3) }   // U+200E–U+200F marks
            if second == 0x81 && (0xA6...0xA9).contains(third) { return (0x2040 + UInt32(third) - 0x80, 3) }   // U+2066–U+2069
            return nil
        default: return nil
        }
    }

    /// U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069: characters that
    /// change the direction text is shown in without being seen themselves.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
