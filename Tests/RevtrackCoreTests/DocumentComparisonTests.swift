import Foundation
import Testing
import RevtrackTestSupport
@testable import RevtrackCore

func sample(_ name: String) throws -> String { try sampleText("karabakh/" + name) }

/// The changes that are not `equal`, as (operation, old text, new text).
func edits(_ comparison: DocumentComparison) -> [(SentenceChange.Operation, String?, String?)] {
    comparison.changes.filter { $0.operation != .equal }.map { change in
        (change.operation,
         change.old.map { $0.map { comparison.old.sentences[$0].text }.joined(separator: " ") },
         change.new.map { $0.map { comparison.new.sentences[$0].text }.joined(separator: " ") })
    }
}

func rendered(_ words: [WordSegment]) -> String {
    words.map { segment in
        let space = segment.spaceBefore ? " " : ""
        switch segment.operation {
        case .equal: return space + segment.text
        case .delete: return space + "[-" + segment.text + "-]"
        case .insert: return space + "{+" + segment.text + "+}"
        }
    }.joined().trimmingCharacters(in: .whitespaces)
}

@Suite("Document comparison on revisions of the Reuters sample")
struct DocumentComparisonTests {
    let reuters: String

    init() throws { reuters = try sample("reuters.txt") }

    @Test("a number changed is one modified sentence with a word-level change")
    func numberChanged() throws {
        let revised = reuters.replacingOccurrences(of: "A total of 1,960 Russian", with: "A total of 2,000 Russian")
        let comparison = DocumentComparison(old: reuters, new: revised)
        #expect(comparison.summary == .init(unchanged: 15, added: 0, removed: 0, modified: 1, moved: 0))
        let change = try #require(comparison.changes.first { $0.operation == .modify })
        #expect(rendered(change.words).hasPrefix("A total of [-1,960-] {+2,000+} Russian peacekeepers"))
        #expect(change.editKind == .wording)
    }

    @Test("a quote added is one inserted sentence")
    func quoteAdded() {
        let quote = "\"We are leaving with our heads held high,\" one officer told reporters."
        let revised = reuters.replacingOccurrences(of: "(Reporting by", with: quote + "\n(Reporting by")
        let comparison = DocumentComparison(old: reuters, new: revised)
        #expect(comparison.summary.added == 1 && comparison.summary.modified == 0 && comparison.summary.removed == 0)
        #expect(edits(comparison).first.flatMap { $0.2 } == quote)
    }

    @Test("a paragraph moved is reported as moves, not as delete plus insert")
    func paragraphMoved() {
        var lines = reuters.components(separatedBy: "\n")
        let moved = lines.remove(at: 9)   // "Armenia was not represented at Wednesday's ceremony…"
        lines.insert(moved, at: 4)
        let comparison = DocumentComparison(old: reuters, new: lines.joined(separator: "\n"))
        #expect(comparison.summary.moved == 1)
        #expect(comparison.summary.added == 0 && comparison.summary.removed == 0 && comparison.summary.modified == 0)
        let move = comparison.changes.first { $0.operation == .move }
        #expect(move?.words.isEmpty == true)
    }

    @Test("a moved and edited sentence is a move with word changes")
    func movedAndEdited() {
        var lines = reuters.components(separatedBy: "\n")
        let moved = lines.remove(at: 8).replacingOccurrences(of: "dominated by Russia", with: "led by Russia")
        lines.insert(moved, at: 4)
        let comparison = DocumentComparison(old: reuters, new: lines.joined(separator: "\n"))
        let move = comparison.changes.first { $0.operation == .move }
        #expect(move != nil)
        let words = rendered(move?.words ?? [])
        #expect(words.contains("[-dominated-] {+led+} by Russia"))
    }

    @Test("a sentence split in two, and two merged into one")
    func splitAndMerge() {
        let original = "Armenia has a very different take on Russia's role. It has accused Moscow of failing it by doing nothing to prevent Azerbaijan from taking Karabakh by force and conducting what it calls ethnic cleansing, something Azerbaijan denies."
        let merged = "Armenia, which has a very different take on Russia's role, has accused Moscow of failing it by doing nothing to prevent Azerbaijan from taking Karabakh by force and conducting what it calls ethnic cleansing, something Azerbaijan denies."
        let merge = DocumentComparison(old: reuters, new: reuters.replacingOccurrences(of: original, with: merged))
        #expect(merge.summary.modified == 1 && merge.summary.added == 0 && merge.summary.removed == 0)
        #expect(merge.changes.first { $0.operation == .modify }?.old?.count == 2)

        let split = DocumentComparison(old: reuters.replacingOccurrences(of: original, with: merged), new: reuters)
        #expect(split.summary.modified == 1 && split.summary.added == 0 && split.summary.removed == 0)
        #expect(split.changes.first { $0.operation == .modify }?.new?.count == 2)
    }

    @Test("a typo fix is labelled as such, punctuation and case as cosmetic")
    func editKinds() throws {
        let typo = DocumentComparison(old: reuters.replacingOccurrences(of: "humanitarian", with: "humanitrian"), new: reuters)
        #expect(typo.changes.first { $0.operation == .modify }?.editKind == .typo)
        let cosmetic = DocumentComparison(old: reuters, new: reuters.replacingOccurrences(of: "\"The Russian military", with: "“The Russian military")
            .replacingOccurrences(of: "them,\" he said", with: "them,” he said"))
        let change = try #require(cosmetic.changes.first { $0.operation == .modify })
        #expect(change.editKind == .cosmetic)
        let number = DocumentComparison(old: reuters, new: reuters.replacingOccurrences(of: "10 barracks", with: "12 barracks"))
        #expect(number.changes.first { $0.operation == .modify }?.editKind == .wording)
    }

    @Test("whitespace-only changes report no change")
    func whitespaceOnly() {
        let respaced = reuters.replacingOccurrences(of: ". ", with: ".  ").replacingOccurrences(of: "\n", with: "\n\n")
            .replacingOccurrences(of: "Russia shut down", with: "Russia   shut\tdown")
        let comparison = DocumentComparison(old: reuters, new: respaced)
        #expect(!comparison.summary.hasDifferences)
        #expect(comparison.summary.unchanged == 16)
    }

    @Test("two different articles: mostly additions and removals, no spurious pairs")
    func differentArticles() throws {
        let comparison = DocumentComparison(old: reuters, new: try sample("opinion.txt"))
        #expect(comparison.summary.unchanged == 0)
        #expect(comparison.summary.modified <= 1)
        #expect(comparison.summary.removed + comparison.summary.modified >= 15)
    }

    @Test("word-level clean-up merges a stray one-word match into the change")
    func semanticCleanup() {
        let words = WordDiff.compare("the army left the base quickly", "the navy sailed the ship quickly")
        #expect(rendered(words) == "the [-army left the base-] {+navy sailed the ship+} quickly")
    }
}

@Suite("Pairing")
struct PairingTests {
    @Test("a sentence that grew with new detail is one modified sentence")
    func expansion() {
        let comparison = DocumentComparison(
            old: "Officials met on Monday.\nArmenia was not represented at Wednesday's ceremony.\nThe end.",
            new: "Officials met on Monday.\nArmenia was not represented at Wednesday's ceremony, where folk dances and patriotic songs were performed and Russian troops departed to the strains of a military band.\nThe end.")
        #expect(comparison.summary == .init(unchanged: 2, added: 0, removed: 0, modified: 1, moved: 0))
    }

    @Test("unrelated replacements are not paired")
    func unrelated() {
        let comparison = DocumentComparison(old: "Intro.\nThe army left the base at dawn.\nEnd.",
                                            new: "Intro.\nPrices of bread rose sharply in the capital.\nEnd.")
        #expect(comparison.summary == .init(unchanged: 2, added: 1, removed: 1, modified: 0, moved: 0))
    }
}
