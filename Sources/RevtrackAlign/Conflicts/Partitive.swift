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

    private static let determiners: Set<String> = ["the", "its", "their", "his", "her", "our", "those", "these"]
}
