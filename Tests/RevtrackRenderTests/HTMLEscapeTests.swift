import Testing
import RevtrackRender

@Suite("HTML escaping")
struct HTMLEscapeTests {
    @Test("markup characters and control characters are escaped")
    func escape() {
        #expect(HTMLDiffRenderer.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLDiffRenderer.escape("bell\u{07} esc\u{1B}") == "bell\\u{7} esc\\u{1B}")
        #expect(HTMLDiffRenderer.escape("“Ünïcode” — ok") == "“Ünïcode” — ok")
    }
}
