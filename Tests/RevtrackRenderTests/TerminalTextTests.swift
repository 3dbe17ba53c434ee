import Testing
import RevtrackCore
@testable import RevtrackRender
import RevtrackTestSupport

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

    @Test("every bidirectional mark, override and isolate is made visible on a terminal and in HTML",
          arguments: [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] as [UInt32])
    func bidi(_ value: UInt32) {
        let scalar = Unicode.Scalar(value)!
        let text = "Trump said \(Character(scalar))gnol.\n"
        let hex = String(value, radix: 16, uppercase: true)
        #expect(TerminalText.escapingControls(text) == "Trump said \\u{\(hex)}gnol.\n")
        #expect(!HTMLDiffRenderer.escape(text).unicodeScalars.contains(scalar))
        #expect(HTMLDiffRenderer.escape(text).contains("\\u{\(hex)}"))
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

    @Test("a diff written in slices on several cores reads the same as one written in one piece")
    func slices() throws {
        let early = try sampleText("karabakh/reuters-early.txt"), late = try sampleText("karabakh/reuters.txt")
        // Sentences shuffled between paragraphs too, so that slices start inside gaps and paragraphs.
        let moved = late.split(separator: "\n\n").reversed().joined(separator: "\n\n")
        for (old, new) in [(early, late), (late, moved), (early, early)] {
            let comparison = DocumentComparison(old: old, new: new)
            for context in [nil, 0, 1, 3] {
                let renderer = TextDiffRenderer(options: .init(color: false, context: context))
                let whole = renderer.renderUTF8(comparison, oldLabel: "a", newLabel: "b", facts: nil, slices: 1)
                for slices in [2, 3, 7, comparison.changes.count + 2] {
                    #expect(renderer.renderUTF8(comparison, oldLabel: "a", newLabel: "b", facts: nil, slices: slices) == whole,
                            "context \(String(describing: context)), \(slices) slices")
                }
            }
        }
    }
}
