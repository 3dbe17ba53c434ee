import Foundation
import RevtrackCore
import RevtrackFacts
import RevtrackText

/// The comparison as one JSON document for programs. The schema is stable and
/// documented in docs/json-schema.md; Foundation's encoder escapes quotes,
/// backslashes and control characters, so any article text gives valid JSON.
public enum JSONDiffRenderer {
    /// - Parameter sentences: false leaves `sentences` out (`--level facts`).
    public static func render(_ comparison: DocumentComparison, old: DiffSide, new: DiffSide,
                              facts: FactSection? = nil, sentences: Bool = true, hidden: Int = 0,
                              outlets: AlignmentView? = nil, compact: Bool = false) throws -> String {
        var summary = Summary(comparison.summary, edits: comparison.editKindCounts)
        summary.hidden = hidden == 0 ? nil : hidden
        if let facts {
            var counts: [String: Int] = [:]
            for entry in facts.comparison.entries { counts[entry.relation.rawValue, default: 0] += 1 }
            if facts.mode == .outlets { counts["framing"] = facts.framing.count }
            summary.facts = counts
        }
        let document = Document(
            old: old, new: new, summary: summary,
            sentences: sentences ? comparison.changes.enumerated().map { Entry($1, comparison, facts: facts?.links[$0]) } : nil,
            facts: facts.map { section in section.comparison.entries.map(FactEntry.init) },
            factMode: facts.map { $0.mode == .versions ? "versions" : "outlets" },
            framing: facts.flatMap { $0.mode == .outlets ? $0.framing : nil },
            alignment: sentences ? outlets.map(AlignmentJSON.init) : nil)
        let encoder = JSONEncoder()
        // Compact: one document per line, for JSON Lines (`batch`).
        encoder.outputFormatting = compact ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        let schema = "revtrack-diff/1"
        let old: DiffSide
        let new: DiffSide
        let summary: Summary
        let sentences: [Entry]?
        let facts: [FactEntry]?
        let factMode: String?
        let framing: [FramingContrast]?
        /// Between outlets: the sentence pairs that report the same thing, and copied text.
        let alignment: AlignmentJSON?
    }

    struct FactEntry: Encodable {
        let kind: String
        let change: String
        let old: Fact?
        let new: Fact?
        init(_ entry: FactComparison.Entry) {
            kind = (entry.old ?? entry.new)!.kind.rawValue
            change = entry.relation.rawValue
            old = entry.old
            new = entry.new
        }
    }

    struct Summary: Encodable {
        let added, removed, modified, moved, unchanged: Int
        /// Edits by kind ("meaning", "fact", "wording", "typo", "cosmetic"), only those that occur.
        let edits: [String: Int]
        /// Changes left out as page furniture or by ignore rules.
        var hidden: Int? = nil
        var facts: [String: Int]? = nil
        init(_ summary: DocumentComparison.Summary, edits: [EditKind: Int]) {
            self.edits = Dictionary(uniqueKeysWithValues: edits.map { ($0.key.rawValue, $0.value) })
            added = summary.added
            removed = summary.removed
            modified = summary.modified
            moved = summary.moved
            unchanged = summary.unchanged
        }
    }

    struct SideText: Encodable {
        /// First sentence index (0-based) and how many sentences (2+ for splits and merges).
        let index: Int
        let count: Int
        let paragraph: Int
        let text: String
    }

    struct Word: Encodable {
        let op: String
        let text: String
        let space: Bool
    }

    struct Entry: Encodable {
        let op: String
        let old: SideText?
        let new: SideText?
        let kind: String?
        let similarity: Double?
        let words: [Word]?
        /// Indices into the document's `facts` of the facts this edit changed (a `fact` edit).
        let facts: [Int]?

        init(_ change: SentenceChange, _ comparison: DocumentComparison, facts: [Int]?) {
            self.facts = facts
            op = change.operation.rawValue
            func side(_ range: Range<Int>?, _ sentences: [Sentence]) -> SideText? {
                guard let range else { return nil }
                return SideText(index: range.lowerBound, count: range.count, paragraph: sentences[range.lowerBound].paragraph,
                                text: range.map { sentences[$0].text }.joined(separator: " "))
            }
            old = side(change.old, comparison.old.sentences)
            new = side(change.new, comparison.new.sentences)
            kind = change.editKind?.rawValue
            similarity = change.similarity.map { ($0 * 1000).rounded() / 1000 }
            words = change.words.isEmpty ? nil : change.words.map { Word(op: $0.operation.rawValue, text: $0.text, space: $0.spaceBefore) }
        }
    }
}
