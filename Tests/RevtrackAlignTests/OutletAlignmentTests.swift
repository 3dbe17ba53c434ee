@testable import RevtrackAlign
import RevtrackFacts
import RevtrackTestSupport
import RevtrackText
import Testing

/// Two invented outlets on one event: a wire story and another outlet's
/// rewrite that paraphrases, copies one sentence with a light edit, and
/// disagrees on a count, a speaker and a status.
private let wire = """
    Floods cut off Marrowby as river bursts its banks
    By Ana Kessler
    MARROWBY, Jan 9 (Meridian) - The river Tolve burst its banks on Tuesday and flooded the market town of Marrowby, forcing about 3,000 residents from their homes.
    Advertisement
    Rescue crews in boats pulled 41 people from roofs and upper floors overnight, the regional fire service said.
    "The water rose faster than anyone here has ever seen," said Mayor Ilse Varga.
    The regional government said it would close the Tolve bridge until engineers inspect it.
    Forecasters expect more rain across the valley on Thursday.
    (Reporting by Ana Kessler; Editing by Tom Reyes)
    """

private let rewrite = """
    Marrowby under water
    Some 4,000 residents of Marrowby were forced from their homes after the Tolve flooded the market town on Tuesday.
    "The water rose faster than anyone here has ever seen," said Oskar Lind, the fire chief.
    Rescue crews in boats pulled 41 people from roofs and upper floors overnight, the fire service said.
    The Tolve bridge has been closed, officials said.
    Local shops have opened their doors to families who lost everything.
    """

private func align(_ a: String, _ b: String, days: (CivilDate, CivilDate)? = nil, oldCapturedFirst: Bool? = nil) -> OutletAlignment {
    let day = CivilDate(year: 2026, month: 1, day: 9)
    let (old, new) = (SentenceSegmenter.segment(a), SentenceSegmenter.segment(b))
    let reference = days ?? (day, day)
    let furniture = [old, new].map { text in Set(text.sentences.indices.filter { PageFurniture.isFurniture(text.sentences[$0]) }) }
    return OutletAlignment(old: old, new: new,
                           oldFacts: FactExtractor.extract(from: old, reference: reference.0),
                           newFacts: FactExtractor.extract(from: new, reference: reference.1),
                           ignoring: { furniture[$0].contains($1) }, reference: reference, oldCapturedFirst: oldCapturedFirst)
}

private func pairs(_ alignment: OutletAlignment) -> [String: String] {
    Dictionary(alignment.pairs.map { (alignment.old.sentences[$0.old].normalized, alignment.new.sentences[$0.new].normalized) },
               uniquingKeysWith: { a, _ in a })
}

@Suite("outlet alignment")
struct OutletAlignmentTests {
    @Test("sentences that report the same thing pair, in any words; bylines, credits and ads pair with nothing")
    func pairsByReferent() {
        let alignment = align(wire, rewrite)
        let found = pairs(alignment)
        #expect(found["MARROWBY, Jan 9 (Meridian) - The river Tolve burst its banks on Tuesday and flooded the market town of Marrowby, forcing about 3,000 residents from their homes."]
                == "Some 4,000 residents of Marrowby were forced from their homes after the Tolve flooded the market town on Tuesday.")
        #expect(found["The regional government said it would close the Tolve bridge until engineers inspect it."] == "The Tolve bridge has been closed, officials said.")
        let onlyOld = alignment.onlyOld.map { alignment.old.sentences[$0].normalized }
        #expect(onlyOld.contains("Forecasters expect more rain across the valley on Thursday."))
        #expect(!onlyOld.contains { $0.hasPrefix("By Ana") || $0.hasPrefix("(Reporting") || $0 == "Advertisement" })
        #expect(alignment.onlyNew.map { alignment.new.sentences[$0].normalized } == ["Local shops have opened their doors to families who lost everything."])
    }

    @Test("a copied sentence is the same sentence, its edits diffed as between versions")
    func copied() throws {
        let alignment = align(wire, rewrite)
        let copied = try #require(alignment.pairs.first { $0.copied && alignment.old.sentences[$0.old].normalized.hasPrefix("Rescue crews") })
        #expect(copied.words.filter { $0.operation == .delete }.map(\.text) == ["regional"])
        #expect(alignment.copied.newShare > 0.2 && alignment.copied.newShare < 0.6)
    }

    @Test("conflicts: a count, who said the words, whether the event is over, a duration against a date")
    func conflicts() throws {
        let alignment = align(wire, rewrite)
        let kinds = alignment.pairs.flatMap(\.conflicts).map(\.kind)
        #expect(Set(kinds) == [.number, .attribution, .status])
        // Conflicting pairs come first.
        #expect(alignment.pairs.prefix(3).allSatisfy { !$0.conflicts.isEmpty })
        let number = try #require(alignment.pairs.flatMap(\.conflicts).first { $0.kind == .number })
        #expect(number.old == "about 3,000 residents" && number.new.contains("4,000 residents"))
        let duration = align("The two-year peacekeeping mission in Karvia ended on Monday with a ceremony at the Orsk base.",
                             "The peacekeeping mission, deployed to Karvia in the fall of 2020, ended with a ceremony at the Orsk base.",
                             days: (CivilDate(year: 2024, month: 5, day: 15), CivilDate(year: 2024, month: 5, day: 15)))
        #expect(duration.pairs.first?.conflicts.map(\.kind) == [.duration])
        let stance = align("Mining company Orvex denied on Friday that inspectors had warned it about the tunnel in February.",
                           "Mining company Orvex confirmed on Friday that inspectors had warned it about the tunnel in February.")
        #expect(stance.pairs.first?.conflicts.map(\.kind) == [.stance])
        let ended = align("The central bank said it would wind down its bond-buying programme by the end of November.",
                          "The central bank has also ended its bond-buying programme.")
        #expect(ended.pairs.first?.conflicts.map(\.kind) == [.status])
        let vote = align("The monetary policy committee voted 5-2 for the larger increase.",
                         "Committee members voted 6-1 in favour of the larger step.")
        #expect(vote.pairs.first?.conflicts.map { "\($0.kind) \($0.old) \($0.new)" } == ["number 5-2 6-1"])
    }

    @Test("a length in one text against the start date the other gives the same thing, in sentences too far apart to pair", arguments: [
        // The thing named once in each text: a conflict.
        ("Russia shut its base on Wednesday despite a two-year Russian mission to keep the peace.\nThe troops left by road.",
         "The convoy was long.\nThe valleys where the Russian peacekeeping mission was deployed in the fall of 2020 are quiet again.", true),
        // The length agrees with the date (2022 to May 2024).
        ("Russia shut its base on Wednesday despite a two-year Russian mission to keep the peace.\nThe troops left by road.",
         "The convoy was long.\nThe valleys where the Russian peacekeeping mission was deployed in the spring of 2022 are quiet again.", false),
        // The other text names the mission in two sentences: which one is dated is not known.
        ("Russia shut its base on Wednesday despite a two-year Russian mission to keep the peace.\nThe troops left by road.",
         "The mission's end was quiet.\nThe valleys where the Russian peacekeeping mission was deployed in the fall of 2020 are quiet again.", false),
        // A name after the length is no thing it measures: "a two-year Orsk contract" is not Orsk's age.
        ("Voters backed a two-year Orsk contract on Wednesday.\nThe count ended late.",
         "The city has grown.\nOrsk itself was founded in 2012 by merger.", false),
    ])
    func durationAgainstDistantDate(_ old: String, _ new: String, _ conflict: Bool) {
        let day = CivilDate(year: 2024, month: 5, day: 15)
        let (a, b) = (SentenceSegmenter.segment(old), SentenceSegmenter.segment(new))
        let found = ConflictFinder.durationsAgainstDates(old: a, oldKept: Array(a.sentences.indices), new: b, newKept: Array(b.sentences.indices),
                                                         reference: (day, day))
        #expect(!found.isEmpty == conflict)
        if conflict {
            // The alignment shows the two sentences as a pair with that conflict.
            #expect(align(old, new, days: (day, day)).pairs.contains { $0.old == 0 && $0.new == 1 && $0.conflicts.contains { $0.kind == .duration } })
        }
    }

    @Test("conflicts between aligned sentences, one per kind", arguments: [
        ("Her party won 44 of the 81 seats in the regional assembly.", "Her party won forty-six of the eighty-one seats in the regional assembly.",
         "number 44 of the 81 / forty-six of the eighty-one"),
        ("Skarvik denied a newspaper report that it was preparing to hire foreign pilots for future strikes.",
         "The airline confirmed it was preparing to hire foreign pilots for future strikes.", "stance deny / confirm"),
        ("The commission said the results would be formally certified on April 28.", "The results have now been formally certified by the commission.",
         "status would be certified / have been certified"),
        ("The Corvin Bridge has reopened to traffic after overnight safety checks, police said.",
         "The Corvin Bridge remains closed for safety checks and is expected to reopen on Thursday, police said.", "status has reopened / remains closed"),
        ("The last pilots' strike at Skarvik, in 2019, lasted three days and ended with a pay rise.",
         "The week-long strike of 2019 at Skarvik ended with pilots accepting a pay rise.", "duration three days / week-long"),
        ("The pilots' previous collective agreement, signed in 2021, expired at the end of March.",
         "Pilots have been working under a decade-old pay agreement that lapsed in March.", "duration collective agreement signed in 2021 / decade-old"),
        ("Greville said the bridge passed its most recent full inspection in September 2024, when engineers rated it fair.",
         "According to Greville, the bridge last passed a full inspection in September 2023, with engineers grading it fair.", "date September 2024 / September 2023"),
        ("\"This is the darkest evening our city has known in a generation,\" Mayor Elena Vastrow said at a news conference.",
         "\"This is the darkest evening our city has known in a generation,\" said regional transport minister Tomas Greville.", "attribution Elena Vastrow / Tomas Greville"),
        ("The closures are expected to save 4.2 million pounds a year, the council says.",
         "The council expects the closures to save 2.4 million pounds annually.", "number 4.2 million pounds / 2.4 million pounds"),
        ("There were 198 passengers and 14 crew on board, along with 41 vehicles, according to the operator.",
         "There were 221 people on board, passengers and crew, when the ship hit the rocks.", "number 198 passengers + 14 crew / 221 people"),
        ("The spacecraft will unfold its two solar arrays over the next 48 hours.",
         "Both of the satellite's solar arrays have already fully deployed.", "status will unfold / have deployed"),
        ("The port authority has offered dockers a 3.8% raise over two years, the union said.",
         "The port authority's offer of 2.8 percent over two years was rejected by the union.", "number 3.8% raise / 2.8 percent"),
        ("In last week's ballot, 64% of members voted to strike, on a turnout of 58%.",
         "Some 74 percent of members voted to strike in last week's ballot.", "number 64% / Some 74 percent"),
        ("The refit of the two dredgers was budgeted at €18 million and has now cost €41 million.",
         "The two dredgers' refit, budgeted at 18 million euros, has now cost 14 million euros.", "number €41 million / 14 million euros"),
        ("\"The buses are running on goodwill and little else,\" said Mayor Jon Treacy.",
         "Council leader Mara Olsen put it bluntly: \"The buses are running on goodwill and little else.\"", "attribution Jon Treacy / Mara Olsen"),
        ("The works' operator said the pumping station was shut down on Monday for repairs.",
         "The pumping station is still running at half capacity while the repairs go on, its operator said.",
         "status was shut down / still running"),
        ("The harbour's fishing ban remains in force, the port authority said.",
         "The port authority lifted the harbour's fishing ban, fishermen said.", "status remains in force / lifted"),
        ("Police said the driver was questioned and released without charge.", "Police said the driver is still in custody.",
         "status released / still in custody"),
        ("The dockers' overtime ban ended with the pay deal, the union said.", "The dockers' overtime ban remains in force, the union said.",
         "status ended / remains in force"),
        ("A proposal to close the Lowgate pool on Mondays was dropped from the plan.",
         "The Monday closures of the Lowgate pool remain in the plan, the council said.", "status was dropped / remain in plan"),
        ("On the call, chief executive Lena Ruud declined to confirm reports that the company would sell its ferry arm.",
         "On the call, Ruud confirmed that the company would sell its ferry arm.", "stance declined to confirm / confirmed"),
        ("The council admitted that the cost of school buses would rise by about 300,000 pounds a year.",
         "A council spokesman insisted the cost of school buses would not go up.", "stance admitted / insisted"),
        ("The former minister told the inquiry he regretted the delays and apologised to islanders.",
         "The former minister told the inquiry he regretted the delays but refused to apologise to islanders.", "stance apologised / refused to apologise"),
        ("Turnout in Sunday's vote was 58.2%, down from 66% at last year's election.",
         "Turnout, which reached two-thirds at last year's election, fell to a dismal 49 per cent on Sunday.", "number 58.2% / 49 per cent"),
        ("The harbour company said the cost of the new quay was now £1.35 billion, up from £0.9 billion when work began.",
         "The latest estimate puts the quay's cost at £1.6bn, against the £0.9bn budget set when work began.", "number £1.35 billion / £1.6bn"),
        ("The inquiry heard evidence between March 2 and June 26.",
         "The inquiry heard evidence over six weeks of public sessions.", "duration between March 2 and June 26 / six weeks"),
        ("A six-month public consultation on the harbour plan has closed.",
         "The public consultation on the harbour plan ran from January 5 to February 16.", "duration six-month / from January 5 to February 16"),
        ("\"We are devastated, and our first priority is the families,\" chief executive Martin Voss said in a statement.",
         "SOUNDBITE (RHEA CALDWELL, COMPANY SPOKESWOMAN): We are devastated, and our first priority is the families.",
         "attribution Martin Voss / Rhea Caldwell"),
        ("\"This is a merger of equals in everything but the name,\" Jonas Tveit told analysts.",
         "Elena Marchetti-Voss said: \"This is a merger of equals in everything but the name. Together we will serve two million customers.\"",
         "attribution Jonas Tveit / Elena Marchetti-Voss"),
        ("The list price of Brisavel will be $795 for a month's supply, before insurance.",
         "The list price of Brisavel is $695 a month before insurance.", "number $795 / $695"),
        ("An exclusion zone extending 15 km from the Tolvik crater has been declared.",
         "Authorities have drawn an exclusion zone reaching 25 kilometres from the Tolvik crater.", "number 15 km / 25 kilometres"),
        ("The outbreak is the worst in the valley since 2019, when 140 people fell ill.",
         "The valley's last comparable outbreak was in 2017, when about 140 people fell ill.", "date 2019 / 2017"),
        ("The deal values the ferry company at about $412 million, including roughly $95 million of debt, two people familiar with the terms said.",
         "The deal values the ferry company at about $421 million, including roughly $95 million of debt, two people familiar with the terms said.",
         "number about $412 million / about $421 million"),
        ("When open, the tunnel will cut the crossing from about 55 minutes by ferry to 12 minutes, and is expected to carry 38,000 vehicles a day.",
         "When open, the tunnel will cut the crossing from about 55 minutes by ferry to 21 minutes, and is expected to carry 38,000 vehicles a day.",
         "number 12 minutes / 21 minutes"),
        ("The municipal elections board certified the unofficial count on Friday evening.",
         "The municipal elections board still has not certified the unofficial count, officials said on Friday evening.",
         "status certified / not certified"),
        ("Referee Tomas Erlandi stopped the match in the 34th minute as smoke poured from the roof of the north stand.",
         "Erlandi stopped play in the twenty-fourth minute, with smoke pouring from the north stand's roof.",
         "number 34th minute / twenty-fourth minute"),
        ("The club's chairman, Edwin Marsh, stepped down in March after the takeover.",
         "The club's chairman, Edwin Marsh, is still in post after the takeover.", "status stepped down / still in post"),
        ("The driver survived the crash and was taken to hospital.", "Police confirmed that the driver of the train was killed in the crash.",
         "status survived / killed"),
        // A poll "this morning" is one result, not a reading of a price that moves all day.
        ("The Supporters' Trust said 68% of members who answered its online poll backed the sale.",
         "The Supporters' Trust ran a poll this morning and 86% of members backed the sale.", "number 68% / 86%"),
        // Lengths with halves and minutes.
        ("Ostby served 19 months of her sentence before she was released on bail pending the appeal.",
         "Ostby was released on bail pending the appeal after serving roughly two and a half years of her sentence.",
         "duration 19 months / two and a half years"),
        ("The stadium was cleared of fans in 14 minutes, the club said.", "Clearing the stadium of fans took more than half an hour, police said.",
         "duration 14 minutes / half an hour"),
        // A span whose start takes the year its end gives.
        ("Tolvik last erupted in 1987, in an eruption that lasted nearly three weeks and destroyed a dozen farms.",
         "Tolvik's previous eruption, which ran from May 3 to May 9, 1987, buried a dozen farms under lava.",
         "duration three weeks / from May 3 to May 9, 1987"),
        // A month and a season, each with its year written.
        ("The investment committee backed the deal by seven votes to two in May 2019, minutes show.",
         "The investment committee waved the deal through in the spring of 2018, by seven votes to two.", "date May 2019 / spring of 2018"),
        // A part of a whole against a plain count of the same thing.
        ("The council voted on Wednesday to close seven of its 48 primary schools by 2027.",
         "On Wednesday the council voted to shut eight primary schools.", "number seven of its 48 / eight primary"),
        // "No" before a noun negates the event it names.
        ("Police said no arrests had been made after the fire at the depot.", "Police said a man was arrested after the fire at the depot.",
         "status no arrests / arrested"),
        // A turn's label: the part in capitals, the brackets as the transcript writes them.
        ("\"All polling stations will reopen at seven tomorrow morning,\" Okafor said.",
         "CLIP (MIRA SALVESEN, returning officer): All polling stations will reopen at seven tomorrow morning.",
         "attribution Okafor / Mira Salvesen"),
        // A year written out on one side and told from the capture day on the other is one year.
        ("It was the worst flooding on the Aske since the 2025 Marsh Lane flood, which swamped about 300 homes.",
         "It was the Aske's worst flooding since last year's Marsh Lane flood, which swamped some 800 homes.",
         "number about 300 homes / some 800 homes"),
        // Two bounds of one kind are two figures, though the ranges they allow overlap.
        ("The top rate of income tax, paid on earnings above $150,000, will rise to 47% from 45% on July 1.",
         "The top rate of income tax goes up from 45% to 47% on earnings over $125,000.", "number above $150,000 / over $125,000"),
        // A date of another precision in the sentence ("since 2015") does not hide a day from the other day.
        ("The standard rate of GST will increase to 17% from 15% on October 1, the first change to the tax since 2015.",
         "- GST: rising two points, to 17%, from 1 September", "date October 1 / 1 September"),
        // A size written as one word, a number and its unit.
        ("Water poured through a 30-metre section of the barrier along Mill Lane after a seal gave way.",
         "A 75-metre stretch of the barrier along Mill Lane failed after a seal gave way.", "number 30-metre / 75-metre"),
    ])
    func conflictKinds(_ old: String, _ new: String, _ expected: String) throws {
        let alignment = align(old, new, days: (CivilDate(year: 2026, month: 6, day: 9), CivilDate(year: 2026, month: 6, day: 9)))
        let pair = try #require(alignment.pairs.first)
        #expect(pair.conflicts.map { "\($0.kind) \($0.old) / \($0.new)" } == [expected])
    }

    @Test("what is no conflict: a whole against its part, a weekday in two captures, two verbs of two events, counts far apart, crossed counts, a duration and a date of two things", arguments: [
        ("The party has demanded a recount in 14 of the district's 96 polling stations.",
         "The Alliance wants 14 polling stations in the district recounted."),
        ("The mediator met both sides on Monday in the capital.", "The mediator met both sides on Monday in the capital, officials said."),
        ("Opposition candidate Marta Heskeldt has won the governorship of Aldmere province, beating Pavel Domnitz of the People's Alliance.",
         "Domnitz's People's Alliance has not conceded and is pressing for part of the count to be redone."),
        ("The strike lasted three days in 2019.", "The strike of 2019 lasted 72 hours."),
        // A post's time stamp dates the post, not what it tells.
        ("The takeover was completed on April 2 after months of talks with the regulator.",
         "nightshift_lou (5 June, 07:15): Fun fact, the takeover was completed after months of talks with the regulator."),
        // A size within rounding, and a sentence with two sizes of one unit, disagree with nothing.
        ("Councillors approved a 48-metre tower on the harbourfront.", "Councillors approved a 47.5-metre tower on the harbourfront."),
        ("Councillors approved a 14-storey tower beside two-storey cottages on the harbourfront.",
         "Councillors approved a 16-storey tower on the harbourfront."),
        // Bounds of two kinds may hold one figure: "more than" one, "up to" the other.
        ("The fund paid more than $2.3 million in fees on the deal.", "The fund paid up to $2.5 million in fees on the deal."),
        ("Two people were hurt at the Brennick plant on Tuesday.", "Three thousand people were hurt at the Brennick plant on Tuesday."),
        ("The union wants one nurse to every four patients, while the hospital offers one nurse to every six patients.",
         "The union wants one nurse for every four patients, while management has offered one for every six."),
        ("Its last strike, in November 2019, lasted one day and ended with a two-year pay deal.",
         "The hospital's last strike, in late 2019, lasted a single day."),
        ("The yard was taken into public ownership in 2022 and now employs about 420 people.",
         "When the yard was taken into public ownership in 2022 it employed 310 people; today it employs more than 400."),
        ("In October 2023 the same ferry drifted for three hours in the sound after losing engine power.",
         "Less than three years ago the same ferry lost engine power and drifted for a few hours in the sound."),
        ("After more than three hours of debate, the city council approved the budget that raises property taxes.",
         "The city council approved a budget that raises property taxes for the first time in six years."),
        ("The dead in the Inchmorra ferry grounding were two passengers and a member of the crew, police said.",
         "Police said the Inchmorra ferry grounding caused three deaths."),
        ("The police department's budget rises to $612 million and pays for 40 new officers.",
         "The police department's budget pays for the 25 officers added in last year's budget."),
        ("Each day of the stoppage costs the port about 4 million euros, it estimates.",
         "The port puts the cost of the three-day stoppage at roughly 12 million euros."),
        // One place in a series written two ways.
        ("Referee Tomas Erlandi stopped the match in the 34th minute as smoke poured from the roof of the north stand.",
         "Erlandi stopped play in the thirty-fourth minute, with smoke pouring from the north stand's roof."),
        // "Not yet" tells when, not whether; an adjective is no event; a denial's object is neither side.
        ("The company said the report had not yet been released to the board on Monday.", "The company said the report was released to the board on Monday."),
        ("Passwords and payment details stored by the bank were not affected, it added.", "The bank began contacting affected customers about the passwords and payment details."),
        ("Brightwell denied that the larger cooker model was affected by the fault, the safety agency said.", "Brightwell insists the larger cooker model is not affected by the fault, the safety agency said."),
        ("The property tax rate rises 3.9% under the plan, after a 2.1% rise in 2021.",
         "Under the plan the property tax rate rises 2.1 percent, the council said."),
        ("Shares in Tarrow Marine were up 12% in early trading.", "Shares in Tarrow Marine closed 9% higher."),
        ("The fire had burned about 8,100 hectares by Monday morning.", "By Monday evening the fire had burned more than 9,600 hectares."),
        ("At least 40 homes have been destroyed, the fire service said.", "The number of homes destroyed has climbed to 52, the fire service said."),
        ("The bridge will reopen on November 30, the operator said.", "The operator said the bridge would reopen on 30 November."),
        ("Officials said the levy raised $3.2 million between March 2019 and June 2024.", "The levy was scrapped in August 2024 after a review, officials said."),
        ("Mobile clinics will run between 20 April and 31 May in the region's schools.",
         "The region's schools face their worst measles outbreak in over ten years."),
        ("Of the patients, 61 are children under the age of 10, and 18 people needed hospital care.",
         "Nearly two dozen people have needed hospital care."),
        ("Profit fell to £22 million, its lowest since the first quarter of 2024.", "Profit fell to £22 million, the lowest since March 2024."),
        ("The pumping station was shut down on Monday for repairs.", "The pumping station remains closed for repairs."),
        ("The ministry denied that the ferry arm would be sold.", "The union confirmed that the ferry arm would be sold."),
        ("\"We will balance the books by 2028,\" Finance Minister Helga Strand told parliament.",
         "\"We will balance the books by 2028,\" the Finance Minister told parliament."),
        ("Recalled cookers can be returned until May 4, the company said.", "Recalled cookers can be returned until May 4, 2026, the company said."),
        ("The freeze on fuel duty, in place since March 2022, was extended again.", "Fuel duty stays frozen until the end of June 2027 after the freeze was extended again."),
        ("The club finished ninth last season and is still losing money.", "The club is still losing money after finishing ninth last season."),
        ("The state of emergency declared on Saturday will run until March 28.", "The government has declared a state of emergency in the province."),
        ("The developer must pay £1.2 million towards repairs to the harbour wall and £400,000 towards health services.",
         "The developer will pay £1.6 million for repairs to the harbour wall and for health services."),
        ("The mayor insisted the ferry would sail on Friday.", "The mayor admitted the ferry would sail on Friday."),
        ("The harbour's fishing ban was lifted on Monday.", "The harbour's fishing ban was lifted on Monday but remains in force for scallops."),
        ("The ferry, carrying about 180 passengers and five crew members, hit rocks off Inchmorra.",
         "Five people have died after the ferry hit rocks off Inchmorra."),
        ("\"We will rebuild the harbour wall by the spring,\" said harbourmaster Ailsa Grant.",
         "GUEST (port reporter): And she said, \"We will rebuild the harbour wall by the spring.\""),
        ("In return she steered a 12-year, $20 million bus contract to Orvane in 2019.",
         "In return she made sure Orvane got the city's bus contract, twelve years, twenty million dollars."),
        ("TALLMOOR, Feb. 3 (Meridian Wire) - A woman was killed when a garden wall collapsed in high winds overnight.",
         "A woman was killed when a garden wall collapsed in high winds overnight on Monday 2 February."),
        ("The crash is the deadliest on the Orlen line since 1994, when nine people died.", "It is the first fatal crash on the Orlen line since 2011."),
        ("Hackers stole the personal data of 1.94 million Veyra customers.", "Veyra hack hit 2 million customers."),
        ("The mine produced 2.3 million tons of coal last year, up from 2.1 million tons in 2024.",
         "The mine's output has climbed, reaching 2.3 million tons of coal last year."),
        ("\"We are not going to chase volume at the expense of margin,\" chief executive Dana Whitcombe told analysts.",
         "DANA WHITCOMBE: We are not going to chase volume at the expense of margin."),
        ("\"We are not going to chase volume at the expense of margin,\" chief executive Dana Whitcombe told analysts.",
         "ANALYST (DORRANCE CAPITAL): You told us that we are not going to chase volume at the expense of margin."),
        ("\"No one should go near the lava, however spectacular it looks,\" Marta Eklund, director of the Civil Protection Agency, told reporters.",
         "\"No one should go near the lava, however spectacular it looks,\" the Velmark Civil Protection Agency said."),
        ("The new flood wall stands 4.31 metres above the river bed at its highest point, the council said.",
         "The new flood wall stands 4.3 metres above the river bed at its highest point, the council said."),
        ("Councillor Arlen has not conceded the election to Mayor Dorsey.", "REPORTER: Councillor Arlen hasn't conceded the election to Mayor Dorsey."),
        ("The 48-hour nurses' strike at Pellan General is due to end at 7 a.m. on Thursday.",
         "Nurses at Pellan General have been forced to take strike action for 48 hours."),
        ("Finance Minister Marsh-Odell denied that the threshold freeze amounted to a tax rise.",
         "The Fiscal Council confirmed that the threshold freeze amounted to a tax rise."),
        ("\"This is a dark day for our country,\" Transport Minister Anouk Dessimoz said.",
         "The Minister of Transport and Infrastructure said: \"This is a dark day for our country. My thoughts are with the families.\""),
        ("Most buildings on the seafront are two or three storeys high.", "Nothing on the seafront rises above four storeys."),
        ("By early afternoon, crews had reconnected 23,500 homes, Westmarch Power Networks said.",
         "Westmarch Power Networks reports that around 18,500 homes remain without electricity."),
        // Only copied sentences: the same few words around two figures in a paraphrase may be of two things.
        ("The Kessock ferry line's market share rose to 12 percent of the total in 2019, the harbour board said.",
         "Since the new timetable, the Kessock ferry line's market share rose to 20 percent of the total, the harbour board said."),
        // A part and a count its own sentence gives too.
        ("Jurors found him guilty on eight of the 10 counts, including seven counts of fraud.",
         "Jurors found him guilty on seven counts of fraud and one of laundering."),
        // One person lived, others died.
        ("The driver survived the crash, but two passengers were killed.", "Two passengers were killed in the crash, police said."),
        ("The driver survived the crash at the level crossing.", "Two passengers died in the crash at the level crossing."),
        // A value taken back: a correction's, a reply's "not", a fact-check's claim line.
        ("The council voted 6-3 on Tuesday to approve the stadium subsidy.",
         "Correction: An earlier version of this story misstated the council's vote on the stadium subsidy as 7-2."),
        ("The monthly ferry pass will rise by $8 to $104 under the new fares.",
         "Replying to @islander: The monthly ferry pass goes up by $8, not the $11.50 that was in the original proposal."),
        ("The fund wrote down its stake in the Saltgate Wharf scheme by £212 million on Monday.",
         "CLAIM: \"The fund has lost £250 million on the Saltgate Wharf scheme.\""),
    ])
    func noConflict(_ old: String, _ new: String) throws {
        let alignment = align(old, new, days: (CivilDate(year: 2026, month: 6, day: 9), CivilDate(year: 2026, month: 6, day: 12)))
        let pair = try #require(alignment.pairs.first)
        #expect(pair.conflicts.isEmpty, "\(pair.conflicts)")
    }

    @Test("news moves on between captures: an event announced in the earlier text may be done in the later, unless dated after it")
    func statusBetweenCaptures() throws {
        let tuesday = CivilDate(year: 2026, month: 6, day: 9)
        func conflicts(_ old: String, _ new: String, oldFirst: Bool?, newDay: CivilDate = tuesday) throws -> [OutletAlignment.Conflict.Kind] {
            try #require(align(old, new, days: (tuesday, newDay), oldCapturedFirst: oldFirst).pairs.first).conflicts.map(\.kind)
        }
        let (vote, approved) = ("Port Calder's city council will vote on Tuesday on a $2.84 billion budget.",
                                "Port Calder's city council has approved the $2.84 billion budget.")
        #expect(try conflicts(vote, approved, oldFirst: true).isEmpty)
        #expect(try conflicts(vote, approved, oldFirst: nil) == [.status])
        #expect(try conflicts(approved, vote, oldFirst: true) == [.status])
        #expect(try conflicts("The commission said the results would be formally certified on June 30.",
                              "The results have now been formally certified by the commission.", oldFirst: true,
                              newDay: CivilDate(year: 2026, month: 6, day: 10)) == [.status])
    }

    @Test("a state still in place in the earlier capture may be ended by the later, unless the ending is dated before it")
    func persistenceBetweenCaptures() throws {
        let (monday, tuesday) = (CivilDate(year: 2026, month: 6, day: 8), CivilDate(year: 2026, month: 6, day: 9))
        func conflicts(_ old: String, _ new: String, oldFirst: Bool?) throws -> [OutletAlignment.Conflict.Kind] {
            try #require(align(old, new, days: (monday, tuesday), oldCapturedFirst: oldFirst).pairs.first).conflicts.map(\.kind)
        }
        let inForce = "The union's overtime ban remains in force, the union said."
        #expect(try conflicts(inForce, "The union lifted its overtime ban, the union said.", oldFirst: true).isEmpty)
        #expect(try conflicts(inForce, "The union lifted its overtime ban, the union said.", oldFirst: nil) == [.status])
        #expect(try conflicts(inForce, "The union lifted its overtime ban last month, the union said.", oldFirst: true) == [.status])
        #expect(try conflicts("The union lifted its overtime ban, the union said.", inForce, oldFirst: true) == [.status])
    }

    @Test("a running tally the later capture gives higher is an update, not a conflict")
    func tallyBetweenCaptures() throws {
        let (monday, tuesday) = (CivilDate(year: 2026, month: 3, day: 9), CivilDate(year: 2026, month: 3, day: 10))
        func conflicts(_ old: String, _ new: String, oldFirst: Bool?) throws -> [OutletAlignment.Conflict.Kind] {
            try #require(align(old, new, days: (monday, tuesday), oldCapturedFirst: oldFirst).pairs.first).conflicts.map(\.kind)
        }
        let (three, four) = ("An explosion at the Greyfen mine killed three miners on Monday.", "Four miners were killed in the explosion at the Greyfen mine on Monday.")
        #expect(try conflicts(three, four, oldFirst: true).isEmpty)
        #expect(try conflicts(three, four, oldFirst: false) == [.number])
        #expect(try conflicts(three, four, oldFirst: nil) == [.number])
        let (early, later) = ("About 1,200 soldiers are now in the province, the army says.", "Some 2,500 soldiers are in the province, the army says.")
        #expect(try conflicts(early, later, oldFirst: true).isEmpty)
        // Copied with the toll updated, the same.
        let (copied, updated) = ("The blast at the Greyfen mine killed at least 12 miners, the company said on Monday.",
                                 "The blast at the Greyfen mine killed at least 14 miners, the company said on Monday.")
        #expect(try conflicts(copied, updated, oldFirst: true).isEmpty)
        #expect(try conflicts(updated, copied, oldFirst: true) == [.number])
    }

    @Test("two outlets' facts meet within their aligned sentences; not by unit alone")
    func factsThroughPairs() throws {
        let day = CivilDate(year: 2026, month: 6, day: 4)
        let (old, new) = (SentenceSegmenter.segment("""
            Official figures put annual inflation at 3.1% in April.
            The union rejected a 4.5% rise spread over two years.
            The strike stranded about 40,000 passengers on Thursday.
            """), SentenceSegmenter.segment("""
            The union turned down an offer of 3.5 percent, stretched over two years.
            Around 40,000 passengers were stranded, the operator says.
            """))
        let (oldFacts, newFacts) = (FactExtractor.extract(from: old, reference: day), FactExtractor.extract(from: new, reference: day))
        let alignment = OutletAlignment(old: old, new: new, oldFacts: oldFacts, newFacts: newFacts, reference: (day, day))
        let whole = FactComparison(old: oldFacts, new: newFacts, mode: .outlets)
        let facts = alignment.comparingFacts(whole, old: oldFacts, new: newFacts).entries
        func relation(_ a: String, _ b: String) -> FactComparison.Relation? {
            facts.first { $0.old?.text.hasPrefix(a) == true && $0.new?.text.hasPrefix(b) == true }?.relation
        }
        #expect(relation("4.5% rise spread", "3.5 percent") == .conflicting)
        #expect(relation("3.1%", "3.5 percent") == nil)
        #expect(facts.contains { $0.relation == .onlyOld && $0.old?.text.hasPrefix("3.1%") == true })
        #expect(relation("about 40,000 passengers", "Around 40,000 passengers") == .consistent)
    }

    @Test("a pair shows two values as conflicting only where a conflict rule says so: a toll that rose between captures is not")
    func factsConflictOnlyByTheRules() throws {
        let (monday, tuesday) = (CivilDate(year: 2026, month: 3, day: 9), CivilDate(year: 2026, month: 3, day: 10))
        let update = try #require(align("An explosion at the Greyfen mine killed three miners on Monday.",
                                        "Four miners were killed in the explosion at the Greyfen mine on Monday.",
                                        days: (monday, tuesday), oldCapturedFirst: true).pairs.first)
        #expect(update.conflicts.isEmpty && !update.facts.contains { $0.relation == .conflicting })
        let disagreement = try #require(align("An explosion at the Greyfen mine killed three miners on Monday.",
                                              "Four miners were killed in the explosion at the Greyfen mine on Monday.",
                                              days: (monday, tuesday), oldCapturedFirst: false).pairs.first)
        #expect(disagreement.conflicts.map(\.kind) == [.number] && disagreement.facts.contains { $0.relation == .conflicting })
    }

    @Test("a question, or a turn of a few words, reports nothing: it pairs with nothing and is shown as only in its side")
    func questionsPairWithNothing() {
        let wire = "Morrow was taken into custody by marshals at the end of the Lenmark hearing."
        let alignment = align(wire, "HOST: So did the marshals take Morrow into custody right there, once the Lenmark hearing ended?")
        #expect(alignment.pairs.isEmpty && alignment.candidates.values.allSatisfy(\.isEmpty))
        #expect(alignment.onlyOld == [0] && alignment.onlyNew == [0])
        let answered = align(wire, "GUEST: Yes, the marshals took Morrow into custody right there, once the Lenmark hearing ended.")
        #expect(answered.pairs.count == 1)
        let echo = align("Investigators found about $61,000 in cash hidden in a freezer at his home.", "HOST: The freezer.")
        #expect(echo.pairs.isEmpty)
    }

    @Test("the words of a person's name weigh less: who is named is not what is told")
    func namesWeighLess() throws {
        let old = SentenceSegmenter.segment("\"There were complaints online as far back as 2024,\" said Ruth Adeyemi, director of a consumer group.")
        let new = SentenceSegmenter.segment("HOST: Ruth Adeyemi, thank you for joining us this evening.")
        let names: Set<String> = ["ruth", "adeyemi"].map(ReferentTerms.stem).reduce(into: []) { $0.insert($1) }
        let plain = try #require(PairScores(old: old, oldKept: [0], new: new, newKept: [0]).all[0]?[0])
        let weighed = try #require(PairScores(old: old, oldKept: [0], new: new, newKept: [0], nameWords: names).all[0]?[0])
        #expect(weighed < plain - 0.1, "\(plain) → \(weighed)")
    }

    @Test("a pair's facts agree with its conflict: the amounts the words tie, not any two percentages")
    func factsAgreeWithConflict() throws {
        let alignment = align("The port authority has offered dockers a 3.8% raise over two years, while the union wants 6% this year.",
                              "The port authority's offer of 2.8 percent over two years was rejected by the union.")
        let pair = try #require(alignment.pairs.first)
        #expect(pair.conflicts.map { "\($0.old) / \($0.new)" } == ["3.8% raise / 2.8 percent"])
        let amounts = pair.facts.filter { $0.old?.kind == .quantity }.map { "\($0.old!.text) / \($0.new!.text)" }
        #expect(amounts == ["3.8% raise / 2.8 percent"], "\(amounts)")
    }

    @Test("a byline run into its date line and share buttons, or a masthead into its navigation, pairs with nothing")
    func bylineWithDateLine() {
        let alignment = align("By Rafael Ostby\nAugust 20, 2026 11:47 AM UTC · Updated 20 min ago\n\nThe club was sold on Thursday.",
                              "By Imogen Threlfall, Companies Reporter\nSaturday 22 August 2026\n[Share] [Save]\n\nThe club was sold on Thursday, its owners said.")
        #expect(alignment.pairs.count == 1)
        let live = align("PORT ELLERY, August 20 (Meridian) - The club was sold on Thursday.",
                         "Updated 23:55, Thursday 20 August 2026\nLive reporting by Maja Ternes in Port Ellery and Oksana Dray in Veldra\n\nThe club was sold on Thursday, its owners said.")
        #expect(live.pairs.map { live.new.sentences[$0.new].text.hasPrefix("The club") } == [true],
                "\(live.pairs.map { live.new.sentences[$0.new].text })")
        #expect(alignment.pairs.allSatisfy { $0.conflicts.isEmpty })
        // A masthead run into the navigation under it.
        let mastheads = align("Meridian Wire\nWorld | Business | Markets | Politics | More\nSign in | Subscribe\n\nThe club was sold on Thursday.",
                              "THE EVENING COURIER\nNews | Politics | Business | Sport | Opinion\n\nThe club was sold on Thursday, its owners said.")
        #expect(mastheads.pairs.count == 1 && mastheads.onlyOld.isEmpty && mastheads.onlyNew.isEmpty)
        // A kicker cut by a separator below the headline, a release's end mark, a link under its label.
        let chrome = align("Club sold to Harbridge investors\n\nTalvik Business Daily | Sport business\n\nThe club was sold on Thursday.\n\nRelated coverage Harbridge club sale approved by league",
                           "Harbridge sale\n\nPress Release | Harbridge, June 12, 2025\n\nThe club was sold on Thursday, its owners said.\n\nEND")
        #expect(chrome.onlyOld.map { chrome.old.sentences[$0].text }.allSatisfy { $0.hasPrefix("Club sold") },
                "\(chrome.onlyOld.map { chrome.old.sentences[$0].text })")
        #expect(chrome.onlyNew.map { chrome.new.sentences[$0].text }.allSatisfy { $0.hasPrefix("Harbridge sale") },
                "\(chrome.onlyNew.map { chrome.new.sentences[$0].text })")
    }

    @Test("an editor's note or a correction reports facts like any sentence: it pairs")
    func editorsNotes() {
        let alignment = align("Ostby had been found guilty of diverting $412,000 in municipal funds between 2017 and 2020.",
                              "Editor's note: Leona Ostby had been found guilty of diverting $412,000 in municipal funds between 2017 and 2020.")
        #expect(alignment.pairs.map(\.copied) == [true])
        let correction = align("The council voted 6-3 on Tuesday to approve the stadium subsidy.",
                               "Correction: An earlier version of this story misstated the council's vote on the stadium subsidy as 7-2.")
        #expect(correction.pairs.count == 1)
    }

    @Test("a photo caption, a line of one or two sentences ending in an agency's credit, pairs with nothing")
    func captions() {
        let alignment = align("Staff walk past the emergency department entrance at Wenlow General Hospital. HARBOURLINE/Kofi Brannagh\n\nThe emergency department at Wenlow General Hospital stayed open on Thursday.",
                              "The emergency department entrance at Wenlow General Hospital stayed open to walk-in patients on Thursday.")
        #expect(alignment.pairs.map(\.old) == [2], "\(alignment.pairs.map { alignment.old.sentences[$0.old].text })")
        #expect(alignment.onlyOld.isEmpty)
        // Prose that mentions a slash is no caption.
        let prose = align("The 24/7 helpline at Wenlow General Hospital took 900 calls.\n\nIts staff worked through the night.",
                          "The 24/7 helpline at Wenlow General Hospital took 900 calls on Thursday.")
        #expect(prose.pairs.map(\.old) == [0])
    }

    @Test("a copy with a clause dropped and a word changed is still a copy; a paraphrase in like order is not")
    func nearCopies() throws {
        let alignment = align("BRANTHOLM, March 3 (Harbourline) - Skerrow Air, the regional airline based in Brantholm, entered administration on Tuesday and cancelled all of its flights with immediate effect.",
                              "Skerrow Air, the regional airline based in Brantholm, has entered administration and cancelled all of its flights with immediate effect.")
        let pair = try #require(alignment.pairs.first)
        #expect(pair.copied && pair.words.contains { $0.operation == .delete && $0.text.contains("on Tuesday") })
        // A dateline on one side and a lead-in on the other are not part of what was copied.
        let labelled = align("BRANTHOLM, March 3 (Harbourline) - Skerrow Air, the regional airline based in Brantholm, entered administration on Tuesday and cancelled all of its flights with immediate effect.",
                             "Our top story: Skerrow Air, the regional airline based in Brantholm, has entered administration and cancelled all flights with immediate effect.")
        #expect(labelled.pairs.first?.copied == true)
        let paraphrase = align("The regional airline based in Brantholm entered administration on Tuesday and cancelled all of its flights.",
                               "The small island carrier from Brantholm went into administration on Tuesday, grounding every one of its planes.")
        #expect(paraphrase.pairs.allSatisfy { !$0.copied })
    }

    @Test("two sentences that disagree on a count pair, though one of them has a closer partner")
    func conflictingJoin() throws {
        let alignment = align("""
            About 1,150 pilots walked out on Monday, the union said.
            Skarvik Airways cancelled 412 flights on Monday because of the strike over pay, which the union called.
            """, """
            Skarvik Airways cancelled 412 flights on Monday as about 1,500 of its pilots stopped work over pay.
            The union said the walkout would last 48 hours.
            """)
        let pair = try #require(alignment.pairs.first { $0.old == 0 && $0.new == 0 })
        #expect(pair.conflicts.map(\.kind) == [.number])
        #expect(alignment.pairs.contains { $0.old == 1 && $0.new == 0 })
    }

    @Test("one quotation in two framings is the same thing, not a copy; with its framing kept it is a copy")
    func quotedNotCopied() throws {
        let quote = "\"We will not accept a result built on lost ballots and closed doors in Varn,\""
        let framed = align(quote + " said Pavel Orlin, the Alliance's campaign manager.",
                           "Domnitz himself put it bluntly on Tuesday: " + quote.dropLast(2) + ".\"")
        let pair = try #require(framed.pairs.first)
        #expect(!pair.copied)
        let kept = align(quote + " the mayor said.", quote + " Pruitt said.")
        #expect(try #require(kept.pairs.first).copied)
    }

    @Test("a tally puts the larger side first and stands alone; ranges, phone numbers and percentages are not tallies", arguments: [
        ("The committee voted 5-2 for the larger increase.", "5-2"),
        ("Halvorsen won the final 3-1 on Sunday.", "3-1"),
        ("The court ruled 5-4 that the law stands.", "5-4"),
        ("Prices rose 5-10 percent in a year.", nil),
        ("Call 555-0148 for details.", nil),
        ("The score was 2-2 at half time, and 3-2 at the end.", nil),
        ("The odds were 3-1 percent.", nil),
        ("Rates rose for the third time this year.", nil),
    ] as [(String, String?)])
    func tallies(sentence: String, tally: String?) {
        #expect(ConflictFinder.tally(in: SentenceWords(sentence))?.text == tally)
    }

    @Test("headlines pair with each other, not with the lead that tells the same in full")
    func headlines() {
        let alignment = align("""
            Seravia central bank lifts rates to 9.25% as inflation bites
            TALVIK, Oct 30 (Meridian) - Seravia's central bank raised its main interest rate to 9.25% on Thursday as inflation climbed.
            """, """
            Seravia raises interest rates again
            Seravia's central bank has raised interest rates for the third time this year, to 9.25%.
            """)
        #expect(alignment.pairs.map { [$0.old, $0.new] } == [[0, 0], [1, 1]])
        // A text whose first line ends in a full stop has no headline: it starts with its lead.
        #expect(OutletAlignment.headline(SentenceSegmenter.segment("The bank raised rates.\nIt said more may follow."), kept: [0, 1]) == nil)
    }

    @Test("rounded counts meet in one term; years, small counts and counts of another size do not", arguments: [
        ("A total of 1,960 peacekeepers left.", "Nearly 2,000 troops left.", true),
        ("About 3,000 residents fled.", "Around three thousand people fled.", true),
        ("Inflation rose to 8.4% in September.", "Inflation is running above eight percent.", true),
        ("About 3,000 residents fled.", "About 4,000 residents fled.", false),
        ("The plant opened in 1987.", "The plant grew in 2000.", false),
        ("Two workers died.", "Two workers died.", false),
    ])
    func roundedCounts(_ a: String, _ b: String, _ meet: Bool) {
        func rounded(_ text: String) -> Set<String> { Set(ReferentTerms.terms(of: text).map(\.key).filter { $0.hasPrefix("~") }) }
        #expect(!rounded(a).isDisjoint(with: rounded(b)) == meet, "\(rounded(a)) \(rounded(b))")
    }

    @Test("a pair next to a sure pair gains: a rewrite keeps the wire's order in runs")
    func neighbours() throws {
        let old = SentenceSegmenter.segment("""
            The river Tolve burst its banks on Tuesday and flooded the market town of Marrowby.
            Crews worked through the night.
            """)
        let new = SentenceSegmenter.segment("""
            The Tolve flooded the market town of Marrowby on Tuesday after it burst its banks.
            Crews worked all night long, officials said.
            """)
        var scores = PairScores(old: old, oldKept: [0, 1], new: new, newKept: [0, 1])
        let before = scores.all
        scores.addNeighbours(oldKept: [0, 1], newKept: [0, 1])
        #expect(try #require(before[0]?[0]) >= PairScores.neighbourFloor)
        #expect(abs(try #require(scores.all[1]?[1]) - before[1]![1]! - PairScores.neighbourWeight) < 1e-9)
    }

    @Test("a phrase both keep adds to their score; a phrase several sentences use adds nothing")
    func sharedPhrase() throws {
        let old = SentenceSegmenter.segment("""
            The bank had waited too long to act.
            Officials said on Thursday that rates would rise.
            The minister said on Thursday that she agreed.
            """)
        let new = SentenceSegmenter.segment("""
            Critics say the bank had waited too long.
            The union said on Thursday it would strike.
            """)
        var scores = PairScores(old: old, oldKept: [0, 1, 2], new: new, newKept: [0, 1])
        let before = scores.all
        scores.addSharedPhrases(old: old, oldKept: [0, 1, 2], new: new, newKept: [0, 1])
        let kept = try #require(scores.all[0]?[0]), was = try #require(before[0]?[0])
        #expect(abs(kept - was - PairScores.sharedPhraseLimit) < 1e-9)
        #expect(scores.all[1]?[1] == before[1]?[1] && scores.all[2]?[1] == before[2]?[1])
    }

    @Test("unrelated texts pair nothing; a text against itself pairs every sentence with itself, all copied")
    func extremes() {
        let unrelated = align(wire, "Tennis: Halvorsen beat Imre in three sets at the indoor final in Oslo. She served eleven aces.")
        #expect(unrelated.pairs.isEmpty)
        let same = align(rewrite, rewrite)
        #expect(same.pairs.allSatisfy { $0.old == $0.new && $0.conflicts.isEmpty })
        #expect(same.pairs.count == same.old.sentences.count && same.copied.oldShare == 1)
    }
}

@Suite("copied text")
struct CopiedTextTests {
    @Test("re-paragraphed wire copy with ads inserted and a word changed is still copied; spans cover the copied words")
    func churnalism() {
        let original = SentenceSegmenter.segment(wire)
        let republished = SentenceSegmenter.segment(wire.replacingOccurrences(of: "\n", with: "\n\nRelated: more news\n\n")
            .replacingOccurrences(of: "overnight", with: "during the night"))
        let furniture = Set(republished.sentences.indices.filter { PageFurniture.isFurniture(republished.sentences[$0]) || republished.sentences[$0].text.hasPrefix("Related") })
        let copied = CopiedText(old: ShingledText(original), new: ShingledText(republished, ignoring: { furniture.contains($0) }))
        #expect(copied.newShare > 0.9 && copied.oldShare > 0.9)
        let text = Array(republished.text.utf8)
        let spans = copied.newSpans.map { String(decoding: text[$0], as: UTF8.self) }
        #expect(spans.contains { $0.hasPrefix("The regional government said it would close") })
        #expect(!spans.contains { $0.contains("during the night") })
    }

    @Test("shares are symmetric in what they count and between 0 and 1", arguments: [0, 1, 2, 3])
    func shareBounds(seed: Int) {
        var random = SeededGenerator(state: UInt64(seed + 1))
        let words = ["river", "town", "rescue", "water", "mayor", "bridge", "rain", "boats", "roofs", "valley"]
        func text() -> String {
            (0..<8).map { _ in (0..<10).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ") + "." }.joined(separator: " ")
        }
        let (a, b) = (SentenceSegmenter.segment(text()), SentenceSegmenter.segment(text()))
        let copied = CopiedText(old: ShingledText(a), new: ShingledText(b))
        #expect((0...1).contains(copied.oldShare) && (0...1).contains(copied.newShare))
        let reversed = CopiedText(old: ShingledText(b), new: ShingledText(a))
        #expect(reversed.oldShare == copied.newShare && reversed.newShare == copied.oldShare)
    }
}
