import Foundation
import Testing
import RevtrackTestSupport
@testable import RevtrackCore

func stormRevisions() throws -> [String] {
    try (1...6).map { try sampleText("storm/wire-\($0).txt") }
}

@Suite("Sentence history (blame)")
struct SentenceHistoryTests {
    @Test("origins follow sentences through edits, moves and trims of the storm story")
    func storm() throws {
        let history = SentenceHistory(revisions: try stormRevisions())
        let rows = zip(history.latest.sentences, history.origins).map { ($0.text, $1.introduced + 1, $1.lastChanged + 1, $1.changes) }
        func row(_ prefix: String) -> (Int, Int, Int)? {
            rows.first { $0.0.hasPrefix(prefix) }.map { ($0.1, $0.2, $0.3) }
        }
        #expect(row("Storm Elena kills 23")! == (1, 5, 2), "headline: 12 → at least 20 (@3) → 23 (@5)")
        #expect(row("LISBON, Oct 14")! == (1, 5, 2))
        #expect(row("It is the deadliest storm")! == (3, 3, 0), "moved in @4 without edits")
        #expect(row("Rescuers were searching")! == (1, 5, 1))
        #expect(row("\"We have never seen")! == (2, 6, 2), "quote trimmed in @4, name corrected in @6")
        #expect(row("(This story has been corrected")! == (6, 6, 0))
        #expect(row("(Reporting by")! == (5, 5, 0))
        #expect(history.steps.count == 5)
        #expect(history.steps[2] == .init(unchanged: 5, added: 0, removed: 0, modified: 1, moved: 1))
    }

    @Test("200 generated revisions: repeated edits counted, a deleted and re-added sentence is a new appearance")
    func longHistory() {
        let places = ["Arden", "Brill", "Calder", "Dunmore", "Elgin", "Fenwick", "Garth", "Halsey", "Ilford", "Jarrow",
                      "Kelso", "Lydd", "Marlow", "Nairn", "Oban", "Penrith", "Quorn", "Rye", "Selby", "Thame"]
        func sentence(_ index: Int, revision: Int) -> String {
            switch index {
            case 3: return "The council in \(places[3]) counted \(100 + revision / 10) votes for the proposal."
            default: return "Officials in \(places[index]) said the meeting on item \(index) would resume next week."
            }
        }
        let revisions = (0..<200).map { revision -> String in
            var order = Array(0..<20)
            if (50..<120).contains(revision) { order.removeAll { $0 == 7 } }     // deleted at 50, back at 120
            if revision >= 80 { order.removeAll { $0 == 12 }; order.append(12) }  // moved to the end at 80
            return order.map { sentence($0, revision: revision) }.joined(separator: "\n")
        }
        let history = SentenceHistory(revisions: revisions)
        func origin(_ prefix: String) -> SentenceOrigin? {
            zip(history.latest.sentences, history.origins).first { $0.0.text.hasPrefix(prefix) }?.1
        }
        #expect(history.origins.count == 20)
        #expect(origin("The council in Dunmore")! == SentenceOrigin(introduced: 0, lastChanged: 190, changes: 19))
        #expect(origin("Officials in Halsey")! == SentenceOrigin(introduced: 120, lastChanged: 120, changes: 0),
                "re-added after its deletion: a new appearance, not the old sentence")
        #expect(origin("Officials in Marlow")! == SentenceOrigin(introduced: 0, lastChanged: 0, changes: 0), "moved, never edited")
        #expect(history.steps[49].removed == 1 && history.steps[119].added == 1 && history.steps[79].moved == 1)
    }

    @Test("a single revision: everything introduced there, nothing changed")
    func single() {
        let history = SentenceHistory(revisions: ["One. Two."])
        #expect(history.origins == [SentenceOrigin(introduced: 0, lastChanged: 0, changes: 0),
                                    SentenceOrigin(introduced: 0, lastChanged: 0, changes: 0)])
        #expect(history.steps.isEmpty)
    }
}

@Suite("Moves with edits in the storm story")
struct StormMoveTests {
    @Test("a quote trimmed while a paragraph moved past it is one edit; only the paragraph is a move")
    func trimmedQuote() throws {
        let revisions = try stormRevisions()
        let comparison = DocumentComparison(old: revisions[2], new: revisions[4])
        let quote = comparison.changes.first { change in
            change.new.map { comparison.new.sentences[$0.lowerBound].text.hasPrefix("\"We have never seen") } ?? false
        }
        #expect(quote?.operation == .modify)
        #expect(quote?.old != nil)
        // Only the background paragraph moved; the edited ones around it stay in place.
        #expect(comparison.summary == .init(unchanged: 1, added: 2, removed: 0, modified: 5, moved: 1))
        let moved = comparison.changes.first { $0.operation == .move }
        #expect(moved.map { comparison.new.sentences[$0.new!.lowerBound].text.hasPrefix("It is the deadliest") } == true)
    }
}
