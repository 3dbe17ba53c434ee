import Testing
import RevtrackCore
import RevtrackRender

@Suite("Terminal-safe text")
struct TerminalTextTests {
    @Test("control characters, ESC sequences and bidi overrides are made visible")
    func escapes() {
        #expect(TerminalText.escapingControls("plain “text” — ok\n\tnext") == "plain “text” — ok\n\tnext")
        #expect(TerminalText.escapingControls("a\u{1B}[31mred\u{1B}[0m") == "a\\u{1B}[31mred\\u{1B}[0m")
        #expect(TerminalText.escapingControls("x\u{9B}2Jy\u{7F}") == "x\\u{9B}2Jy\\u{7F}")
        #expect(TerminalText.escapingControls("abc\u{202E}fed") == "abc\\u{202E}fed")
        #expect(TerminalText.escapingControls("a\u{2066}b\u{2069}c\u{2028}d") == "a\\u{2066}b\\u{2069}c\u{2028}d")
        #expect(TerminalText.escapingControls("a\r\nb", keepNewlines: false) == "a\\u{D}\\u{A}b")
    }

    @Test("sentences in a text diff are escaped and their white space collapsed in the same pass")
    func diffLines() {
        let old = "The army left.\nHe said \u{1B}[2Jno.\n"
        let new = "The army left.\nHe said \u{1B}[2J  yes,\n  really\u{202E}.\n"
        let output = TextDiffRenderer(options: .init(color: false, context: 1))
            .render(DocumentComparison(old: old, new: new, wordLevel: false), oldLabel: "a\u{1B}", newLabel: "b")
        #expect(!output.contains("\u{1B}") && !output.contains("\u{202E}"))
        #expect(output.contains("He said \\u{1B}[2J yes, really\\u{202E}."))
        #expect(output.hasPrefix("--- a\\u{1B}\n+++ b\n"))
    }
}
