import Foundation
import Testing
import RevtrackText
import RevtrackTestSupport
import RevtrackCore
@testable import RevtrackFacts

func sample(_ path: String) throws -> String { try sampleText(path) }

let captureDay = CivilDate(year: 2024, month: 5, day: 15)

@Suite("Fact extraction")
struct FactExtractorTests {
    @Test("the Reuters sample: quantities with qualifiers and what they count")
    func reutersQuantities() throws {
        let facts = FactExtractor.extract(from: try sample("karabakh/reuters.txt"), reference: CivilDate(year: 2026, month: 1, day: 1))
        let quantities = facts.filter { $0.kind == .quantity }.map { [$0.value, $0.counted ?? "-"] }
        #expect(quantities == [
            ["nearly 2000", "troops"], ["a total of 1960", "Russian peacekeepers"], ["10", "barracks"],
            ["100000", "ethnic Armenians"], ["2", "wars"], ["more than 30000", "explosive devices"],
            ["more than 110", "prisoners of war"], ["more than 1900", "fallen soldiers"],
        ])
        let nearly = try #require(facts.first { $0.value == "nearly 2000" })
        #expect(nearly.qualifier == "nearly" && nearly.lower == 1800 && nearly.upper == 2000)
        #expect(nearly.text == "nearly 2,000 of its troops")
        #expect(facts.first { $0.value == "more than 110" }?.upper == 165)
    }

    @Test("decimal millions stay whole, currencies named after the amount, 'as much as', counts end before 'near'")
    func amounts() {
        let facts = FactExtractor.extract(
            from: "Nearly 16.4 million people could vote. Costs may reach 180 million euros. Shares fell as much as 7.5%. Police held 12 people near parliament.",
            reference: CivilDate(year: 2025, month: 1, day: 1)).filter { $0.kind == .quantity }
        #expect(facts.map(\.value) == ["nearly 16400000", "€180000000", "as much as 7.5%", "12"])
        #expect(facts.map { $0.counted ?? "-" } == ["people", "-", "-", "people"])
    }

    @Test("numbers said aloud and what they count: a plural head ends the counted words, a plural that modifies another noun does not", arguments: [
        ("More than a hundred schools were shut today.", "more than 100", "schools"),
        ("About a hundred and forty people spent last night at the centre.", "about 140", "people"),
        ("Around forty-two thousand homes lost power.", "around 42000", "homes"),
        ("About 40,000 passengers use the line every day.", "about 40000", "passengers"),
        ("Two hundred and fifty staff were hired.", "250", "staff"),
        ("He has to pay a hundred and fifty thousand dollar fine.", "$150000", "fine"),
        ("Comparable sales were up, uh, three point eight percent.", "3.8%", "-"),
        ("About one point nine four million customers were hit.", "about 1940000", "customers"),
        ("Output reached two and a half million tons.", "2500000", "tons"),
        // Each next group of a number said aloud, smaller than the multiplier before it.
        ("We had about two thousand four hundred calls that night.", "about 2400", "calls"),
        ("Two thousand four hundred and twenty homes lost power.", "2420", "homes"),
        ("One million two hundred thousand people voted.", "1200000", "people"),
        // A year said aloud counts nothing.
        ("Back in twenty sixteen about twenty-nine people fell ill.", "about 29", "people"),
        ("The team held a three point lead.", "3", "point lead"),
        ("The ministry is committing 4.2 million pounds to the campaign.", "£4200000", "-"),
        ("The closures will save 2.4 million pounds annually.", "£2400000", "-"),
        ("He was paid just shy of half a million dollars in total.", "just shy of $500000", "-"),
        ("The epicentre was about 40km northwest of Dolvany.", "about 40", "km"),
        ("The parcel weighed 40 pounds.", "40", "pounds"),
        ("The mercury hit 44.1C in the city on Sunday.", "44.1", "degrees"),
        ("Temperatures reached 44.1 °C on Sunday.", "44.1", "degrees"),
        ("It was 111°F in the shade.", "111", "fahrenheit"),
        ("The monthly pass will go up to $104 from $96.", "$104", "-"),
        ("Donations of up to $500 will be matched.", "up to $500", "-"),
        ("The council opened 12 sports centres overnight.", "12", "sports centres"),
        ("Some 90 water supply points were set up.", "some 90", "water supply points"),
        ("Officials held 30 prisoners of war.", "30", "prisoners of war"),
    ])
    func saidAloud(_ sentence: String, _ value: String, _ counted: String) throws {
        let fact = try #require(FactExtractor.extract(from: sentence, reference: CivilDate(year: 2026, month: 1, day: 14)).first { $0.kind == .quantity })
        #expect(fact.value == value && (fact.counted ?? "-") == counted)
    }

    @Test("the Reuters sample: dates resolved against the caption's date, not the capture time")
    func reutersDates() throws {
        let facts = FactExtractor.extract(from: try sample("karabakh/reuters.txt"), reference: CivilDate(year: 2026, month: 1, day: 1))
        let dates = facts.filter { $0.kind == .date }.map { [$0.text, $0.resolved ?? "-"] }
        #expect(dates == [["May 15, 2024", "2024-05-15"], ["Wednesday", "2024-05-15"], ["last year", "2023"],
                          ["last September", "2023-09"], ["1990s", "1990s"], ["Wednesday's", "2024-05-15"]])
        #expect(!facts.contains { $0.kind == .quantity && $0.text.contains("two-year") }, "a duration, not a count of 2")
    }

    @Test("the Reuters sample: quotations with speakers, before, after and by pronoun")
    func reutersQuotes() throws {
        let facts = FactExtractor.extract(from: try sample("karabakh/reuters.txt"), reference: captureDay)
        let quotes = facts.filter { $0.kind == .quote }.map { [$0.value, $0.speaker ?? "-"] }
        #expect(quotes == [
            ["The presence of Russian peacekeepers made it possible to establish peace on Azerbaijani soil", "Yevgeny Nikiforov"],
            ["every effort to establish peace in the Karabakh economic region", "Kerim Valiyev"],
            ["The Russian military completed the task assigned to them", "Yevgeny Nikiforov"],
        ])
    }

    @Test("the opinion sample: curly-quoted slogans have no speaker; seasons resolve")
    func opinion() throws {
        let facts = FactExtractor.extract(from: try sample("karabakh/opinion.txt"), reference: CivilDate(year: 2024, month: 5, day: 16))
        let quotes = facts.filter { $0.kind == .quote }
        #expect(quotes.map(\.value).contains("breaking pots"))
        #expect(quotes.first { $0.value == "breaking pots" }?.speaker == nil)
        #expect(facts.filter { $0.kind == .date }.compactMap(\.resolved).contains("2023-fall"))
        #expect(facts.first { $0.kind == .quantity }.map { [$0.value, $0.counted ?? "-"] } == ["nearly 2000", "personnel"])
    }

    @Test("labels are not counts, participles end a counted phrase, a speaker is the person named, whatever role is written")
    func storm() throws {
        let facts = FactExtractor.extract(from: try sample("storm/wire-6.txt"), reference: CivilDate(year: 2025, month: 10, day: 14))
        #expect(!facts.contains { $0.kind == .quantity && $0.value == "5" }, "paragraph 5")
        #expect(facts.first { $0.value == "at least 5" }?.counted == "people")
        #expect(facts.first { $0.kind == .quote }?.speaker == "Joaquim Serrano")
        #expect(facts.filter { $0.kind == .date }.map(\.resolved) == ["2025-10-14", "2025-10-14", "2010-02"])
    }

    @Test("weekdays resolve to the latest such day on or before the reference")
    func weekdays() {
        let wednesday = CivilDate(year: 2024, month: 5, day: 15)
        #expect(wednesday.weekday == 4)
        let facts = FactExtractor.extract(from: "Talks began on Monday. They end on Wednesday.", reference: wednesday)
        #expect(facts.map(\.resolved) == ["2024-05-13", "2024-05-15"])
    }
}

@Suite("Fact comparison")
struct FactComparisonTests {
    @Test("two versions: a revised toll is a changed fact, new facts are added")
    func versions() throws {
        let reference = CivilDate(year: 2025, month: 10, day: 14)
        let old = FactExtractor.extract(from: try sample("storm/wire-3.txt"), reference: reference)
        let new = FactExtractor.extract(from: try sample("storm/wire-5.txt"), reference: reference)
        let comparison = FactComparison(old: old, new: new, mode: .versions)
        let changed = comparison.entries.filter { $0.relation == .changed }.map { [$0.old!.value, $0.new!.value] }
        #expect(changed.contains(["at least 20", "23"]))
        #expect(changed.contains(["more than 300", "more than 500"]))
        #expect(comparison.count(.unchanged) >= 2)
    }

    @Test("two outlets: the ~2,000 / 1,960 troops agree, September 2023 is in both")
    func outlets() throws {
        let reuters = FactExtractor.extract(from: try sample("karabakh/reuters.txt"), reference: captureDay)
        let opinion = FactExtractor.extract(from: try sample("karabakh/opinion.txt"), reference: CivilDate(year: 2024, month: 5, day: 16))
        let comparison = FactComparison(old: reuters, new: opinion, mode: .outlets)
        let troops = comparison.entries.filter { $0.old?.kind == .quantity && $0.new != nil }
        #expect(troops.contains { $0.relation == .shared && $0.old!.value == "nearly 2000" })
        #expect(troops.contains { $0.relation == .consistent && $0.old!.value == "a total of 1960" })
        #expect(comparison.entries.contains { $0.relation == .consistent && $0.old?.resolved == "2023-09" && $0.new?.resolved == "2023-fall" })
        #expect(comparison.entries.contains { $0.relation == .onlyOld && $0.old?.kind == .quote })
        #expect(comparison.entries.contains { $0.relation == .onlyNew && $0.new?.value == "breaking pots" })
    }
}

@Suite("What is counted")
struct CountedKeyTests {
    @Test("a state word overrides the head noun: fallen soldiers are dead, not troops")
    func states() {
        var troops = Fact(kind: .quantity, text: "", value: "", sentence: 0, start: 0, end: 0)
        troops.counted = "Russian peacekeepers"
        var fallen = troops
        fallen.counted = "fallen soldiers"
        #expect(FactComparison.countedKey(troops) == FactComparison.countedKey({ var f = troops; f.counted = "personnel"; return f }()))
        #expect(FactComparison.countedKey(fallen) != FactComparison.countedKey(troops))
        #expect(FactComparison.countedKey(fallen) == "state:dead")
    }

    @Test("nouns that count one kind of thing share a key; nouns of other kinds do not", arguments: [
        ("households", "Eastbank homes", true), ("staff", "employees", true), ("workers", "staffers", true),
        ("homes", "businesses", false), ("staff", "jobs", false), ("households", "people", false),
    ])
    func groups(_ a: String, _ b: String, _ same: Bool) {
        func key(_ counted: String) -> String? {
            var fact = Fact(kind: .quantity, text: "", value: "", sentence: 0, start: 0, end: 0)
            fact.counted = counted
            return FactComparison.countedKey(fact)
        }
        #expect((key(a) == key(b)) == same)
    }

    @Test("the state of a count: a verb before it, a verb after what it counts, a toll before it")
    func stateOfCounts() {
        func states(_ text: String) -> [String] {
            FactExtractor.extract(from: text, reference: captureDay).filter { $0.kind == .quantity }
                .map { "\($0.value) \($0.subject ?? "-")" }
        }
        #expect(states("The storm killed at least 12 people and injured 40 others.") == ["at least 12 people (dead)", "40 others (injured)"])
        #expect(states("Twenty-three people were killed and dozens of homes destroyed.").first == "23 people (dead)")
        #expect(states("Several people were reported missing near the town.") == ["several people (missing)"])
        #expect(states("The death toll rose to 23 on Wednesday.") == ["23 dead"])
        #expect(states("Police detained 15 protesters.") == ["15 protesters (arrested)"])
        #expect(states("Rescuers found 300 fallen soldiers.") == ["300 fallen soldiers"])
        #expect(states("The company hired 300 workers.") == ["300 workers"])
    }
}

@Suite("Fact timeline")
struct FactTimelineTests {
    func revision(_ number: Int, _ text: String, alignment: [Int: [Int]] = [:]) -> FactTimeline.Revision {
        FactTimeline.Revision(number: number, date: "2025-10-14",
                              facts: FactExtractor.extract(from: text, reference: captureDay).filter { $0.kind == .quantity },
                              alignment: SentenceAlignment(alignment))
    }

    @Test("mentions that change together are one referent; a value that leaves the story is 'gone'")
    func chains() {
        let timeline = FactTimeline(revisions: [
            revision(1, "Flood kills 12\n\nThe flood killed 12 people, officials said. About 300 soldiers were deployed."),
            revision(2, "Flood kills 20\n\nThe flood killed 20 people, officials said. About 300 soldiers were deployed.",
                     alignment: [0: [0], 1: [1], 2: [2]]),
            revision(3, "Flood kills 20\n\nThe flood killed 20 people, officials said.", alignment: [0: [0], 1: [1]]),
        ])
        #expect(timeline.referents.count == 2)
        let toll = timeline.referents[0]
        #expect(toll.label == "people (dead)" && toll.mentions == 2 && toll.values.map(\.value) == ["12", "20"])
        let troops = timeline.referents[1]
        #expect(troops.values.map(\.value) == ["about 300", nil] && troops.values.map(\.revision) == [1, 3])
        #expect(timeline.steps == [FactTimeline.Step(changed: 2), FactTimeline.Step(removed: 1)])
    }

    @Test("a corrected date in an edited sentence is one changed fact, thanks to the sentence alignment")
    func alignedDate() {
        let old = FactExtractor.extract(from: "The talks ended on Tuesday, officials said.", reference: captureDay).filter { $0.kind == .date }
        let new = FactExtractor.extract(from: "The talks ended on Monday, officials said.", reference: captureDay).filter { $0.kind == .date }
        #expect(FactComparison(old: old, new: new, mode: .versions).count(.changed) == 0)
        let aligned = FactComparison(old: old, new: new, mode: .versions, alignment: [0: [0]])
        #expect(aligned.count(.changed) == 1 && aligned.count(.added) == 0)
    }
}

@Suite("Entities and claims")
struct EntityAndClaimTests {
    func facts(_ path: String, _ reference: CivilDate = captureDay) throws -> [Fact] {
        FactExtractor.extract(from: try sample(path), reference: reference)
    }

    @Test("the Reuters sample: people with titles, places, organisations; later surnames are mentions")
    func reutersEntities() throws {
        let all = try facts("karabakh/reuters.txt")
        #expect(all.filter { $0.kind == .person }.map { [$0.value, $0.title ?? "-"] } == [
            ["Aziz Karimov", "-"], ["Nailia Bagirova", "-"], ["Yevgeny Nikiforov", "colonel general"],
            ["Kerim Valiyev", "colonel general"], ["Mark Trevelyan", "-"], ["Ros Russell", "-"],
        ])
        #expect(Set(all.filter { $0.kind == .place }.map(\.value)) ==
                ["Karabakh", "Azerbaijan", "Khojaly", "Russia", "Armenia", "South Caucasus", "Moscow"])
        #expect(all.filter { $0.kind == .organisation }.map(\.value).contains("Collective Security Treaty Organisation"))
    }

    @Test("the opinion sample: an acronym spelled out elsewhere in the text, a title from a later mention")
    func opinionEntities() throws {
        let all = try facts("karabakh/opinion.txt", CivilDate(year: 2024, month: 5, day: 16))
        let rpc = try #require(all.first { $0.kind == .organisation && $0.acronym == "RPC" })
        #expect(rpc.value == "Russian peacekeeping contingent")
        #expect(all.first { $0.value == "Ilham Aliyev" }?.title == "president", "named bare first, with his title later")
        #expect(all.first { $0.value == "Sergey Lavrov" }?.title == "foreign minister")
    }

    @Test("claims: source, verb and claim, with pronouns, trailing attributions and denials")
    func claims() throws {
        let all = try facts("karabakh/reuters.txt").filter { $0.kind == .claim }
        let rows = all.map { [FactComparison.sourceHead($0.speaker ?? ""), $0.verb ?? "-"] }
        #expect(rows.contains(["armenia", "accuse"]), "\"It has accused Moscow…\": it is Armenia")
        #expect(rows.contains(["azerbaijan", "deny"]))
        #expect(rows.contains(["nikiforov", "say"]))
        let text = "Twelve people died, the agency said. Officials said the bridge would reopen on Friday. \"We are safe,\" he said."
        let simple = FactExtractor.extract(from: text, reference: captureDay).filter { $0.kind == .claim }
        #expect(simple.map { [$0.speaker ?? "-", $0.verb ?? "-", $0.value] } == [
            ["agency", "say", "Twelve people died"], ["Officials", "say", "the bridge would reopen on Friday"],
        ], "a direct quotation is a quote, not a claim")
    }

    @Test("wire copy: 'The' after a dateline, a plural opening 'Shares of', an office without a name, 'told X that', a quote ending in a percentage")
    func wireCopy() {
        let text = """
        WASHINGTON (AP) — The Federal Reserve held rates steady on Wednesday.

        "We are not yet confident that inflation is moving toward 2%," Powell told reporters.

        NATO's Supreme Allied Commander Europe, Gen. Christopher Cavoli, told lawmakers last month that Russia had lost more than 315,000 troops.

        Shares of Apple Inc. fell 3.2% in New York. The ministry said in a statement on Tuesday that the road was closed.
        """
        let all = FactExtractor.extract(from: text, reference: captureDay)
        let organisations = all.filter { $0.kind == .organisation }.map(\.value)
        #expect(organisations.contains("Federal Reserve") && organisations.contains("Apple Inc"))
        #expect(!organisations.contains { $0.hasPrefix("The ") || $0.hasPrefix("Shares") })
        #expect(all.filter { $0.kind == .person }.map(\.value) == ["Christopher Cavoli"])
        #expect(all.first { $0.kind == .quote }?.value == "We are not yet confident that inflation is moving toward 2%")
        let claims = all.filter { $0.kind == .claim }.map(\.value)
        #expect(claims.contains("Russia had lost more than 315,000 troops"))
        #expect(claims.contains("the road was closed"))
    }

    @Test("acronyms defined in parentheses link later mentions")
    func acronyms() {
        let text = "The Independent National Electoral Commission (INEC) declared the result. INEC said turnout was 27%."
        let all = FactExtractor.extract(from: text, reference: captureDay)
        #expect(all.filter { $0.kind == .organisation }.map { [$0.value, $0.acronym ?? "-"] } ==
                [["Independent National Electoral Commission", "INEC"]])
        #expect(all.first { $0.kind == .claim }?.speaker == "INEC")
    }
}
