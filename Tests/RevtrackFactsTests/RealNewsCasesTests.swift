@testable import RevtrackFacts
import RevtrackText
import Testing

/// The failure categories seen on real articles (issue 18), one row each:
/// what must be read and what must not become a fact.
@Suite("Real-news cases")
struct RealNewsCasesTests {
    static let day = CivilDate(year: 2026, month: 3, day: 15)    // a Sunday

    static func facts(_ text: String, _ kind: Fact.Kind) -> [Fact] {
        FactExtractor.extract(from: text, reference: day).filter { $0.kind == kind }
    }

    @Test("page furniture and clock times yield no facts", arguments: [
        "Breaking News Emails", "Email Bio Follow", "Share this article", "Continue Reading Below", "Order Reprint",
        "Related Content", "Updated 9:20 AM ET", "19 min ago", "1 hr ago", "© 2025 The Associated Press. All rights reserved.",
        "Markets | Energy | Companies | Sustainable Business", "Advertisement", "Local News", "Read Schools",
    ])
    func furniture(_ line: String) {
        let all = FactExtractor.extract(from: "Officials met on Friday.\n\n" + line + "\n\nThe talks ended.", reference: Self.day)
        #expect(all.allSatisfy { $0.sentence == 0 }, "\(all.filter { $0.sentence != 0 }.map(\.summary))")
    }

    @Test("what a diff hides as page furniture and what it keeps as prose", arguments: [
        ("Thursday 4 June 2026", true), ("Last updated 14:20 GMT, Tuesday", true), ("Comments (31)", true),
        ("Wednesday 11 March 2026, 2:35pm", true), ("1.", true), ("March 12, 2026 09:55 GMT", true),
        ("Tuesday 15 September 2026 | Volume 412", true), ("Vell Valley Health Desk | Explainer", true),
        ("Sign up for Transport Weekly, our newsletter on strikes, fares and timetables.", true),
        ("Get Health Desk in your inbox every Friday.", true),
        ("And no wonder.", false), ("What happens next?", false), ("Now, the weather.", false),
        ("ANCHOR: And investors?", false), ("Get out of the way, he shouted at the crowd.", false),
        ("Follow the money, the auditor told the committee on Monday.", false),
    ])
    func furnitureOrProse(_ line: String, _ furniture: Bool) {
        let text = SentenceSegmenter.segment("Officials met on Friday.\n\n" + line + "\n\nThe talks ended.")
        #expect(text.sentences.count == 3)
        #expect(PageFurniture.isFurniture(text.sentences[1]) == furniture)
    }

    @Test("a date line is furniture in a diff and still dates the page")
    func dateLine() {
        let facts = FactExtractor.extract(from: "April 29, 2026 9:14 AM EDT | Updated 38 minutes ago\n\nShares fell.",
                                          reference: Self.day)
        #expect(facts.contains { $0.kind == .date && $0.sentence == 0 && $0.value == "2026-04-29" }, "\(facts.map(\.summary))")
    }

    @Test("capitalised runs that are not people", arguments: [
        "The Voting Rights Act was at stake.", "The Decennial Census counted them.", "Harris County voted early.",
        "The Cold War ended long ago.", "They watched the World Cup final.", "Congressional Democrats objected.",
        "He appeared on Fox News Sunday.", "The photo was by Getty Images.",
    ])
    func notPeople(_ text: String) {
        #expect(Self.facts(text, .person).isEmpty, "\(Self.facts(text, .person).map(\.value))")
    }

    @Test("places from the gazetteer and from their slot", arguments: [
        ("Officials in California said the roads were closed.", "California"),
        ("Sen. Lorraine Whitcomb, R-Ky., led the opposition.", "Kentucky"),
        ("The flood hit South Texas hardest.", "South Texas"),
        ("Tensions rose on the Korean Peninsula.", "Korean Peninsula"),
        ("Drones crossed into the Baltics again.", "Baltics"),
        ("The jets flew over the Sea of Japan.", "Sea of Japan"),
        ("Senate Majority Leader Tom Harlan, R-S.D., said the chamber would vote.", "South Dakota"),
        ("State Rep. Curtis Dunham, R-Midland, said he would ask for a count.", "Midland"),
        ("For NPR, I'm Nadia Ferrante in Memphis, Tenn.", "Tennessee"),
        ("FORT COLLINS, Colo. — The death toll rose to 12.", "Colorado"),
        ("Lumora Systems, the San Francisco-based maker of software, cut staff.", "San Francisco"),
        ("A heat warning covers Dallas, Tarrant and Collin counties.", "Tarrant County"),
        ("Pierce County Executive Renee Strand welcomed the funding.", "Pierce County"),
        ("About 46% of U.S. teens were online almost constantly.", "United States"),
        ("Crews closed Interstate 5 and State Route 530 overnight.", "State Route 530"),
        ("The victims were Alina Paczkowski, 19, of Sylvania, and a friend.", "Sylvania"),
        ("The river will crest near Mount Vernon on Friday.", "Mount Vernon"),
        ("Traffic backed up on the Anthony Wayne Trail.", "Anthony Wayne Trail"),
        ("Turnout rose in Lancaster and York counties.", "York County"),
        // Streets and hills by their last word; rivers and ports by their first.
        ("Flood water reached Quay Street and Harbour Road by noon.", "Quay Street"),
        ("The fire spread into the Brennholt Hills overnight.", "Brennholt Hills"),
        ("The River Osk burst its banks upstream of the town.", "River Osk"),
        ("Ferries to Port Calder were cancelled.", "Port Calder"),
    ])
    func places(_ text: String, _ place: String) {
        #expect(Self.facts(text, .place).map(\.value).contains(place), "\(Self.facts(text, .place).map(\.value))")
    }

    @Test("organisations from their name, their slot and what they have", arguments: [
        ("The vote came from New Democratic Party MP Aaron Sinclair.", "New Democratic Party"),
        ("The ruling came from the 4th U.S. Circuit Court of Appeals.", "4th U.S. Circuit Court of Appeals"),
        ("She leads a center at the University of Texas at San Antonio.", "University of Texas at San Antonio"),
        ("He spent a decade at Leicester City before the move.", "Leicester City"),
        ("At least 19 states restrict phones, according to Ballotpedia.", "Ballotpedia"),
        ("\"I'm not asking for a handout,\" Ambrose told The Verge.", "The Verge"),
        ("Kessler said on LinkedIn that he learned of it from an email.", "LinkedIn"),
        ("Stocks fell, led by a 9% slump in Veloria shares.", "Veloria"),
        ("Harding Elementary will close in June.", "Harding Elementary"),
        ("According to South Korea's Joint Chiefs of Staff (JCS), it happened 500 times.", "Joint Chiefs of Staff"),
        // Utilities, operators, builders and local papers by their last word.
        ("The plans were drawn up by Greyfield Homes last year.", "Greyfield Homes"),
        ("Services were cut by Western Shires Rail on Monday.", "Western Shires Rail"),
        ("The notice was issued by Osk Valley Water after the tests.", "Osk Valley Water"),
        // What follows an office's "of": the organisation, not the office.
        ("The Chief Executive Officer of Corvane Holdings said profits fell.", "Corvane Holdings"),
        // A plural possessive inside a name.
        ("The Aviation Workers' Federation (AWF) said its members would strike.", "Aviation Workers' Federation"),
        ("The Ostmark Farmers' Union said prices were too low.", "Ostmark Farmers' Union"),
    ])
    func organisations(_ text: String, _ name: String) {
        #expect(Self.facts(text, .organisation).map(\.value).contains(name), "\(Self.facts(text, .organisation).map(\.value))")
    }

    @Test("a name shaped like a place's, followed by what only a company has, is no place")
    func companyShapedLikePlace() {
        #expect(Self.facts("Harvest Lane shares jump 11% as store brands lift profit.", .place).isEmpty)
    }

    @Test("in a sports story, teams where a town or a name could stand")
    func teams() {
        let text = """
            Harwell City beat Kestrel Town 3-1 in the league on Saturday. The striker, signed from Benfica in January, \
            scored twice. The midfielder made 40 appearances for Porto before the move. The goalkeeper kept the match level \
            until the second goal. Against Feyenoord next week, the manager wants another goal.
            """
        let names = Self.facts(text, .organisation).map(\.value)
        #expect(Set(["Harwell City", "Kestrel Town", "Benfica", "Porto", "Feyenoord"]).isSubset(of: Set(names)), "\(names)")
        #expect(Self.facts(text, .place).isEmpty, "\(Self.facts(text, .place).map(\.value))")
        // Outside a sports story a city stays a city.
        #expect(Self.facts("She moved from Porto to Lisbon in 2019.", .place).map(\.value) == ["Porto", "Lisbon"])
    }

    @Test("tickers, stage directions, ethnic adjectives, a person's family name and an index's short name are not organisations", arguments: [
        "Lumivane Systems, Inc. (NASDAQ: LMVN) reported results.", "(CROSSTALK)\n\nWe will get to that.",
        "Hispanic residents are 40% of the state. Hispanic growth slowed.",
        "Foreign Minister Kang Ji-hoon spoke. Kang said talks would go on. Kang added more.",
        "The Dow Jones Industrial Average fell. The Dow fell 600 points at the open. Dow futures slid.",
        "Mexico City and Kansas City reported heat.",
        // An office with no holder is no organisation.
        "Media contact: Jane Doe, Director of Communications, 555-0100.",
    ])
    func notOrganisations(_ text: String) {
        let names = Self.facts(text, .organisation).map(\.value)
        #expect(names.allSatisfy { !["LMVN", "CROSSTALK", "Hispanic", "Kang", "Dow", "Mexico City", "Kansas City", "Director of Communications"]
            .contains($0) }, "\(names)")
    }

    @Test("counts as a reader reads them", arguments: [
        ("About a half-dozen neighborhoods lost service.", "about 6"),
        ("More than half of riders use the line.", "more than 0.5"),
        ("A quarter of the money went to hotels.", "0.25"),
        ("The app had almost 30 percent fewer users.", "almost 30%"),
        ("Twice as many people applied this year.", "2"),
        ("The Senate rejected it in a 51-47 vote.", "51"),
        ("Around two dozen people have been confirmed ill.", "around 24"),
        ("About two hundred people came to the hearing.", "about 200"),
        ("Two hundred thousand people marched.", "200000"),
    ])
    func counts(_ text: String, _ value: String) {
        #expect(Self.facts(text, .quantity).map(\.value).contains(value), "\(Self.facts(text, .quantity).map(\.value))")
    }

    @Test("ordinals, said or written, and words that only end like one", arguments: [
        ("ninth", 9), ("18th", 18), ("1st", 1), ("eleventh", 11), ("twenty-first", 21), ("with", nil), ("month", nil), ("north", nil),
    ] as [(String, Int?)])
    func ordinals(_ word: String, _ value: Int?) {
        #expect(ReferentTerms.ordinalValue(word) == value)
    }

    @Test("the days a week, a quarter and a month cover", arguments: [
        ("2026-W47", CivilDate(year: 2026, month: 11, day: 16), CivilDate(year: 2026, month: 11, day: 22)),
        ("2026-W01", CivilDate(year: 2025, month: 12, day: 29), CivilDate(year: 2026, month: 1, day: 4)),
        ("2025-Q2", CivilDate(year: 2025, month: 4, day: 1), CivilDate(year: 2025, month: 6, day: 30)),
        ("2024-02", CivilDate(year: 2024, month: 2, day: 1), CivilDate(year: 2024, month: 2, day: 29)),
    ])
    func days(_ resolved: String, _ first: CivilDate, _ last: CivilDate) {
        var date = Fact(kind: .date, text: resolved, value: resolved, sentence: 0, start: 0, end: 0)
        date.resolved = resolved
        #expect(date.days == first.dayNumber...last.dayNumber)
    }

    @Test("a sum's words start at its currency sign or its number, not the word before", arguments: [
        ("The refit has now cost 14 million euros.", "14 million euros"),
        ("The refit has now cost €14 million.", "€14 million"),
        ("The refit has cost more than $2 million.", "more than $2 million"),
    ])
    func sumWords(_ text: String, _ words: String) {
        #expect(Self.facts(text, .quantity).map(\.text) == [words])
    }

    @Test("what a count counts ends before an adverb", arguments: [
        ("The port expects to ship 2.4 million tonnes annually.", "tonnes"),
        ("The plant runs 12 water supply points.", "water supply points"),
    ])
    func countedBeforeAdverb(_ text: String, _ counted: String) {
        #expect(Self.facts(text, .quantity).first?.counted == counted, "\(Self.facts(text, .quantity).map { $0.counted ?? "-" })")
    }

    @Test("times of day, time stamps and names with numbers are not counts", arguments: [
        "The polls closed at 10:35 PM.", "The shaking began at 5:32 a.m. PDT.", "The S&P 500 fell sharply.",
        "Posted 19 min ago by the desk.", "The FTSE 100 closed lower.",
    ])
    func notCounts(_ text: String) {
        #expect(Self.facts(text, .quantity).isEmpty, "\(Self.facts(text, .quantity).map(\.value))")
    }

    @Test("a missing count keeps its state", arguments: [("The fire killed at least 7 people and 19 remain missing.", "19", "missing")])
    func states(_ text: String, _ value: String, _ state: String) {
        #expect(Self.facts(text, .quantity).first { $0.value == value }?.state == state)
    }

    @Test("dates against the article's day (Sunday 2026-03-15)", arguments: [
        ("Leaders gather for Monday's summit.", "2026-03-16"),
        ("The ministry said on Tuesday that it would act.", "2026-03-10"),
        ("Prices fell last week.", "2026-W10"),
        ("Talks resume next week.", "2026-W12"),
        ("The board met earlier this month.", "2026-03"),
        ("The rule takes effect next month.", "2026-04"),
        ("Crowds gathered over the weekend.", "2026-03-14..2026-03-15"),
        ("The plant opened two years ago.", "2024"),
        ("Sales rose in the fourth quarter.", "2025-Q4"),
        // A weekday in a reported past: the conditional belongs to what was said, not to the day.
        ("In a statement Monday, his office said the districts \"follow the law\" and would stand.", "2026-03-09"),
        ("At a board meeting on Tuesday, the director said the agency could run more buses.", "2026-03-10"),
        ("About 40 people were rescued by helicopter on Friday.", "2026-03-13"),
        // A deadline with a time of day between the cue and the day.
        ("A heat warning is in effect until 9 p.m. Thursday.", "2026-03-19"),
        // Days said aloud, as transcripts write them.
        ("GUEST: So sentencing is set for April eighteenth.", "2026-04-18"),
        ("The chamber sits for the final time on the eleventh of April.", "2026-04-11"),
        ("Talks resume on the 3rd of April and again April 5th.", "2026-04-05"),
        // "Tonight" is the day of the text, as "today" is.
        ("The first band of rain reaches the coast by 6 p.m. tonight.", "2026-03-15"),
        // Years said aloud.
        ("The last big one was Ashgrove in twenty sixteen, and that was, uh, twenty-nine people.", "2016"),
        ("It has been open since nineteen ninety-eight.", "1998"),
    ])
    func dates(_ text: String, _ resolved: String) {
        #expect(Self.facts(text, .date).compactMap(\.resolved).contains(resolved), "\(Self.facts(text, .date).compactMap(\.resolved))")
    }

    @Test("quote speakers however the attribution is written", arguments: [
        ("\"We will rebuild,\" Trump said.", "Trump"),
        ("\"We will rebuild,\" said John Bolton, the national security adviser.", "John Bolton"),
        ("In a statement, the company said: \"We will defend ourselves in court.\"", "company"),
        ("\"Spotify built a system that rewards fraud,\" the artists' lawyers wrote.", "lawyers"),
        ("Prime Minister Ana Souto spoke to reporters. \"We will not back down,\" she said.", "Ana Souto"),
        ("Estonia's prime minister, Kaarel Tamm, has pressed for more. \"The drones did not fly here by accident.\"", "Kaarel Tamm"),
        ("Port director Ilse Varnholm was quoted as saying that the berth was \"ready a year early\".", "Ilse Varnholm"),
        ("Mayor Jon Treacy was quoted this week saying the buses are \"running on goodwill and little else.\"", "Jon Treacy"),
        ("The Courier quoted Jon Treacy as saying: \"The buses are running on goodwill and little else.\"", "Jon Treacy"),
        ("Treacy put it bluntly: \"The buses are running on goodwill and little else.\"", "Treacy"),
        ("Councillor Mara Olsen has now responded, telling local radio: \"We were never shown the figures.\"", "Mara Olsen"),
        ("At every meeting somebody repeats the same words: \"Just build more homes.\"", "-"),
        ("GUEST (courts reporter): The judge looked right at him and said, and I wrote this down, \"You sold the trust of your city.\"", "-"),
        ("DANA WHITCOMBE: And I said to the board, \"We will not chase volume at any price.\"", "Whitcombe"),
        ("The Minister of Transport and Infrastructure said: \"This is a dark day for our country.\"", "Minister of Transport and Infrastructure"),
        ("\"We will act within the month,\" the Secretary of State for Health said.", "Secretary of State for Health"),
        ("The Chief Executive of Harlow Stores said: \"We will not chase volume.\"", "Chief Executive of Harlow Stores"),
        ("The Chief Executive of the council said: \"This decision brings 210 homes to the town.\"", "Chief Executive of the council"),
        ("The Chief Inspector of Rail Accidents said: \"We will establish what happened.\"", "Chief Inspector of Rail Accidents"),
        // A label's verb before a colon is not the clause's: the clause after it names the speaker.
        ("What officials said: The province's chief medical officer called it \"the deadliest heat event in living memory\".", "officer"),
        // An office alone, not its last word with an article; the reporter's own "I'm quoting here" is no speaker's verb.
        ("ANCHOR: The Prime Minister has called this, quote, \"a dark day for our country,\" and says he will travel there.", "Prime Minister"),
        ("The Chancellor, Simon Aldgate, has just said, and I'm quoting here, \"We will not prop up a failed business.\"", "Simon Aldgate"),
        // An office the text gives one person is that person: before the name, set off by a comma, or after it.
        ("The Minister of Transport, Halvard Brennick, visited the site.\n\nThe Minister of Transport said: \"My thoughts are with the families.\"",
         "Halvard Brennick"),
        ("Judge Ines Calder sentenced him to 13 years.\n\nThe judge said, \"You treated the savings of bus drivers as your allowance.\"", "Ines Calder"),
        ("Maren Oyelaran, the chief inspector, visited the site.\n\nThe chief inspector said: \"We will establish what happened.\"", "Maren Oyelaran"),
        // The whole noun phrase before a name, an office after it without an article, an office given by appointment,
        // a company officer by initials or without "Officer"; "new" adds nothing.
        ("Council leader Janet Pryce spoke first.\n\n\"We will not cut care,\" the council leader told the meeting.", "Janet Pryce"),
        ("Defence barrister Fiona Kerr rose.\n\n\"Then I will move on,\" the defence barrister replied.", "Fiona Kerr"),
        ("\"It was our year,\" said Dana Whitfield, Chief Executive Officer of Corvane.\n\nThe chief executive added: \"Demand is outrunning supply.\"",
         "Dana Whitfield"),
        ("Chief Financial Officer Marcus Eberle spoke next.\n\n\"We have the balance sheet,\" the CFO said.", "Marcus Eberle"),
        ("Crane promoted Priya Nandakumar to Home Secretary and sacked Transport Secretary Gareth Pugh.\n\n\"My first priority is the backlog,\" the new Home Secretary said.",
         "Priya Nandakumar"),
        ("The reshuffle brought Rosalind Achebe back as Foreign Secretary.\n\n\"Our voice abroad must be consistent,\" the Foreign Secretary said.", "Rosalind Achebe"),
        // Not another office with the same last word, nor an office two people hold.
        ("The shadow finance minister, Priya Lennox, spoke next.\n\n\"This budget asks the most of those who can afford it,\" declared the Finance Minister.",
         "Finance Minister"),
        ("Judge Ines Calder and Judge Omar Reyes sat together.\n\nThe judge said, \"This court is adjourned until Monday.\"", "judge"),
        // After the verb, an office of a portfolio and then the name; an employer after a name is no portfolio.
        ("\"We cannot keep patching this system,\" said Director of Public Works Carla Membrere.", "Carla Membrere"),
        ("\"We cannot keep patching this system,\" said Secretary of State Anna Berg.", "Anna Berg"),
        ("\"We cannot keep patching this system,\" said Tom Hadley of Acme Pipeworks.", "Tom Hadley"),
        // "U.S." inside a title before the name; a title in lower case inside the subject of ", saying".
        ("\"He counted on nobody checking,\" Assistant U.S. Attorney Keith Yarrow told jurors.", "Keith Yarrow"),
        ("Board chair Marta Ellingsen defended the move, saying: \"Nobody on this board takes a fare increase lightly.\"", "Marta Ellingsen"),
        // Back over two phrases set off by commas; the pronoun of a reported clause.
        ("Sen. Lorraine Whitcomb, R-Ky., who led the opposition, said the bill would hand \"unelected lawyers at the Justice Department\" a veto.",
         "Lorraine Whitcomb"),
        ("Speaking to supporters, Ana Sorensen thanked volunteers and said she would be \"a justice for all of Wisconsin.\"", "Ana Sorensen"),
        // A verb joined by "and" shares the first one's subject; a clause after the verb is no speaker, nor a day.
        ("Tully said the club had turned down a bid and insisted the striker would stay \"at least until the summer\".", "Tully"),
        ("The manager had turned down a bid and insisted the striker would stay \"at least until the summer\".", "-"),
        ("The agency (KCNA) said on Wednesday that the \"reckless military drills\" had forced its hand.", "agency"),
        // "said … but cautioned" shares the subject; a province after a city is part of the apposition.
        ("Dr. Marcus Feld, a sleep researcher at Stanford University who was not involved, said the findings matched earlier work but cautioned that \"correlation is not destiny.\"",
         "Marcus Feld"),
        ("Dr. Marcus Feld, a geriatrician at McMaster University in Hamilton, Ontario, who was not involved in the research, called the study \"careful and large enough to take seriously.\"",
         "Marcus Feld"),
        // "she" is the last person named whose given name can be a woman's.
        ("Margaret Holloway led the survey for 30 years, and her colleague James Petrakis called it a landmark.\n\nIn 2015 she told a committee that the state was \"gambling with the nursery of the Pacific.\"",
         "Margaret Holloway"),
        // A quotation said aloud, without marks, as transcripts write it.
        ("MAYA: And the county executive, Douglas Fairhurst, said, quote, we are confident that we found the source.", "Douglas Fairhurst"),
    ])
    func speakers(_ text: String, _ speaker: String) {
        #expect((Self.facts(text, .quote).first?.speaker ?? "-") == speaker, "\(Self.facts(text, .quote).map { $0.speaker ?? "-" })")
    }

    @Test("a person's title: a first word that makes it what it is, a role after the name's comma", arguments: [
        ("Fire Chief Daniel Oyelaran said response times had improved.", "fire chief"),
        ("Energy Commissioner Lise Damgaard told the parliament that prices would fall.", "energy commissioner"),
        ("Yesterday President Ana Souto signed the bill.", "president"),
        ("Council leader Rajiv Menon said the budget was balanced.", "council leader"),
        // A role set after the name by a comma, with or without an article.
        ("\"Edge matters,\" said Alma Whitford, chief executive officer of Lumivane.", "chief executive officer"),
        ("\"Markets are fragile,\" said Meera Raman, chief investment strategist at Halden Wealth.", "chief investment strategist"),
        ("\"We will wait,\" said Daniel Ashcombe, the U.S. national security adviser, who briefed reporters.", "national security adviser"),
        ("\"It has been building for decades,\" said Elena Barrios, the state demographer, who leads the centre.", "state demographer"),
        ("\"We won the seat,\" said Ana Souto, who smiled at reporters.", "-"),
        ("By Kelsey Moran, Chief Meteorologist\n\nStorms will reach the city tonight.", "chief meteorologist"),
        ("By Rebecca Ortiz, Staff Writer\n\nThe census showed growth across the state.", "staff writer"),
        // A count or an adverb before a role is not part of it; "Cllr" is a councillor.
        ("Police spoke to one shopkeeper Mehmet Yildiz about the fire.", "shopkeeper"),
        ("The reshuffle also brought former chancellor Rosalind Achebe back to the cabinet.", "former chancellor"),
        ("Cllr Mara Olsen said the library would stay open.", "councillor"),
        // The role rather than a courtesy title; the employer is not the role.
        ("\"Sleep matters,\" said Dr. Marcus Feld, a sleep researcher at Stanford University.", "sleep researcher"),
        ("\"Chips are volatile,\" said Hannah Okoye, the bank's chief equity strategist.", "chief equity strategist"),
        // An office of a portfolio before the name, its "and" and "of" inside the title.
        ("Director of Public Works Carla Membrere said the pipe was old.", "director of public works"),
        ("Secretary of State Anna Berg arrived in the capital on Monday.", "secretary of state"),
        ("Minister of Transport and Infrastructure Halvard Brennick said the line would reopen.", "minister of transport and infrastructure"),
        // An organisation before a title qualifies it; the holder is still a person.
        ("Bank of England Governor Andrew Bailey said rates would hold.", "governor"),
    ])
    func titledOpeners(_ text: String, _ title: String) {
        #expect((Self.facts(text, .person).first?.title ?? "-") == title, "\(Self.facts(text, .person).map { $0.title ?? "-" })")
    }

    @Test("a quotation said aloud runs from 'quote' to 'unquote' or the sentence's end; 'quote' as a noun or a verb is none", arguments: [
        ("The minister said, quote, this is a good day for the town, unquote, and left.", "this is a good day for the town"),
        ("The Prime Minister has called this, quote, a national disgrace, end quote.", "a national disgrace"),
        ("He got a price quote, then left the dealership.", "-"),
        ("To quote the minister, it was a good day.", "-"),
    ])
    func spokenQuotes(_ text: String, _ value: String) {
        #expect((Self.facts(text, .quote).first?.value ?? "-") == value)
    }

    @Test("a given name rules out a pronoun only where the Census is nearly one-sided", arguments: [
        ("she", "James Petrakis", true), ("he", "Mary Okafor", true), ("she", "Mary Okafor", false),
        ("she", "Jordan Reyes", false), ("he", "Jordan Reyes", false), ("she", "Tobiah Marsh", false),
    ])
    func pronounAgreement(_ pronoun: String, _ name: String, _ ruledOut: Bool) {
        #expect(Gazetteer.nameRulesOut(pronoun: pronoun, fullName: name) == ruledOut)
    }

    @Test("a transcript's turn label is no organisation")
    func turnLabels() {
        #expect(Self.facts("MAYA: And the county executive said the source was found.", .organisation).isEmpty)
    }

    @Test("titles of shows in quotation marks are not quotes")
    func showTitles() {
        #expect(Self.facts("She told \"Meet the Press\" that talks would go on.", .quote).isEmpty)
    }

    @Test("a claim's source is the name, not its apposition or the clause before", arguments: [
        ("Plaintiffs would need to show that the firm knew, said Rebecca Lindqvist, a professor at Stanford Law School.", "lindqvist"),
        ("Marcus Feld, a sleep researcher at Stanford University, said the findings matched earlier work.", "feld"),
        ("Allies spent $40 billion, according to the International Institute for Strategic Studies (IISS).", "iiss"),
        // An office the text gives one person is that person, as for quotations.
        ("Judge Ines Calder sentenced him on Friday.\n\nThe judge said the sentence reflected the scale of the theft.", "calder"),
    ])
    func claimSources(_ text: String, _ head: String) {
        #expect(Self.facts(text, .claim).map { FactComparison.sourceHead($0.speaker ?? "") } == [head])
    }

    @Test("claims keep their polarity", arguments: [
        ("Russian officials do not believe the talks will succeed.", true),
        ("Analysts did not expect the cut.", true),
        ("Analysts expect a further cut.", false),
    ])
    func polarity(_ text: String, _ negated: Bool) {
        #expect(Self.facts(text, .claim).first.map { $0.negated == true } == negated)
    }
}
