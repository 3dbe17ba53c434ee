import RevtrackFacts
import RevtrackText

/// A part of a whole: "44 of the 81 seats", "forty-six of the eighty-one
/// seats", "14 of the district's 96 polling stations". Two outlets that give
/// the same whole and different parts disagree on the part; the whole is not
/// a count to set against another outlet's part.
struct Partitive: Equatable {
    let part: Double
    let whole: Double
    /// What the whole counts, stemmed ("seat"), or nil when nothing follows it.
    let noun: String?
    let text: String

    static func all(in sentence: SentenceWords) -> [Partitive] {
        let words = sentence.written
        var found: [Partitive] = []
        for index in words.indices {
            guard let part = ReferentTerms.numberValue(words[index]), index + 3 < words.count, words[index + 1].lowercased() == "of",
                  determiners.contains(words[index + 2].lowercased()) else { continue }
            var at = index + 3
            // "of the district's 96": an owner between the determiner and the whole.
            if ReferentTerms.numberValue(words[at]) == nil, words[at].hasSuffix("'s") || words[at].hasSuffix("\u{2019}s"), at + 1 < words.count { at += 1 }
            guard let whole = ReferentTerms.numberValue(words[at]), whole > part else { continue }
            let noun = at + 1 < words.count && ReferentTerms.numberValue(words[at + 1]) == nil ? ReferentTerms.stem(words[at + 1].lowercased()) : nil
            found.append(Partitive(part: part, whole: whole, noun: noun, text: words[index...at].joined(separator: " ")))
        }
        return found
    }

    /// The same whole of the same thing, and different parts of it.
    static func conflict(_ old: [Partitive], _ new: [Partitive]) -> OutletAlignment.Conflict? {
        for a in old {
            for b in new where a.whole == b.whole && a.part != b.part && (a.noun == nil || b.noun == nil || a.noun == b.noun) {
                return .init(kind: .number, old: a.text, new: b.text)
            }
        }
        return nil
    }

    /// A part against a plain count of the same thing in the other sentence:
    /// "voted to close seven of its 48 primary schools" / "voted to shut eight
    /// primary schools". The count must be neither the part nor the whole, nor
    /// a number the part's own sentence gives too ("eight of the 10 counts,
    /// including seven counts of wire fraud"), and within a factor of three of
    /// the part.
    static func conflict(_ parts: [Partitive], told: Set<Double>, against sentence: SentenceWords, partsThere: [Partitive]) -> (part: Partitive, count: String)? {
        guard !parts.isEmpty else { return nil }
        let words = sentence.written
        let taken = Set(partsThere.flatMap { [$0.part, $0.whole] }).union(told)
        for index in words.indices.dropLast() {
            guard let count = ReferentTerms.numberValue(words[index]), count > 0, !taken.contains(count),
                  index == 0 || words[index - 1].lowercased() != "of" else { continue }
            let noun = ReferentTerms.stem(words[index + 1].lowercased())
            for part in parts where part.noun == noun && count != part.part && count != part.whole && part.part > 0
                && max(count, part.part) / min(count, part.part) <= 3 {
                return (part, words[index...(index + 1)].joined(separator: " "))
            }
        }
        return nil
    }

    private static let determiners: Set<String> = ["the", "its", "their", "his", "her", "our", "those", "these"]
}
