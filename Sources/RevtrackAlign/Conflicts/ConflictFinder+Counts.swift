import Foundation
import RevtrackFacts
import RevtrackText

/// Counts of a named thing: when two outlets' counts are one count told two
/// ways (the words beside them meet, neither is a part or a list item of the
/// other, neither rounds the other), a list of counts against a total, and
/// one place in a series told two ways.
extension ConflictFinder {
    /// Whether the words beside two counts, besides what they count, say
    /// one thing of them: a verb, a place or a time both use ("forced from
    /// their homes", "underground", "a day"), or one state ("killed" / "dead").
    static func saySameOf(_ a: Fact, in old: SentenceWords, _ b: Fact, in new: SentenceWords, facts: (old: [Fact], new: [Fact])) -> Bool {
        if let state = a.state, state == b.state { return true }
        guard let (at, length) = old.position(of: a), let (bt, bLength) = new.position(of: b) else { return true }
        let counted = Set(((a.counted ?? "") + " " + (b.counted ?? "")).lowercased().split(separator: " ").map { ReferentTerms.stem(String($0)) })
        // Units of time count too: "13,000 vehicles a day" / "31,000 vehicles daily".
        // Who said it ("…, the network said", "Westmarch Power Networks reports that") says nothing of the count.
        func around(_ sentence: SentenceWords, _ index: Int, _ length: Int, _ facts: [Fact]) -> Set<String> {
            let sources = facts.filter { [.person, .organisation].contains($0.kind) }.compactMap { sentence.position(of: $0) }
                .flatMap { $0.0..<($0.0 + $0.1) }
            let window = (max(0, index - 5)..<min(sentence.lower.count, index + length + 6)).filter { !sources.contains($0) }
            return Set(window.compactMap { position -> String? in
                let word = sentence.lower[position]
                if let unit = ReferentTerms.rateAdverbs[word] ?? Durations.years(per: word).map({ _ in ReferentTerms.stem(word) }) { return unit }
                guard ReferentTerms.carriesMeaning(word), ReferentTerms.numberValue(word) == nil else { return nil }
                return ReferentTerms.stem(word)
            }).subtracting(counted)
        }
        return !around(old, at, length, facts.old).isDisjoint(with: around(new, bt, bLength, facts.new))
    }

    /// Whether a count is one item of a list of counts ("two passengers and
    /// a member of the crew", "198 passengers and 14 crew"): a part of a
    /// total the sentence leaves to the reader.
    static func isListed(_ count: Fact, in sentence: SentenceWords) -> Bool {
        guard let (start, length) = sentence.position(of: count) else { return false }
        func isCount(_ index: Int) -> Bool {
            sentence.lower.indices.contains(index) && (ReferentTerms.numberValue(sentence.lower[index]) != nil || ["a", "an", "one"].contains(sentence.lower[index]))
        }
        let end = start + length
        if end < sentence.lower.count, sentence.lower[end] == "and", isCount(end + 1) { return true }
        // "… 198 passengers and 14 crew": an item after another; "two or three storeys": one of two.
        return start >= 2 && ["and", "or"].contains(sentence.lower[start - 1]) && (max(0, start - 4)..<(start - 1)).contains(where: isCount)
    }

    /// A list of counts against the total another outlet gives: "198
    /// passengers and 14 crew" (212) against "221 people on board". The
    /// total must count people and be the only count of its sentence
    /// besides the list's.
    static func listTotal(_ old: SentenceWords, _ new: SentenceWords, _ facts: (old: [Fact], new: [Fact])) -> OutletAlignment.Conflict? {
        func quantities(_ facts: [Fact]) -> [Fact] { facts.filter { $0.kind == .quantity && $0.unit == nil && $0.lower != nil } }
        func check(_ listSide: SentenceWords, _ list: [Fact], _ totalSide: SentenceWords, _ totals: [Fact]) -> (String, String)? {
            // Items count things: "under the age of 10, and 27 people" lists one count, not two.
            let items = list.filter { isListed($0, in: listSide) }
            guard items.allSatisfy({ $0.counted != nil }) else { return nil }
            let wholes = totals.filter { !isListed($0, in: totalSide) }
            // "210 passengers and six crew" / "six people have died": the dead are no total of those on board.
            guard items.count >= 2, wholes.count == 1, let total = wholes.first, let low = total.lower,
                  total.state == nil || items.allSatisfy({ $0.state == total.state }),
                  let counted = total.counted?.lowercased().split(separator: " ").first, ["people", "persons"].contains(counted) else { return nil }
            let sum = items.reduce(0) { $0 + ($1.lower ?? 0) }
            let high = total.upper ?? low
            guard sum < low * (1 - roundingSlack) || sum > high * (1 + roundingSlack) || total.qualifier == nil && sum != low else { return nil }
            return (items.map(\.text).joined(separator: " + "), total.text)
        }
        let (a, b) = (quantities(facts.old), quantities(facts.new))
        if let (list, total) = check(old, a, new, b) { return .init(kind: .number, old: list, new: total) }
        if let (list, total) = check(new, b, old, a) { return .init(kind: .number, old: total, new: list) }
        return nil
    }

    /// Whether a sentence's numbers hold the count, or one it rounds to.
    static func tells(_ numbers: Set<Double>, _ count: Fact) -> Bool {
        guard let low = count.lower else { return false }
        let high = count.upper ?? low
        return numbers.contains { $0 >= low * (1 - roundingSlack) && $0 <= high * (1 + roundingSlack) }
    }

    /// How far a number may be from a count and still be it, rounded ("more than 400" for "about 420").
    static let roundingSlack = 0.1

    static func counts(_ fact: Fact) -> Bool {
        (fact.counted != nil || fact.state != nil) && fact.unit == nil && !FactComparison.isPart(fact)
    }

    /// Whether one count is the other rounded to a figure of one or two
    /// significant digits and within 5%: "2 million customers" in a headline
    /// for "1.94 million", "40,000" for "42,000". (A rounded figure that far
    /// off, "3,000" for 2,600, is another count.)
    static func isRounded(_ a: Fact, _ b: Fact) -> Bool {
        guard let x = a.lower, let y = b.lower else { return false }
        return isRounded(x, y)
    }

    /// The same for two numbers ("4.3 metres" for 4.31).
    static func isRounded(_ x: Double, _ y: Double) -> Bool {
        guard x > 0, y > 0, abs(x - y) <= 0.05 * max(x, y) else { return false }
        func isRound(_ value: Double) -> Bool {
            var step = pow(10, floor(log10(value)))
            for _ in 0..<2 {
                // 4.3 / 0.1 is 42.99999999999999 in binary.
                if abs((value / step).rounded() - value / step) < 1e-6 { return true }
                step /= 10
            }
            return false
        }
        return isRound(x) || isRound(y)
    }

    /// One place in a series told two ways: "stopped the match in the 34th
    /// minute" / "stops it in the twenty-fourth minute"; "on the 14th floor"
    /// / "on the 12th floor". The ordinal stands before the same lowercase
    /// noun in both (a day before a month, "18th March", is a date). "First"
    /// and "second" alone mean the earliest and a unit of time as often.
    static func ordinal(_ old: SentenceWords, _ new: SentenceWords) -> OutletAlignment.Conflict? {
        func places(_ sentence: SentenceWords) -> [String: (value: Int, words: String)] {
            var found: [String: (value: Int, words: String)] = [:], mixed: Set<String> = []
            for index in sentence.lower.indices.dropLast() where !["first", "second"].contains(sentence.lower[index]) {
                guard let value = ReferentTerms.ordinalValue(sentence.lower[index]) else { continue }
                let noun = sentence.written[index + 1]
                guard noun.first?.isLowercase == true, ReferentTerms.carriesMeaning(noun) else { continue }
                let key = ReferentTerms.stem(noun)
                if let seen = found[key], seen.value != value { mixed.insert(key) }
                found[key] = found[key] ?? (value, sentence.written[index] + " " + noun)
            }
            return found.filter { !mixed.contains($0.key) }
        }
        let theirs = places(new)
        for (noun, mine) in places(old).sorted(by: { $0.key < $1.key }) {
            guard let other = theirs[noun], other.value != mine.value else { continue }
            return .init(kind: .number, old: mine.words, new: other.words)
        }
        return nil
    }
}
