import Foundation
import RevtrackFacts
import RevtrackText

/// What two sentences that report one thing disagree on. Each rule asks for
/// evidence that the two speak of one referent, since a false conflict sends
/// a fact-checker after nothing. Counts, dates and speakers are read here;
/// each other kind has its file (`ConflictFinder+Amounts`, `+Durations`,
/// `+Edits`, `+Stance`, `+Turns`, `+Status`, `+Tallies`).
enum ConflictFinder {
    /// - Parameter facts: the two sentences' facts compared as between outlets.
    /// - Parameter reference: the sides' capture days, against which a duration is checked.
    /// - Parameter sentenceFacts: each sentence's facts, matched or not: two outlets word one claim differently,
    ///   and a sentence's dates say when what it tells happened.
    /// - Parameter oldCapturedFirst: which side was captured first, when known: a later text may report as done what an earlier one announced.
    /// - Parameter copied: whether one sentence copies the other, so that a figure edited among their shared words disagrees, however close.
    static func conflicts(old: Sentence, new: Sentence, facts: [FactComparison.Entry], sentenceFacts: (old: [Fact], new: [Fact]) = ([], []),
                          reference: (old: CivilDate, new: CivilDate)?, oldCapturedFirst: Bool? = nil, copied: Bool = false) -> [OutletAlignment.Conflict] {
        var found: [OutletAlignment.Conflict] = []
        let sentences = (old: old, new: new)
        let (old, new) = (SentenceWords(old.text, at: old.utf8Range.lowerBound), SentenceWords(new.text, at: new.utf8Range.lowerBound))
        let partitives = (old: Partitive.all(in: old), new: Partitive.all(in: new))
        let wholes = (old: Set(partitives.old.map(\.whole)), new: Set(partitives.new.map(\.whole)))
        // Numbers as written ("2.3") and as the facts read them ("2.3 million tons").
        func numbers(_ sentence: SentenceWords, _ facts: [Fact]) -> Set<Double> {
            Set(sentence.written.compactMap(ReferentTerms.numberValue) + facts.compactMap { $0.kind == .quantity ? $0.lower : nil })
        }
        let numbers = (old: numbers(old, sentenceFacts.old), new: numbers(new, sentenceFacts.new))
        for entry in facts {
            guard let a = entry.old, let b = entry.new else { continue }
            switch (entry.relation, a.kind) {
            case (.conflicting, .quantity):
                // Counts of a named thing, whole: "3,000 residents" against "4,000 residents",
                // not two percentages of different things nor "three of the injured" against "14 injured",
                // nor the whole of "14 of the district's 96 polling stations" against "14 polling stations".
                guard counts(a), counts(b), FactComparison.mayBeOneCount(a, b), !isRounded(a, b),
                      !wholes.old.contains(a.lower ?? -1), !wholes.new.contains(b.lower ?? -1),
                      // "one nurse to every four patients, … every six" in both: two counts crossed, not a disagreement;
                      // "employed 310 people; today more than 400" against "about 420": the other sentence tells both times.
                      !(numbers.new.contains(a.lower ?? -1) && numbers.old.contains(b.lower ?? -1)),
                      !tells(numbers.new.subtracting([b.lower ?? -1]), a), !tells(numbers.old.subtracting([a.lower ?? -1]), b),
                      // "The dead were two passengers and a member of the crew" against "the three deaths".
                      isListed(a, in: old) == isListed(b, in: new),
                      // "40 new officers" against "the 25 officers added in last year's budget": two years' counts.
                      !tellsAnotherYear(sentenceFacts, reference, writtenYears: false),
                      // "about 14,200 hectares by Sunday morning" / "more than 17,000 by Sunday evening": two readings.
                      !readsAtTwoMoments(old, new),
                      // "Three killed" in the evening, "Four miners are dead" at night: a tally grew between captures.
                      !grewBetweenCaptures(a, b, old, new, oldCapturedFirst),
                      // "crews had reconnected 23,500 homes" / "18,500 homes remain without electricity":
                      // one noun, two predicates. The words beside the two counts must meet.
                      saySameOf(a, in: old, b, in: new, facts: sentenceFacts) else { continue }
                found.append(.init(kind: .number, old: a.text, new: b.text))
            case (.conflicting, .date):
                // Dates written out, of like precision: "Monday" in two outlets
                // captured on different days names two days, and may be one.
                // (Tried: two different weekdays, each its sentence's only date, as two days: 3 right
                // and 6 wrong on dev, the weekdays of leftover events.)
                guard let ra = a.resolved, let rb = b.resolved, ra.count == rb.count, ra.contains("Q") == rb.contains("Q"),
                      ra.contains("-") == rb.contains("-"), a.isWrittenOut, b.isWrittenOut,
                      // "KELLBRIDGE, Jan. 15 (Meridian Wire) -" dates the report, not what it tells.
                      !isDateline(a, in: sentences.old), !isDateline(b, in: sentences.new),
                      // "the deadliest since 1998" / "the first fatal accident since 2016": two records.
                      !isTwoRecords(record(before: a, in: old), record(before: b, in: new)) else { continue }
                // "November 30" / "30 November", "May 4" / "May 4, 2026": a year not written was guessed, maybe from another capture.
                if !writesYear(a) || !writesYear(b), ra.dropFirst(4) == rb.dropFirst(4) { continue }
                // "in place since March 2022" / "frozen until the end of June 2027": a start and an end.
                if let roleA = dateRole(a, in: old), let roleB = dateRole(b, in: new), roleA != roleB { continue }
                // A sentence with several dates tells several events: "diverted money between March 2019
                // and June 2024" is not when he "was fired in August 2024". The words beside the two must meet.
                // Dates the two share ("certified on April 30") leave the others to face each other.
                let agreed = facts.filter { $0.relation == .shared }
                let agreedOld = agreed.compactMap(\.old), agreedNew = agreed.compactMap(\.new)
                let written = (old: sentenceFacts.old.filter { $0.isWrittenOut && !agreedOld.contains($0) }.count,
                               new: sentenceFacts.new.filter { $0.isWrittenOut && !agreedNew.contains($0) }.count)
                if written.old > 1 || written.new > 1 {
                    guard let (at, _) = old.position(of: a), let (bt, _) = new.position(of: b),
                          !old.meaning(around: at, before: 4, after: 4).isDisjoint(with: new.meaning(around: bt, before: 4, after: 4)) else { continue }
                }
                found.append(.init(kind: .date, old: a.text, new: b.text))
            case (_, .quote):
                // The same words in two mouths, both named.
                guard let sa = a.speaker, let sb = b.speaker, isName(sa), isName(sb),
                      FactComparison.sourceHead(sa) != FactComparison.sourceHead(sb) else { continue }
                found.append(.init(kind: .attribution, old: sa, new: sb))
            default: break
            }
        }
        if !found.contains(where: { $0.kind == .attribution }),
           let turn = turnAttribution(sentences.old, sentences.new, sentenceFacts) { found.append(turn) }
        if let stance = stance(sentenceFacts.old, sentenceFacts.new) ?? stance(old, new) { found.append(stance) }
        if let status = status(old, new, facts: sentenceFacts, reference: reference, oldCapturedFirst: oldCapturedFirst)
            ?? persistence(old, new, facts: sentenceFacts, reference: reference, oldCapturedFirst: oldCapturedFirst) { found.append(status) }
        if let tally = tally(old, new) { found.append(tally) }
        if found.isEmpty, let total = listTotal(old, new, sentenceFacts) { found.append(total) }
        if let measure = measure(old, new, sentenceFacts, reference: reference) { found.append(measure) }
        if let part = Partitive.conflict(partitives.old, partitives.new) { found.append(part) }
        if let reference, let duration = duration(old, new, reference: reference) { found.append(duration) }
        else if let span = span(old, new, sentenceFacts) { found.append(span) }
        if copied, !found.contains(where: { [.number, .date, .duration].contains($0.kind) }),
           let edited = editedFigure(old, new, sentenceFacts, oldCapturedFirst: oldCapturedFirst) { found.append(edited) }
        return found
    }

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
            let adverbs = ["daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year", "hourly": "hour"]
            return Set(window.compactMap { position -> String? in
                let word = sentence.lower[position]
                if let unit = adverbs[word] ?? Durations.years(per: word).map({ _ in ReferentTerms.stem(word) }) { return unit }
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

    /// Whether two sentences read a value at two moments: they name
    /// different moments of a day ("up 38% in premarket trading" / "jumped
    /// 31% by midday"), or one tells the value moving ("had climbed to 52"),
    /// so that another outlet's other figure may be an earlier or later
    /// reading. With `eitherNamed`, a moment one names and the other does not
    /// is two moments; without `moving`, a value told moving is not.
    static func readsAtTwoMoments(_ old: SentenceWords, _ new: SentenceWords, eitherNamed: Bool = false, moving: Bool = true) -> Bool {
        func moments(_ sentence: SentenceWords) -> Set<String> {
            Set(sentence.lower.filter { Self.moments.contains($0) || $0.contains(":") && $0.first?.isNumber == true })
        }
        // "up from about 14,000" names the earlier reading itself, which the count rules take as told.
        func moves(_ sentence: SentenceWords) -> Bool {
            zip(sentence.lower, sentence.lower.dropFirst()).contains { word, next in next == "to" && movingVerbs.contains(word) }
        }
        let (a, b) = (moments(old), moments(new))
        return (eitherNamed || !a.isEmpty && !b.isEmpty) && a != b || moving && (moves(old) || moves(new))
    }

    /// Verbs that tell a count moving to a new value: "climbed to", "has risen to".
    private static let movingVerbs: Set<String> = [
        "rose", "risen", "climbed", "grown", "grew", "increased", "jumped", "fell", "fallen", "dropped", "declined", "reached",
    ]

    /// Words naming a moment of a day or of a trading session.
    private static let moments: Set<String> = [
        "premarket", "pre-market", "midday", "noon", "lunchtime", "morning", "afternoon", "evening", "overnight",
        "close", "closed", "closing", "opening", "intraday", "after-hours", "a.m.", "p.m.",
    ]

    /// Whether a count is a running tally that the later capture gives
    /// higher: a toll or a state ("killed", "missing", "evacuated"), or a
    /// count either sentence tells as it stands ("1,200 soldiers are now in
    /// the province", "had been deployed by Sunday morning", "so far"; not
    /// "it's now sitting in orbit 800 kilometres up").
    static func grewBetweenCaptures(_ a: Fact, _ b: Fact, _ old: SentenceWords, _ new: SentenceWords, _ oldCapturedFirst: Bool?) -> Bool {
        guard let oldCapturedFirst, let x = a.lower, let y = b.lower, x != y, (y > x) == oldCapturedFirst else { return false }
        func standing(_ sentence: SentenceWords) -> Bool {
            zip(sentence.lower, sentence.lower.dropFirst()).contains { word, next in
                word == "now" && ["in", "at", "stands", "total", "totals", "number", "numbers", "reached", "exceeds", "tops", "over", "up"].contains(next)
                    || word == "so" && next == "far" || word == "as" && next == "of" || word == "latest" || word == "by" && Self.moments.contains(next)
            } || sentence.lower.last.map { Self.moments.contains($0) } == true
        }
        return a.state != nil || b.state != nil || standing(old) || standing(new)
    }

    /// Whether one sentence sets what it tells in a past year and the other
    /// does not, so that their figures may be of two years. For counts only
    /// a year named from the sentence's own counts ("last year's budget", "a
    /// year earlier"): a year written out ("opened in 1968") dates an event,
    /// not the count beside it. For amounts (`writtenYears`) any past year
    /// does ("in 2020, when the rate went up 2.5%").
    static func tellsAnotherYear(_ facts: (old: [Fact], new: [Fact]), _ reference: (old: CivilDate, new: CivilDate)?, writtenYears: Bool) -> Bool {
        guard let reference else { return false }
        func pastYears(_ facts: [Fact], _ day: CivilDate) -> Set<Int> {
            Set(facts.compactMap { fact in
                fact.kind == .date && (writtenYears || !fact.text.contains(where: \.isNumber)) ? fact.resolved.flatMap { Int($0.prefix(4)) } : nil
            }.filter { $0 < day.year })
        }
        let (old, new) = (pastYears(facts.old, reference.old), pastYears(facts.new, reference.new))
        return old != new
    }

    /// Whether a sentence's numbers hold the count, or one it rounds to.
    private static func tells(_ numbers: Set<Double>, _ count: Fact) -> Bool {
        guard let low = count.lower else { return false }
        let high = count.upper ?? low
        return numbers.contains { $0 >= low * (1 - roundingSlack) && $0 <= high * (1 + roundingSlack) }
    }

    /// How far a number may be from a count and still be it, rounded ("more than 400" for "about 420").
    static let roundingSlack = 0.1

    private static func counts(_ fact: Fact) -> Bool {
        (fact.counted != nil || fact.state != nil) && fact.unit == nil && !FactComparison.isPart(fact)
    }

    /// Whether a date starts something ("since", "from") or ends it ("until",
    /// "by the end of"), by the words just before it; nil for a plain date.
    private static func dateRole(_ date: Fact, in sentence: SentenceWords) -> Bool? {
        guard let (at, _) = sentence.position(of: date) else { return nil }
        let before = sentence.lower[max(0, at - 4)..<at]
        if let last = before.last(where: { ["since", "from", "until", "till", "through", "by", "end"].contains($0) }) {
            return ["since", "from"].contains(last)
        }
        return nil
    }

    /// Whether a date is a dateline's ("KELLBRIDGE, Jan. 15 (Meridian Wire) -"):
    /// a place in capitals before it, the agency or a dash after it.
    static func isDateline(_ date: Fact, in sentence: Sentence) -> Bool {
        let bytes = Array(sentence.text.utf8), offset = sentence.utf8Range.lowerBound
        guard date.start >= offset, date.end - offset <= bytes.count else { return false }
        let before = String(decoding: bytes[..<(date.start - offset)], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        let after = String(decoding: bytes[(date.end - offset)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return before.hasSuffix(",") && before.contains(where: \.isLetter) && !before.contains(where: \.isLowercase)
            && (after.hasPrefix("(") || after.hasPrefix("-") || after.hasPrefix("\u{2013}") || after.hasPrefix("\u{2014}"))
    }

    /// The record a date after "since" marks ("the deadliest … since 1998" →
    /// "deadliest", "the first … since 2016" → "first"), nil for any other date.
    static func record(before date: Fact, in sentence: SentenceWords) -> String? {
        guard let (at, _) = sentence.position(of: date), at > 0, sentence.lower[at - 1] == "since" else { return nil }
        return sentence.lower[..<(at - 1)].last { word in
            ["first", "last", "worst", "best", "most", "least", "only"].contains(word) || word.count > 5 && word.hasSuffix("est")
        }
    }

    /// Whether two dates mark two different records; a record date against a plain one may still disagree.
    private static func isTwoRecords(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        return a != b
    }

    /// Whether one count is the other rounded to a figure of one or two
    /// significant digits and within 5%: "2 million customers" in a headline
    /// for "1.94 million", "40,000" for "42,000". (A rounded figure that far
    /// off, "3,000" for 2,600, is another count.)
    static func isRounded(_ a: Fact, _ b: Fact) -> Bool {
        guard let x = a.lower, let y = b.lower, x > 0, y > 0, abs(x - y) <= 0.05 * max(x, y) else { return false }
        func isRound(_ value: Double) -> Bool {
            var step = pow(10, floor(log10(value)))
            for _ in 0..<2 {
                if (value / step).rounded() == value / step { return true }
                step /= 10
            }
            return false
        }
        return isRound(x) || isRound(y)
    }

    /// Whether a date's words give its year ("March 2024", "'24"), not only a month or day.
    private static func writesYear(_ date: Fact) -> Bool {
        SentenceWords(date.text).lower.contains { word in
            word.count == 4 && Int(word).map { (1000...2999).contains($0) } == true || word.hasPrefix("'") && word.dropFirst().allSatisfy(\.isNumber)
        }
    }

    /// A speaker named, with or without a title before the name ("Mayor
    /// Elena Vastrow", "regional transport minister Tomas Greville"), not a
    /// pronoun nor a title alone ("Finance Minister", who may be the one named).
    static func isName(_ text: String) -> Bool {
        guard let last = text.split(separator: " ").last, last.first?.isUppercase == true else { return false }
        return !["He", "She", "They", "It", "We", "I"].contains(text) && !FactComparison.isTitleOnly(text)
            && !transcriptRoles.contains(text.lowercased())
    }

    /// A transcript's speaker labels that name a part, not a person ("GUEST (courts
    /// reporter):", "CALLER:"): two outlets' transcripts label one speaker differently.
    static let transcriptRoles: Set<String> = [
        "guest", "host", "anchor", "reporter", "correspondent", "caller", "newsreader", "presenter", "operator",
        "analyst", "interviewer", "moderator", "soundbite", "narrator", "voice", "speaker", "panelist", "panellist", "co-host",
    ]
}
