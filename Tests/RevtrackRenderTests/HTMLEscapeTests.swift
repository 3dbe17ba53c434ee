import Testing
import RevtrackText
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

import RevtrackCore
import RevtrackFacts

@Suite("HTML report facts")
struct HTMLFactTableTests {
    @Test("the report has a fact table; a hostile quote in it is escaped")
    func factTable() {
        let old = "The mayor said 12 people died. \"<script>alert(1)</script>,\" he said."
        let new = "The mayor said 20 people died. \"<script>alert(1)</script>,\" he said."
        let comparison = DocumentComparison(old: old, new: new)
        let reference = CivilDate(year: 2025, month: 1, day: 1)
        let facts = FactSection(FactComparison(old: FactExtractor.extract(from: comparison.old, reference: reference),
                                               new: FactExtractor.extract(from: comparison.new, reference: reference),
                                               mode: .versions, alignment: comparison.alignment), mode: .versions)
        let html = HTMLDiffRenderer.render(comparison, old: DiffSide(spec: "a"), new: DiffSide(spec: "b"), facts: facts)
        #expect(html.contains("<h2>Facts</h2>"))
        #expect(html.contains("<tr class=\"changed\"><td class=\"relation\">changed</td><td class=\"fact-kind\">quantity</td><td>12 people (dead)</td><td>20 people (dead)</td></tr>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
    }
}
