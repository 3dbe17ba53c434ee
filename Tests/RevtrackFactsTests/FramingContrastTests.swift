import Testing
import RevtrackFacts
import RevtrackText
import RevtrackTestSupport

@Suite("Framing contrasts")
struct FramingContrastTests {
    let day = CivilDate(year: 2025, month: 3, day: 12)

    func contrasts(_ old: String, _ new: String) -> [FramingContrast] {
        let (a, b) = (SentenceSegmenter.segment(old), SentenceSegmenter.segment(new))
        let oldFacts = FactExtractor.extract(from: a, reference: day), newFacts = FactExtractor.extract(from: b, reference: day)
        let comparison = FactComparison(old: oldFacts, new: newFacts, mode: .outlets)
        return FramingContrast.find(old: a, new: b, oldFacts: oldFacts, newFacts: newFacts, comparison: comparison)
    }

    func pairs(_ contrasts: [FramingContrast]) -> [String] {
        contrasts.map { $0.old.phrase + " / " + $0.new.phrase }
    }

    @Test("the two samples: recaptured/liberated, offensive/operations, troops/personnel")
    func samples() throws {
        let found = contrasts(try sample("karabakh/reuters.txt"), try sample("karabakh/opinion.txt"))
        #expect(pairs(found) == ["troops / personnel", "recaptured / liberated", "lightning offensive / anti-terrorist operations"])
        let liberated = try #require(found.first { $0.new.term == "liberate" })
        #expect(liberated.family == "taking territory")
        #expect(liberated.referent == "Azerbaijan")
        #expect(liberated.old.count == 2 && liberated.new.count == 1)
        let offensive = try #require(found.first { $0.old.term == "offensive" })
        #expect(offensive.referent == "“last September” / “fall of 2023”")
    }

    @Test("the same people called protesters and rioters, tied by the day")
    func protest() {
        let found = contrasts(
            "LONDON (Reuters) - About 300 protesters gathered outside parliament on Tuesday to oppose the new policing bill, police said. Officers arrested 12 people after scuffles near the gates.",
            "Some 300 rioters besieged parliament on Tuesday in a show of anger over the policing bill. Police detained a dozen people.")
        #expect(pairs(found).contains("protesters / rioters"))
    }

    @Test("one source that 'said' in one outlet and 'claimed' in the other")
    func saidAndClaimed() {
        let found = contrasts("The health ministry said 40 patients had died in the outbreak since March.",
                              "The health ministry claimed 40 patients had died in the outbreak since March.")
        #expect(pairs(found) == ["said / claimed"])
        #expect(found.first?.referent == "health ministry")
    }

    @Test("migrants and illegal immigrants at one place on one day")
    func migrants() {
        let found = contrasts("Coast guards rescued 120 migrants off Lampedusa on Sunday.",
                              "Coast guards intercepted 120 illegal immigrants off Lampedusa on Sunday.")
        #expect(pairs(found) == ["migrants / illegal immigrants"])
    }

    @Test("different actors, or nothing shared, or a word both outlets use: no contrast")
    func noContrast() {
        #expect(contrasts("Rebels seized the town of Kela on Monday.", "Government troops recaptured the town of Kela on Monday.").isEmpty)
        #expect(contrasts("The central bank cut rates in May.", "Shares tumbled in October after the election.").isEmpty)
        // Both outlets say "offensive" somewhere: choosing it is not a contrast.
        #expect(contrasts("The offensive began on Monday. The army called it an operation.",
                          "The operation began on Monday, a week after the offensive was announced.").isEmpty)
    }
}
