import Foundation
import RevtrackFacts
import RevtrackText

/// Durations: a length told against the dates another outlet gives, the
/// arithmetic a reader does not do.
extension ConflictFinder {
    /// A length one side gives against the span between two dates the other
    /// joins: "an eight-week public consultation" / "a public consultation,
    /// which ran from September 8 to December 1" (12 weeks). The two must be
    /// of one thing, by the words beside each, and the length outside the
    /// span's shortest and longest reading by more than `durationSlack`.
    static func span(_ old: SentenceWords, _ new: SentenceWords, _ facts: (old: [Fact], new: [Fact])) -> OutletAlignment.Conflict? {
        func check(_ lengthSide: SentenceWords, _ ownDates: [Fact], _ spanSide: SentenceWords, _ dates: [Fact]) -> (String, String)? {
            guard dates.filter({ $0.kind == .date }).count >= 2 else { return nil }
            let spans = Durations.spans(in: spanSide, dates: dates)
            guard spans.count == 1, let span = spans.first, Durations.spans(in: lengthSide, dates: ownDates).isEmpty else { return nil }
            let lengths = Durations.all(in: lengthSide)
            guard lengths.count == 1, let length = lengths.first,
                  !lengthSide.meaning(around: length.at).isDisjoint(with: spanSide.meaning(around: span.at, after: 8)) else { return nil }
            let days = length.years * 365.25
            let (shortest, longest) = (Double(span.days.lowerBound), Double(span.days.upperBound))
            // "the largest outbreak in over ten years" is no telling of six weeks of clinics.
            guard days <= longest * durationScale, days * durationScale >= shortest else { return nil }
            return days < shortest * (1 - durationSlack) - 1 || days > longest * (1 + durationSlack) + 1 ? (length.phrase, span.words) : nil
        }
        if let (length, span) = check(old, facts.old, new, facts.new) { return .init(kind: .duration, old: length, new: span) }
        if let (length, span) = check(new, facts.new, old, facts.old) { return .init(kind: .duration, old: span, new: length) }
        return nil
    }

    /// How far a duration may be from the time since a date, as a share of
    /// the duration: "nearly 70 years" is not 58, "half a century" is not 38.
    static let durationSlack = 0.15

    /// How many times longer one length may be than another and still be a
    /// telling of it: a week for three days, not three years for three hours.
    static let durationScale = 10.0

    /// A length one text gives a thing against the start date the other
    /// gives it, wherever the two stand: "despite a two-year Russian
    /// mission" in a wire's lead against "where the Russian peacekeeping
    /// mission was deployed in the fall of 2020" deep in a column, two
    /// sentences that share too little else to pair. The thing is the word
    /// just after the length, not a name, and stands a few words before the
    /// date; each text must use it in that sentence alone, so that "the
    /// strike" of a story about a strike ties nothing.
    static func durationsAgainstDates(old: SegmentedText, oldKept: [Int], new: SegmentedText, newKept: [Int],
                                      reference: (old: CivilDate, new: CivilDate)) -> [(old: Int, new: Int, conflict: OutletAlignment.Conflict)] {
        // Most sentences tell neither a length of a month or more nor a year: they are not read word by word.
        func words(_ text: SegmentedText, _ kept: [Int], _ test: (String) -> Bool) -> [(index: Int, words: SentenceWords)] {
            kept.filter { test(text.sentences[$0].text) }.map { ($0, SentenceWords(text.sentences[$0].text)) }
        }
        let tellsLength = { (text: String) in lengthWords.contains { Self.contains(text, $0) } }
        let lengths = (old: words(old, oldKept, tellsLength), new: words(new, newKept, tellsLength))
        guard !lengths.old.isEmpty || !lengths.new.isEmpty else { return [] }
        let dates = (old: lengths.new.isEmpty ? [] : words(old, oldKept, writesFourDigitYear), new: lengths.old.isEmpty ? [] : words(new, newKept, writesFourDigitYear))
        var found: [(old: Int, new: Int, conflict: OutletAlignment.Conflict)] = []
        func check(_ lengths: [(index: Int, words: SentenceWords)], _ dates: [(index: Int, words: SentenceWords)], texts: (SegmentedText, [Int], SegmentedText, [Int]),
                   day: CivilDate, _ record: (Int, Int, String, String) -> Void) {
            let told = lengths.compactMap { item in
                Durations.first(in: item.words).flatMap { $0.phrase.contains("-") ? (item.index, item.words, $0) : nil }
            }
            guard !told.isEmpty else { return }
            let started = dates.compactMap { item in Durations.startYear(in: item.words).map { (item.index, item.words, $0) } }
            for (i, words, length) in told {
                let next = (length.at + 1)..<min(words.lower.count, length.at + 3)
                let named = Set(next.filter { words.written[$0] == words.lower[$0] }.map { ReferentTerms.stem(words.lower[$0]) })
                for (j, other, start) in started where contradicts(length.years, since: start.year, told: other, day: day) {
                    let tie = named.intersection(other.meaning(around: start.at, before: 8, after: 0))
                    if tie.contains(where: { usedOnce($0, in: texts.0, texts.1) && usedOnce($0, in: texts.2, texts.3) }) {
                        record(i, j, length.phrase, start.words)
                    }
                }
            }
        }
        check(lengths.old, dates.new, texts: (old, oldKept, new, newKept), day: reference.new) { o, n, phrase, words in
            found.append((o, n, .init(kind: .duration, old: phrase, new: words)))
        }
        check(lengths.new, dates.old, texts: (new, newKept, old, oldKept), day: reference.old) { n, o, phrase, words in
            found.append((o, n, .init(kind: .duration, old: words, new: phrase)))
        }
        return found
    }

    /// A length that modifies a noun is one hyphenated word: "a two-year mission", "an 18-month programme".
    private static let lengthWords: [[UInt8]] = ["-year", "-month", "-decade", "-week"].map { Array($0.utf8) }

    /// Whether a text holds a lowercase ASCII word, in any case (bytes: this runs for every sentence of both texts).
    private static func contains(_ text: String, _ needle: [UInt8]) -> Bool {
        var matched = 0
        for byte in text.utf8 {
            let folded = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if folded == needle[matched] {
                matched += 1
                if matched == needle.count { return true }
            } else {
                matched = folded == needle[0] ? 1 : 0
            }
        }
        return false
    }

    /// Whether a sentence writes a year from 1900 to 2099 as four digits.
    private static func writesFourDigitYear(_ text: String) -> Bool {
        var run = 0, first: UInt8 = 0, second: UInt8 = 0
        for byte in text.utf8 + [0x20] {
            if byte >= 0x30 && byte <= 0x39 {
                if run == 0 { first = byte } else if run == 1 { second = byte }
                run += 1
            } else {
                if run == 4, first == 0x31 && second == 0x39 || first == 0x32 && second == 0x30 { return true }
                run = 0
            }
        }
        return false
    }

    /// Whether one sentence only of the kept ones uses a word of this stem.
    private static func usedOnce(_ stem: String, in text: SegmentedText, _ kept: [Int]) -> Bool {
        let prefix = String(stem.prefix(3))
        var uses = 0
        for index in kept {
            let words = text.sentences[index].text.lowercased().split { !$0.isLetter }
            if words.contains(where: { $0.hasPrefix(prefix) && ReferentTerms.stem(String($0)) == stem }) { uses += 1 }
            if uses > 1 { return false }
        }
        return uses == 1
    }

    /// Whether a length disagrees with the time from a start year to the
    /// capture day: by more than `durationSlack` of it and nine months. A
    /// sentence that tells the same length itself gives the thing's own
    /// length, not the time since ("a 15-year contract … in 2017" / "fifteen years").
    static func contradicts(_ years: Double, since: Double, told dateSide: SentenceWords, day: CivilDate) -> Bool {
        guard since < Double(day.year), !Durations.all(in: dateSide).contains(where: { abs($0.years - years) <= 0.01 * years }) else { return false }
        let elapsed = Double(day.year) + Double(day.month - 1) / 12 - since
        return abs(elapsed - years) > max(0.75, Self.durationSlack * years)
    }

    /// A duration one side gives ("a two-year mission", "for half a century")
    /// against the time since a date the other gives ("deployed in the fall
    /// of 2020", "opened in 1987"), up to its capture day.
    static func duration(_ old: SentenceWords, _ new: SentenceWords, reference: (old: CivilDate, new: CivilDate)) -> OutletAlignment.Conflict? {
        func check(_ durationSide: SentenceWords, _ dateSide: SentenceWords, _ day: CivilDate) -> (String, String)? {
            guard let (years, phrase, at) = Durations.first(in: durationSide), let (since, words, dateAt) = Durations.startYear(in: dateSide),
                  // Of one thing: "a two-year pay deal" says nothing of "the last strike in late 2019".
                  !durationSide.meaning(around: at).isDisjoint(with: dateSide.meaning(around: dateAt)) else { return nil }
            return contradicts(years, since: since, told: dateSide, day: day) ? (phrase, words) : nil
        }
        if let (phrase, words) = check(old, new, reference.new) { return .init(kind: .duration, old: phrase, new: words) }
        if let (phrase, words) = check(new, old, reference.old) { return .init(kind: .duration, old: words, new: phrase) }
        // One length each, told two ways: "lasted three days" / "the week-long strike".
        let a = Durations.all(in: old), b = Durations.all(in: new)
        // Lengths of one scale: "three hours of debate" is no other telling of "the first time in six years".
        let (longer, shorter) = (max(a.first?.years ?? 0, b.first?.years ?? 0), min(a.first?.years ?? 0, b.first?.years ?? 0))
        if a.count == 1, b.count == 1, longer > 1.25 * shorter, longer <= Self.durationScale * shorter {
            return .init(kind: .duration, old: a[0].phrase, new: b[0].phrase)
        }
        return nil
    }
}
