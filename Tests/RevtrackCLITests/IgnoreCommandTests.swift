import Foundation
import RevtrackTestSupport
import Testing

/// Page furniture and `revtrack ignore` rules (issue 19): left out of diff,
/// log --stat and watch by default, stored texts untouched, rules carried by
/// push and pull.
@Suite("ignore rules and page furniture")
struct IgnoreCommandTests {
    let folder = TemporaryFolder()
    var cli: CLI { CLI(repository: folder.file("archive")) }

    func store(_ cli: CLI, _ texts: [String]) throws {
        for (hour, text) in texts.enumerated() {
            let result = try cli.run(["add", "wire", "-", "--date", "2026-01-01T0\(hour):00:00Z"], stdin: Data(text.utf8))
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    @Test("furniture is hidden by default and counted; --show-furniture shows it; a change only there exits 0")
    func furniture() throws {
        try store(cli, ["Troops left.\n\nShare this article\n\nIt rained.\n",
                        "Troops left.\n\nUpdated 9:20 AM ET\n\nIt rained.\n\nSign up for our newsletter today!\n"])
        let hidden = try cli.run(["diff", "wire"])
        #expect(hidden.status == 0)
        #expect(hidden.stdout.contains("no changes (2 sentences unchanged) · facts: no changes · 3 changes to furniture or ignored lines hidden"),
                "\(hidden.stdout)")
        let shown = try cli.run(["diff", "wire", "--show-furniture"])
        #expect(shown.status == 1 && shown.stdout.contains("- Share this article") && shown.stdout.contains("+ Updated 9:20 AM ET"))
        let stat = try cli.run(["log", "wire", "--stat"])
        #expect(stat.stdout.contains("no sentence changes"), "\(stat.stdout)")
        #expect(try cli.run(["log", "wire", "--stat", "--show-furniture"]).stdout.contains("+2 added, -1 removed"))
        // The stored text is what was captured.
        #expect(try cli.run(["show", "wire@1"]).stdout.contains("Share this article"))
        // blame leaves furniture out too, unless asked.
        let blame = try cli.run(["blame", "wire"]).stdout
        #expect(blame.contains("Troops left.") && !blame.contains("Updated 9:20") && !blame.contains("newsletter"), "\(blame)")
        #expect(try cli.run(["blame", "wire", "--show-furniture"]).stdout.contains("Updated 9:20 AM ET"))
    }

    @Test("scraped chrome, credits and copyright lines are furniture: no added line, no bogus move")
    func scrapedChrome() throws {
        let old = folder.write("old.txt", "Advertisement\n\nThe storm hit the coast on Monday.\n\nClose\n\nIt rained.\n")
        let new = folder.write("new.txt", """
            The storm hit the coast on Monday.\n\nURL\n\nEmail\n\nShare this article\n\n(AP Photo/Jane Doe)\n\n\
            Photo: Getty Images\n\nIt rained.\n\n© 2018 The Associated Press. All rights reserved.\n
            """)
        let result = try cli.run(["diff", old, new])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("no changes (2 sentences unchanged)") && !result.stdout.contains("moved"), "\(result.stdout)")
        // A credit still names its agency as a fact.
        #expect(try cli.run(["facts", new]).stdout.contains("Getty Images"))
    }

    @Test("rules: literal and /regex/, per track or for all; bad input is a one-line error; diff and log --stat leave matches out")
    func rules() throws {
        try store(cli, ["Troops left.\n\nNEWSLETTER: Get the morning brief.\n\nPolice are appealing for witnesses.\n",
                        "Troops returned.\n\nNEWSLETTER: Get the evening brief.\n"])
        #expect(try cli.run(["ignore"]).stdout.hasPrefix("no ignore rules"))
        #expect(try cli.run(["ignore", "add", "wire", "/^NEWSLETTER:/"]).stdout == "ignoring /^NEWSLETTER:/ in wire\n")
        #expect(try cli.run(["ignore", "add", "--all", "police are appealing for witnesses"]).status == 0)
        #expect(try cli.run(["ignore", "list"]).stdout
                == "wire\t/^NEWSLETTER:/\nall tracks\tpolice are appealing for witnesses\n")
        for bad in [["ignore", "add", "wire", "/[/"], ["ignore", "add", "nosuch", "x"], ["ignore", "add", "wire"],
                    ["ignore", "add", "--all", "a", "b"], ["ignore", "remove", "--all", "never added"]] {
            let result = try cli.run(bad)
            #expect(result.status == 2 && result.stderr.hasPrefix("revtrack: ") && result.stderr.filter { $0 == "\n" }.count == 1,
                    "\(bad): \(result.stderr)")
        }
        let diff = try cli.run(["diff", "wire"])
        #expect(diff.stdout.contains("~ Troops [-left-] {+returned+}.") && !diff.stdout.contains("NEWSLETTER"), "\(diff.stdout)")
        #expect(!diff.stdout.contains("appealing"))
        #expect(diff.stdout.contains("2 changes to furniture or ignored lines hidden"))
        #expect(try cli.run(["log", "wire", "--stat"]).stdout.contains("~1 modified"))
        #expect(try cli.run(["ignore", "remove", "wire", "/^NEWSLETTER:/"]).status == 0)
        #expect(try cli.run(["diff", "wire"]).stdout.contains("NEWSLETTER"))
    }

    @Test("rules travel with push and pull; rules added apart are united", .enabled(if: gitIsInstalled, "needs the git CLI"))
    func travel() throws {
        let server = folder.file("server.git")
        #expect(runGit(["init", "-q", "--bare", server])?.status == 0)
        let a = CLI(repository: folder.file("a")), b = CLI(repository: folder.file("b"))
        try store(a, ["Troops left.\n"])
        #expect(try a.run(["remote", "add", "origin", server]).status == 0)
        #expect(try a.run(["ignore", "add", "--all", "/^Advertisement/"]).status == 0)
        #expect(try a.run(["push"]).status == 0)
        #expect(try b.run(["clone", server, folder.file("b")]).status == 0)
        #expect(try b.run(["ignore", "list"]).stdout == "all tracks\t/^Advertisement/\n")
        #expect(try b.run(["ignore", "add", "wire", "Read more"]).status == 0)
        #expect(try a.run(["ignore", "add", "wire", "/Subscribe/"]).status == 0)
        #expect(try b.run(["push"]).status == 0)
        #expect(try a.run(["pull"]).status == 0)
        #expect(Set(try a.run(["ignore", "list"]).stdout.split(separator: "\n"))
                == ["all tracks\t/^Advertisement/", "wire\tRead more", "wire\t/Subscribe/"])
    }
}
