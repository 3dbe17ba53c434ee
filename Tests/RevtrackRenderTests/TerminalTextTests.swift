import Testing
import RevtrackRender

@Suite("Terminal-safe text")
struct TerminalTextTests {
    @Test("control characters, ESC sequences and bidi overrides are made visible")
    func escapes() {
        #expect(TerminalText.escapingControls("plain “text” — ok\n\tnext") == "plain “text” — ok\n\tnext")
        #expect(TerminalText.escapingControls("a\u{1B}[31mred\u{1B}[0m") == "a\\u{1B}[31mred\\u{1B}[0m")
        #expect(TerminalText.escapingControls("x\u{9B}2Jy\u{7F}") == "x\\u{9B}2Jy\\u{7F}")
        #expect(TerminalText.escapingControls("abc\u{202E}fed") == "abc\\u{202E}fed")
        #expect(TerminalText.escapingControls("a\r\nb", keepNewlines: false) == "a\\u{D}\\u{A}b")
    }
}
