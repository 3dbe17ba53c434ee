import RevtrackCore
import RevtrackFacts
import RevtrackTestSupport
import RevtrackText
import Testing

/// A wrong fact in a diff reads like a finding; these are the ways a
/// comparison could invent one.
@Suite("Fact comparison never invents a change")
struct ComparisonTrustTests {
    let day = CivilDate(year: 2026, month: 3, day: 10)

    func report(_ old: String, _ new: String, _ mode: FactComparison.Mode, ignoreCosmetic: Bool = false) -> FactReport {
        let comparison = DocumentComparison(old: old, new: new, wordLevel: false)
        return FactReport(old: comparison.old, new: comparison.new, alignment: comparison.alignment,
                          references: (day, day), mode: mode, ignoreCosmetic: ignoreCosmetic)
    }

    @Test("a text compared with itself as two outlets is all shared, whatever the text",
          arguments: ["karabakh/reuters.txt", "karabakh/opinion.txt", "storm/wire-6.txt", "facts/court-ruling.txt",
                      "facts/dev/a-voting-map-wire.txt", "facts/dev/b-sunday-show.txt", "facts/dev/c-eu-gas-limits.txt"])
    func selfComparison(_ path: String) throws {
        let text = try sampleText(path)
        let outlets = report(text, text, .outlets)
        #expect(!outlets.comparison.entries.isEmpty)
        let odd = outlets.comparison.entries.filter { $0.relation != .shared }.map { "\($0.relation): " + ($0.old?.summary ?? $0.new?.summary ?? "") }
        #expect(odd.isEmpty, "\(odd)")
        let versions = report(text, text, .versions)
        #expect(versions.comparison.entries.allSatisfy { $0.relation == .unchanged })
    }

    @Test("quote style, white space and letter case are not changes; punctuation is not either with --ignore-cosmetic")
    func cosmetic() {
        let old = "\"We have never seen water rise this fast never,\" said mayor Joaquim Serrano."
        let styled = "“We have NEVER seen water   rise this fast never,” said mayor Joaquim Serrano."
        #expect(!report(old, styled, .versions).hasDifferences)
        #expect(!report(old, styled, .outlets).hasDifferences)
        let punctuated = "\"We have never seen water rise this fast; never,\" said mayor Joaquim Serrano."
        let strict = report(old, punctuated, .versions)
        #expect(strict.comparison.entries.contains { $0.relation == .changed && $0.old?.kind == .quote })
        #expect(!report(old, punctuated, .versions, ignoreCosmetic: true).hasDifferences)
    }

    @Test("values of one referent that cannot both be true conflict between outlets", arguments: [
        ("Storm Elena killed 7 people in southern Portugal on Sunday.", "Storm Elena killed 9 people in southern Portugal on Sunday.", Fact.Kind.quantity),
        ("The vote on the emergency budget was held in April, officials said.", "The vote on the emergency budget was held in February, officials said.", Fact.Kind.date),
    ])
    func conflicts(_ old: String, _ new: String, _ kind: Fact.Kind) {
        let outlets = report(old, new, .outlets)
        #expect(outlets.comparison.entries.contains { $0.relation == .conflicting && $0.old?.kind == kind })
        #expect(!outlets.comparison.entries.contains { $0.relation == .consistent && $0.old?.kind == kind })
    }

    @Test("rounded or bounded values of one referent agree between outlets", arguments: [
        ("Annual consumer price inflation rose to 8.4% in September.", "Inflation is running above eight percent."),
        ("Mayor Janet Pruitt ordered about 3,000 residents to leave.", "Around three thousand people living near the plant were told to leave."),
        ("The fire injured 14 people.", "More than a dozen other people were hurt."),
    ])
    func agreements(_ old: String, _ new: String) {
        let outlets = report(old, new, .outlets)
        #expect(outlets.comparison.entries.contains { $0.relation == .consistent && $0.old?.kind == .quantity })
        #expect(!outlets.comparison.entries.contains { $0.relation == .conflicting })
    }

    @Test("between outlets, counts more than a factor of three apart, or a part against its whole, are two things; between versions a count may grow any amount")
    func countsApart() {
        let old = "Officials said 2 people were evacuated from the plant.", new = "Officials said about 300 people were evacuated from the plant."
        #expect(!report(old, new, .outlets).comparison.entries.contains { $0.relation == .conflicting })
        let part = report("The collapse killed six people on Tuesday evening.", "Two of the dead were killed in the collapse on Tuesday evening.", .outlets)
        #expect(!part.comparison.entries.contains { $0.relation == .conflicting })
        let toll = report("The storm killed 2 people on Tuesday.", "The storm killed 20 people on Tuesday.", .versions)
        #expect(toll.comparison.entries.contains { $0.relation == .changed && $0.old?.kind == .quantity })
    }

    @Test("matching is one to one: the same fact twice on one side pairs with each copy on the other")
    func oneToOne() {
        let text = "The toll rose to 23 on Tuesday. Officials said 23 people had died by Tuesday."
        let outlets = report(text, text, .outlets)
        #expect(outlets.comparison.count(.shared) == outlets.comparison.entries.count)
        #expect(outlets.comparison.count(.onlyNew) == 0 && outlets.comparison.count(.onlyOld) == 0)
    }
}
