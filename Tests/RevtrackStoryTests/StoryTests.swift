import Foundation
import RevtrackFacts
import RevtrackStorage
import RevtrackStory
import RevtrackTestSupport
import RevtrackText
import Testing

/// The application layer called directly, with no process: what the CLI and
/// any other front end get from one call.
@Suite("Story: diff, history, blame, timeline and capture without the CLI")
struct StoryTests {
    let folder = TemporaryFolder()
    var location: RepositoryLocation { RepositoryLocation(path: folder.file("archive")) }

    /// The storm sample's six wire revisions, one hour apart.
    func stormStore() throws -> RevisionStore {
        let (store, created) = try location.openOrCreate()
        #expect(created)
        for number in 1...6 {
            let text = try sampleText("storm/wire-\(number).txt")
            let time = Date(timeIntervalSince1970: 1_760_000_000 + Double(number) * 3600)
            _ = try CaptureAndStore.add(text: text, to: "storm", title: nil, url: nil, captured: time, in: store)
        }
        return store
    }

    @Test("a diff request of two revisions of one track compares facts as versions and reports the changed toll")
    func versionsDiff() throws {
        _ = try stormStore()
        let (old, new) = try DiffRequest.latestChange(of: "storm", in: location)
        #expect(old.revision?.number == 5 && new.revision?.number == 6)
        let first = try TextSource.resolve("storm@1", in: location)
        let diff = DiffRequest().compare(first, new)
        #expect(diff.hasDifferences)
        let facts = try #require(diff.facts)
        #expect(facts.mode == .versions)
        #expect(facts.comparison.entries.contains { $0.relation == .changed && $0.old?.kind == .quantity })
    }

    @Test("two tracks compare as outlets; a text against itself is all shared and has no differences")
    func outletsDiff() throws {
        let (store, _) = try location.openOrCreate()
        let reuters = try sampleText("karabakh/reuters.txt"), opinion = try sampleText("karabakh/opinion.txt")
        _ = try CaptureAndStore.add(text: reuters, to: "karabakh/reuters", title: nil, url: nil, captured: Date(), in: store)
        _ = try CaptureAndStore.add(text: opinion, to: "karabakh/opinion", title: nil, url: nil, captured: Date(), in: store)
        let outlets = DiffRequest().compare(try TextSource.resolve("karabakh/reuters", in: location),
                                            try TextSource.resolve("karabakh/opinion", in: location))
        #expect(outlets.facts?.mode == .outlets)
        #expect(outlets.facts?.comparison.entries.contains { $0.relation == .shared || $0.relation == .consistent } == true)
        let same = DiffRequest(factsAs: .outlets).compare(try TextSource.resolve("karabakh/reuters", in: location),
                                                          try TextSource.resolve("karabakh/reuters", in: location))
        #expect(!same.hasDifferences)
        #expect(same.facts?.comparison.entries.allSatisfy { $0.relation == .shared } == true)
    }

    @Test("--level facts and sentence: facts only, or no facts at all")
    func levels() throws {
        let old = TextSource(label: "a", text: "The flood killed 12 people.", revision: nil)
        let new = TextSource(label: "b", text: "The flood killed 20 people.", revision: nil)
        #expect(DiffRequest(level: .sentence).compare(old, new).facts == nil)
        let factsOnly = DiffRequest(level: .facts).compare(old, new)
        #expect(!factsOnly.sentencesShown && factsOnly.hasDifferences)
    }

    @Test("story history: log steps, the fact timeline and blame agree on the storm's revisions")
    func history() throws {
        let store = try stormStore()
        let all = try StoryHistory.load("storm", range: RevisionRange(), store: store, withPrevious: false)
        #expect(all.revisions.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(all.steps.keys.sorted() == [2, 3, 4, 5, 6])
        #expect(all.facts.referents.contains { $0.changed })
        let ranged = try StoryHistory.load("storm", range: RevisionRange(since: RevisionBound("@3"), until: RevisionBound("4")),
                                           store: store, withPrevious: true)
        #expect(ranged.revisions.map(\.number) == [2, 3, 4])
        #expect(ranged.steps.keys.sorted() == [3, 4])
        let (revisions, blame) = try StoryHistory.blame("storm@4", store: store)
        #expect(revisions.count == 4)
        #expect(blame.origins.count == blame.latest.sentences.count)
        #expect(blame.origins.contains { $0.introduced == 0 } && blame.origins.allSatisfy { $0.lastChanged <= 3 })
    }

    @Test("a range that selects nothing is a one-line error")
    func emptyRange() throws {
        let store = try stormStore()
        #expect(throws: StoryError.self) {
            try StoryHistory.load("storm", range: RevisionRange(since: RevisionBound("9")), store: store, withPrevious: false)
        }
        #expect(RevisionBound("0") == nil && RevisionBound("yesterday") == nil)
    }

    @Test("capture and store: a page fetched over HTTP is stored with its provenance, and a file source reads back")
    func captureAndStore() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let html = try Data(contentsOf: URL(fileURLWithPath: samplesRoot + "/pages/jsonld-article.html"))
        server.route("/story", .init(headers: [("Content-Type", "text/html; charset=utf-8")], body: html))
        let (store, _) = try location.openOrCreate()
        let url = try CaptureAndStore.webURL(server.url("/story"))
        let page = try CaptureAndStore.fetch(url, selector: nil)
        let outcome = try CaptureAndStore.store(page, requested: url, selector: nil, keepHTML: true,
                                                to: try CaptureAndStore.track(named: "port", in: store), in: store)
        guard case .added(let revision) = outcome else { Issue.record("not added"); return }
        #expect(revision.title == "Port strike ends after 11 days")
        #expect(revision.metadata.page?.status == 200 && revision.metadata.page?.keptHTML == true)
        #expect(try store.text(of: revision) == (try sampleText("pages/jsonld-article.expected.txt")))
        #expect(throws: StoryError.self) { try CaptureAndStore.webURL("ftp://example.org/x") }
        #expect(throws: StoryError.self) { try CaptureAndStore.parseSelector("a > b") }
        let file = folder.write("note.txt", "One sentence.\n")
        #expect(try TextSource.resolve(file, in: location).text == "One sentence.\n")
        #expect(try TextSource.resolve("port", in: location).revision?.number == 1)
    }

    @Test("repository location: --repo, then REVTRACK_REPO, then .revtrack")
    func repositoryLocation() {
        #expect(RepositoryLocation(explicit: "x", environment: ["REVTRACK_REPO": "y"]).path == "x")
        #expect(RepositoryLocation(explicit: "", environment: ["REVTRACK_REPO": "y"]).path == "y")
        #expect(RepositoryLocation(explicit: nil, environment: [:]).path == ".revtrack")
    }

    @Test("a story's facts meet where outlets report one thing: a percentage meets the one its words tie it to, not another outlet's only percentage")
    func storyFacts() {
        let day = CivilDate(year: 2026, month: 6, day: 4)
        let wire = """
            Rail workers reject pay offer
            Inflation reached 7% this year, the statistics office said.
            The union rejected a 4.5% rise spread over two years, saying it fell far short of inflation.
            """
        let rewrite = """
            Union turns down rail pay deal
            The union turned down an offer of 3.5 percent, stretched over two years.
            """
        func outlet(_ name: String, _ hour: Int) -> StoryComparison.Outlet {
            StoryComparison.Outlet(track: "rail/" + name, spec: "rail/\(name)@1", captured: Date(timeIntervalSince1970: 1_780_000_000 + Double(hour) * 3600), title: nil)
        }
        let story = StoryComparison([(outlet("wire", 0), wire, day), (outlet("rewrite", 2), rewrite, day)])
        let rows = story.facts.filter { $0.kind == .quantity && $0.reporters == 2 }.map { ($0.values.map { $0 ?? "·" }, $0.conflicting) }
        #expect(rows.contains { $0.0 == ["4.5% rise spread", "3.5 percent"] && $0.1 })
        #expect(!rows.contains { $0.0 == ["7%", "3.5 percent"] })
    }

    @Test("outlets given newest first are put in capture order: the earlier capture is the copied one's likely source")
    func captureOrder() {
        let day = CivilDate(year: 2026, month: 6, day: 4)
        let wire = """
            Rail workers reject pay offer
            The union rejected a 4.5% rise spread over two years, saying it fell far short of what members had lost to inflation since the last settlement.
            Talks with the operator are due to resume next week at the conciliation service in the capital.
            """
        let copy = wire + "\nReaders can follow the dispute on our live page.\n"
        func outlet(_ name: String, _ hour: Int) -> StoryComparison.Outlet {
            StoryComparison.Outlet(track: "rail/" + name, spec: "rail/\(name)@1", captured: Date(timeIntervalSince1970: 1_780_000_000 + Double(hour) * 3600), title: nil)
        }
        let story = StoryComparison([(outlet("copy", 3), copy, day), (outlet("wire", 1), wire, day)])
        #expect(story.outlets.map(\.track) == ["rail/wire", "rail/copy"])
        #expect(story.likelySource == [nil, 0])
    }
}

@Suite("Reference day")
struct ReferenceDayTests {
    @Test("a page's own published time is the reference, not the capture time; without one, the capture day")
    func publishedFirst() throws {
        let folder = TemporaryFolder()
        let store = try RevisionStore.create(at: folder.file("archive"))
        let captured = Date(timeIntervalSince1970: 1_760_400_000)           // 2025-10-14
        let page = PageProvenance(status: 200, published: "2025-10-10T08:00:00Z")
        guard case .added(let revision) = try store.add(text: "Officials said on Monday that the bridge would reopen.",
                                                       to: try TrackName("bridge"), captured: captured, page: page) else {
            Issue.record("not added"); return
        }
        #expect(ReferenceDay.of(revision) == CivilDate(year: 2025, month: 10, day: 10))
        let source = try TextSource.stored(revision, in: store)
        let monday = FactExtractor.extract(from: source.text, reference: source.referenceDay()).first { $0.kind == .date }
        #expect(monday?.resolved == "2025-10-06", "the Monday before the page's own date, not before the capture")
        guard case .added(let plain) = try store.add(text: "A second text.", to: try TrackName("other"), captured: captured) else { return }
        #expect(ReferenceDay.of(plain) == CivilDate(year: 2025, month: 10, day: 14))
    }
}
