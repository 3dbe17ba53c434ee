import Foundation
import RevtrackTestSupport
import Testing

/// `diff` between two outlets and `compare` over a story, through the real binary.
@Suite("outlets: diff and compare")
struct OutletCommandsTests {
    let folder = TemporaryFolder()
    var cli: CLI { CLI(repository: folder.file("archive")) }

    static let wire = """
        Floods cut off Marrowby as river bursts its banks
        By Ana Kessler
        MARROWBY, Jan 9 (Meridian) - The river Tolve burst its banks on Tuesday and flooded the market town of Marrowby, forcing about 3,000 residents from their homes.
        Rescue crews in boats pulled 41 people from roofs and upper floors overnight, the regional fire service said.
        The regional government said it would close the Tolve bridge until engineers inspect it.
        """
    static let rewrite = """
        Some 4,000 residents of Marrowby were forced from their homes after the Tolve flooded the market town on Tuesday.
        Rescue crews in boats pulled 41 people from roofs and upper floors overnight, the fire service said.
        Local shops have opened their doors to families who lost everything.
        """
    static let republish = """
        Marrowby news: The river Tolve burst its banks on Tuesday and flooded the market town of Marrowby, forcing about 3,000 residents from their homes.
        Related: weather warnings
        Rescue crews in boats pulled 41 people from roofs and upper floors overnight, the regional fire service said.
        """

    func store() throws {
        for (track, text, time) in [("floods/wire", Self.wire, "2026-01-09T08:00:00Z"), ("floods/rewrite", Self.rewrite, "2026-01-09T10:00:00Z"),
                                    ("floods/local", Self.republish, "2026-01-09T09:00:00Z")] {
            let result = try cli.run(["add", track, folder.write(track.replacingOccurrences(of: "/", with: "-") + ".txt", text), "--date", time])
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    @Test("diff of two outlets shows what both report, the conflict first, copied sentences as edits, then what only one reports")
    func diffText() throws {
        try store()
        let result = try cli.run(["diff", "floods/wire", "floods/rewrite"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[2].hasPrefix("2 reported by both (1 conflicting, 1 copied) · 2 only in floods/wire@1 · 1 only in floods/rewrite@1 · copied text: "))
        #expect(lines[4].hasPrefix("≠ conflict: number “about 3,000 residents” / “Some 4,000 residents"))
        #expect(result.stdout.contains("≡ copied\n  ~ Rescue crews in boats pulled 41 people from roofs and upper floors overnight, the [-regional-] fire service said.\n"))
        #expect(result.stdout.contains("only in floods/wire@1\n  < Floods cut off Marrowby as river bursts its banks\n  < The regional government said it would close the Tolve bridge until engineers inspect it.\n"))
        #expect(result.stdout.contains("only in floods/rewrite@1\n  > Local shops have opened their doors to families who lost everything.\n"))
        // A byline is apparatus, not something only one outlet reports.
        #expect(!result.stdout.contains("By Ana Kessler"))
    }

    @Test("JSON lists the pairs with score, conflicts and facts, and the copied spans; HTML shows them without script")
    func diffFormats() throws {
        try store()
        let json = try cli.run(["diff", "floods/wire", "floods/rewrite", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let alignment = try #require(document["alignment"] as? [String: Any])
        let pairs = try #require(alignment["pairs"] as? [[String: Any]])
        // The lead and the copied sentence; the headline's words are the leads', and the two leads pair.
        #expect(pairs.count == 2)
        #expect((pairs[0]["conflicts"] as? [[String: Any]])?.first?["kind"] as? String == "number")
        #expect(pairs.filter { $0["relation"] as? String == "copied" && $0["words"] != nil }.count == 1)
        // Each pair says how likely a reader would draw it; a pair without a conflict stands from 0.4.
        let probabilities = pairs.compactMap { $0["probability"] as? Double }
        #expect(probabilities.count == pairs.count && probabilities.allSatisfy { (0...1).contains($0) })
        #expect(pairs.filter { ($0["conflicts"] as? [Any])?.isEmpty != false }.allSatisfy { ($0["probability"] as? Double ?? 0) >= 0.4 })
        let copied = try #require(alignment["copied"] as? [String: Any])
        #expect(((copied["newSpans"] as? [[Int]]) ?? []).count >= 1)
        let html = try cli.run(["diff", "floods/wire", "floods/rewrite", "--format", "html"])
        #expect(html.stdout.contains("<table class=\"alignment\">") && html.stdout.contains("<u class=\"copied\">"))
        #expect(!html.stdout.lowercased().contains("<script"))
        let sideBySide = try cli.run(["diff", "floods/wire", "floods/rewrite", "--format", "side-by-side"], environment: ["COLUMNS": "120"])
        #expect(sideBySide.stdout.contains(" ≠ ") && sideBySide.stdout.contains(" ≡ "))
    }

    @Test("compare: outlets oldest first, the republisher copies the wire, the conflicting count leads the facts")
    func compare() throws {
        try store()
        let result = try cli.run(["compare", "floods"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("story floods · 3 outlets"))
        #expect(result.stdout.contains("  1. wire ") && result.stdout.contains("  2. local ") && result.stdout.contains("copies floods/wire"))
        let json = try cli.run(["compare", "floods", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let facts = try #require(document["facts"] as? [[String: Any]])
        #expect(facts.first?["conflicting"] as? Bool == true)
        let copied = try #require(document["copied"] as? [[Double]])
        #expect(copied[1][0] > 0.9 && copied[2][0] < 0.5)
        // As the story stood before the rewrite: two outlets.
        let earlier = try cli.run(["compare", "floods", "--at", "2026-01-09T09:30:00Z"])
        #expect(earlier.stdout.hasPrefix("story floods · 2 outlets"))
        let html = try cli.run(["compare", "floods", "--format", "html"])
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>") && !html.stdout.lowercased().contains("<script"))
    }

    @Test("compare refuses a story of fewer than two tracks and a bad date, with exit 2")
    func badInput() throws {
        try store()
        let missing = try cli.run(["compare", "storms"])
        #expect(missing.status == 2 && missing.stderr.contains("'storms' has no tracks"))
        let date = try cli.run(["compare", "floods", "--at", "yesterday-ish"])
        #expect(date.status == 2 && date.stderr.hasPrefix("revtrack: --at:"))
    }
}
