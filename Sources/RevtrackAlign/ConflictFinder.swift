import RevtrackFacts
import RevtrackText

/// What two sentences that report one thing disagree on. Each rule asks for
/// evidence that the two speak of one referent, since a false conflict sends
/// a fact-checker after nothing.
enum ConflictFinder {
    /// - Parameter facts: the two sentences' facts compared as between outlets.
    /// - Parameter reference: the sides' capture days, against which a duration is checked.
    /// - Parameter sentenceFacts: each sentence's facts, matched or not: two outlets word one claim differently,
    ///   and a sentence's dates say when what it tells happened.
    /// - Parameter oldCapturedFirst: which side was captured first, when known: a later text may report as done what an earlier one announced.
    static func conflicts(old: String, new: String, facts: [FactComparison.Entry], sentenceFacts: (old: [Fact], new: [Fact]) = ([], []),
                          reference: (old: CivilDate, new: CivilDate)?, oldCapturedFirst: Bool? = nil) -> [OutletAlignment.Conflict] {
        var found: [OutletAlignment.Conflict] = []
        let (old, new) = (SentenceWords(old), SentenceWords(new))
        let partitives = (old: Partitive.all(in: old), new: Partitive.all(in: new))
        let wholes = (old: Set(partitives.old.map(\.whole)), new: Set(partitives.new.map(\.whole)))
        func numbers(_ sentence: SentenceWords) -> Set<Double> { Set(sentence.written.compactMap(ReferentTerms.numberValue)) }
        let numbers = (old: numbers(old), new: numbers(new))
        for entry in facts {
            guard let a = entry.old, let b = entry.new else { continue }
            switch (entry.relation, a.kind) {
            case (.conflicting, .quantity):
                // Counts of a named thing, whole: "3,000 residents" against "4,000 residents",
                // not two percentages of different things nor "three of the injured" against "14 injured",
                // nor the whole of "14 of the district's 96 polling stations" against "14 polling stations".
                guard counts(a), counts(b), FactComparison.mayBeOneCount(a, b),
                      !wholes.old.contains(a.lower ?? -1), !wholes.new.contains(b.lower ?? -1),
                      // "one nurse to every four patients, … every six" in both: two counts crossed, not a disagreement;
                      // "employed 310 people; today more than 400" against "about 420": the other sentence tells both times.
                      !(numbers.new.contains(a.lower ?? -1) && numbers.old.contains(b.lower ?? -1)),
                      !tells(numbers.new.subtracting([b.lower ?? -1]), a), !tells(numbers.old.subtracting([a.lower ?? -1]), b),
                      // "The dead were two passengers and a member of the crew" against "the three deaths".
                      isListed(a, in: old) == isListed(b, in: new),
                      // "40 new officers" against "the 25 officers added in last year's budget": two years' counts.
                      !tellsAnotherYear(sentenceFacts, reference),
                      // "about 14,200 hectares by Sunday morning" / "more than 17,000 by Sunday evening": two readings.
                      !readsAtTwoMoments(old, new),
                      // "Three killed" in the evening, "Four miners are dead" at night: a tally grew between captures.
                      !grewBetweenCaptures(a, b, old, new, oldCapturedFirst) else { continue }
                found.append(.init(kind: .number, old: a.text, new: b.text))
            case (.conflicting, .date):
                // Dates written out, of like precision: "Monday" in two outlets
                // captured on different days names two days, and may be one.
                // (Tried: two different weekdays, each its sentence's only date, as two days: 3 right
                // and 6 wrong on dev, the weekdays of leftover events.)
                guard let ra = a.resolved, let rb = b.resolved, ra.count == rb.count, ra.contains("Q") == rb.contains("Q"),
                      ra.contains("-") == rb.contains("-"), a.isWrittenOut, b.isWrittenOut else { continue }
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
                    guard let (at, _) = old.position(of: a.text), let (bt, _) = new.position(of: b.text),
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
        if let stance = stance(sentenceFacts.old, sentenceFacts.new) ?? stance(old, new) { found.append(stance) }
        if let status = status(old, new, facts: sentenceFacts, reference: reference, oldCapturedFirst: oldCapturedFirst)
            ?? persistence(old, new, facts: sentenceFacts, reference: reference, oldCapturedFirst: oldCapturedFirst) { found.append(status) }
        if let tally = tally(old, new) { found.append(tally) }
        if found.isEmpty, let total = listTotal(old, new, sentenceFacts) { found.append(total) }
        if let measure = measure(old, new, sentenceFacts, reference: reference) { found.append(measure) }
        if let part = Partitive.conflict(partitives.old, partitives.new) { found.append(part) }
        if let reference, let duration = duration(old, new, reference: reference) { found.append(duration) }
        else if let span = span(old, new, sentenceFacts) { found.append(span) }
        return found
    }

    /// One source admitting or confirming what, in the other outlet, it
    /// denies: the same speaker, or a name in one and a description in the
    /// other ("Skarvik denied" / "The airline confirmed"), since the two
    /// sentences already report one thing.
    static func stance(_ old: [Fact], _ new: [Fact]) -> OutletAlignment.Conflict? {
        for a in old where a.kind == .claim {
            for b in new where b.kind == .claim {
                guard let sa = a.speaker, let sb = b.speaker, let stanceA = stance(a), let stanceB = stance(b), stanceA != stanceB,
                      FactComparison.sourceHead(sa) == FactComparison.sourceHead(sb) || isName(sa) != isName(sb) else { continue }
                return .init(kind: .stance, old: (a.negated == true ? "not " : "") + (a.verb ?? ""),
                             new: (b.negated == true ? "not " : "") + (b.verb ?? ""))
            }
        }
        return nil
    }

    /// A stance the claims did not carry, read from the words: "Sandell
    /// declined to confirm media reports" / "Sandell confirmed that
    /// Quillfield has brought in advisers"; "Oduya acknowledged" / "refused
    /// to concede the point"; "admitted … would rise" / "insisted … would
    /// not go up". The words before the two verbs (who takes the stance)
    /// must meet: one party's denial is no answer to another's confirmation.
    static func stance(_ old: SentenceWords, _ new: SentenceWords) -> OutletAlignment.Conflict? {
        guard let a = stance(in: old), let b = stance(in: new), a.grants != b.grants,
              !old.meaning(around: a.at, before: 6, after: -1).isDisjoint(with: new.meaning(around: b.at, before: 6, after: -1)) else { return nil }
        return .init(kind: .stance, old: a.words, new: b.words)
    }

    static func stance(in sentence: SentenceWords) -> (grants: Bool, words: String, at: Int)? {
        let words = sentence.lower
        var found: [(grants: Bool, words: String, at: Int)] = []
        for (index, word) in words.enumerated() {
            let before = words[max(0, index - 3)..<index]
            let refusal = before.lastIndex { refusals.contains($0) }
            let refused = refusal != nil
            if grantingWords.contains(word) {
                let start = refusal ?? index
                found.append((!refused, words[start...index].joined(separator: " "), index))
            } else if refusingWords.contains(word), !refused {
                found.append((false, word, index))
            } else if word == "insisted" || word == "insists" {
                // "insisted the cost would not go up": a refusal; "insisted it was ready" takes no side.
                if words[(index + 1)..<min(words.count, index + 13)].contains(where: { ["not", "no", "never", "n't"].contains($0) }) {
                    found.append((false, word, index))
                }
            }
        }
        guard let first = found.first, found.allSatisfy({ $0.grants == first.grants }) else { return nil }
        return first
    }

    /// Verbs of granting what is put to one ("admitted", "confirmed"), past and present.
    private static let grantingWords: Set<String> = [
        "admitted", "admits", "admit", "acknowledged", "acknowledges", "acknowledge", "conceded", "concedes", "concede",
        "confirmed", "confirms", "confirm", "apologised", "apologized", "apologises", "apologizes", "apologise", "apologize",
    ]
    /// Verbs of refusing it.
    private static let refusingWords: Set<String> = ["denied", "denies", "rejected", "rejects", "disputed", "disputes"]
    /// Words that turn a grant into a refusal when they come just before it: "declined to confirm", "won't confirm".
    private static let refusals: Set<String> = ["refused", "declined", "won't", "wouldn't", "never", "not", "didn't", "failed"]

    /// Whether a claim grants (true) or refuses (false) what it reports, for
    /// the verbs that take a side: admitted, confirmed / denied, rejected;
    /// a negation turns the side ("did not confirm").
    private static func stance(_ claim: Fact) -> Bool? {
        guard let verb = claim.verb else { return nil }
        let side: Bool
        if ["admit", "acknowledge", "concede", "confirm", "accept", "agree"].contains(verb) { side = true }
        else if ["deny", "reject", "dispute", "dismiss", "refute", "rebut"].contains(verb) { side = false }
        else { return nil }
        return claim.negated == true ? !side : side
    }

    /// Whether a count is one item of a list of counts ("two passengers and
    /// a member of the crew", "198 passengers and 14 crew"): a part of a
    /// total the sentence leaves to the reader.
    static func isListed(_ count: Fact, in sentence: SentenceWords) -> Bool {
        guard let (start, length) = sentence.position(of: count.text) else { return false }
        func isCount(_ index: Int) -> Bool {
            sentence.lower.indices.contains(index) && (ReferentTerms.numberValue(sentence.lower[index]) != nil || ["a", "an", "one"].contains(sentence.lower[index]))
        }
        let end = start + length
        if end < sentence.lower.count, sentence.lower[end] == "and", isCount(end + 1) { return true }
        // "… 198 passengers and 14 crew": an item after another.
        return start >= 2 && sentence.lower[start - 1] == "and" && (max(0, start - 4)..<(start - 1)).contains(where: isCount)
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
            guard items.count >= 2, wholes.count == 1, let total = wholes.first, let low = total.lower,
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

    /// A percentage or a sum of money told two ways: "offered a 4.5% rise
    /// spread over two years" / "an offer of 3.5 percent, stretched over two
    /// years"; "81% of members voted for strike action" / "71 percent of
    /// members backed strike action". Such amounts name no counted noun to
    /// tie them, so the words beside each do: the two must share a word that
    /// says something within three words of either amount, more than with any
    /// other amount of the other sentence (a turnout of 67% is not the 71% who
    /// backed the strike), and both be levels ("to 9.25%") or both changes
    /// ("by 0.5%"). An amount the other sentence also gives, rounded, agrees.
    /// Amounts of two times or spans are not compared: a rate against a total
    /// ("9 million euros a day" / "18 million euros the two-day walkout"), nor
    /// a sentence dated in a past year against one that is not ("in 2020,
    /// when the rate went up 2.5%").
    static func measure(_ old: SentenceWords, _ new: SentenceWords, _ facts: (old: [Fact], new: [Fact]),
                        reference: (old: CivilDate, new: CivilDate)?) -> OutletAlignment.Conflict? {
        struct Measure { let fact: Fact; let at: Int; let around: Set<String>; let wider: Set<String>; let change: Bool? }
        // Every pair asks; most have no amount on one side.
        func hasAmount(_ facts: [Fact]) -> Bool { facts.contains { $0.kind == .quantity && $0.unit != nil } }
        guard hasAmount(facts.old), hasAmount(facts.new) else { return nil }
        func isRate(_ sentence: SentenceWords) -> Bool {
            sentence.lower.indices.dropFirst().contains { index in
                let (before, word) = (sentence.lower[index - 1], sentence.lower[index])
                return ["a", "per", "each", "every"].contains(before) && Durations.years(per: word) != nil
            } || sentence.lower.contains { ["annually", "daily", "weekly", "monthly", "hourly"].contains($0) }
        }
        guard isRate(old) == isRate(new) else { return nil }
        if let reference {
            func pastYears(_ facts: [Fact], _ day: CivilDate) -> Set<Int> {
                Set(facts.compactMap { $0.kind == .date ? $0.resolved.flatMap { Int($0.prefix(4)) } : nil }.filter { $0 < day.year })
            }
            guard pastYears(facts.old, reference.old) == pastYears(facts.new, reference.new) else { return nil }
        }
        func measures(_ sentence: SentenceWords, _ facts: [Fact]) -> [Measure] {
            facts.compactMap { fact in
                guard fact.kind == .quantity, fact.unit != nil,
                      fact.lower != nil, !FactComparison.isPart(fact), let (at, length) = sentence.position(of: fact.text) else { return nil }
                let before = at > 0 ? sentence.lower[at - 1] : ""
                let change: Bool? = ["by", "up", "down"].contains(before) ? true : ["to", "at"].contains(before) ? false : nil
                return Measure(fact: fact, at: at, around: sentence.meaning(around: at, before: 3, after: length + 2),
                               // What the sentence is about, too: "Turnout in Sunday's referendum was 61.4%".
                               wider: sentence.meaning(around: at, before: 8, after: length + 6).union(sentence.meaning(around: 0, before: 0, after: 3)),
                               change: change)
            }
        }
        let (a, b) = (measures(old, facts.old), measures(new, facts.new))
        guard !a.isEmpty, !b.isEmpty else { return nil }
        // The amount as written: "some 74 percent" is 74 and "more than $2.3 million" 2.3 million,
        // not the span their qualifiers allow (the value reads "some 74%", "more than $2300000").
        func written(_ fact: Fact) -> Double {
            let figure = fact.value.dropFirst(fact.qualifier.map { $0.count + 1 } ?? 0)
                .drop { !$0.isNumber }.prefix { $0.isNumber || $0 == "." }
            return Double(figure) ?? fact.lower ?? 0
        }
        // An amount both sentences give ties nothing to disagree on. Amounts are rounded by
        // their qualifier ("nearly two percent" for 1.8%) or closely (71% is not 67%).
        func allows(_ fact: Fact, _ value: Double) -> Bool {
            guard let low = fact.lower else { return false }
            guard fact.qualifier == nil else { return value >= low && value <= (fact.upper ?? .infinity) }
            return abs(value - low) <= roundingSlack / 2 * max(value, low)
        }
        // A share told as a fraction tells its percentage: "two-thirds" for 66%.
        func shares(_ facts: [Fact]) -> [Double] {
            facts.compactMap { $0.kind == .quantity && $0.unit == nil ? $0.lower.flatMap { $0 > 0 && $0 < 1 ? $0 * 100 : nil } : nil }
        }
        let (sharesOld, sharesNew) = (shares(facts.old), shares(facts.new))
        func told(_ measure: Measure, by others: [Measure], _ fractions: [Double]) -> Bool {
            others.contains { allows($0.fact, written(measure.fact)) || allows(measure.fact, written($0.fact)) }
                || measure.fact.unit == "%" && fractions.contains { allows(measure.fact, $0) || abs($0 - written(measure.fact)) <= 1 }
        }
        // Sums told as their parts: "£1.2 million towards the harbour wall and £400,000 towards
        // health services" / "£1.6 million in community contributions".
        // The parts are listed: "and" between them, not "from … to".
        func totals(_ measures: [Measure], _ sentence: SentenceWords) -> [Double] {
            let sums = measures.filter { $0.fact.unit != "%" }.sorted { $0.at < $1.at }
            return zip(sums, sums.dropFirst()).compactMap { first, second in
                let between = sentence.lower[(first.at + 1)..<max(first.at + 1, second.at)]
                let fromTo = first.at > 0 && sentence.lower[first.at - 1] == "from" && sentence.lower[second.at - 1] == "to"
                guard first.fact.unit == second.fact.unit, between.contains("and"), !fromTo else { return nil }
                return written(first.fact) + written(second.fact)
            }
        }
        let (totalsOld, totalsNew) = (totals(a, old), totals(b, new))
        func summed(_ measure: Measure, _ totals: [Double]) -> Bool { totals.contains { allows(measure.fact, $0) } }
        let (openA, openB) = (a.filter { !told($0, by: b, sharesNew) && !summed($0, totalsNew) },
                              b.filter { !told($0, by: a, sharesOld) && !summed($0, totalsOld) })
        // Prices and rates move all day: one moment named against none is two readings too. An amount
        // both give is a fixed point the two tell one movement from ("down from 66%" / "two-thirds at
        // last year's election"): a value told moving is then no other reading.
        let anchored = openA.count < a.count || openB.count < b.count
        guard !readsAtTwoMoments(old, new, eitherNamed: true, moving: !anchored) else { return nil }
        func best(_ measure: Measure, among others: [Measure], besides own: [Measure]) -> Measure? {
            let rivals = others.filter { $0.fact.unit == measure.fact.unit }
            // One open amount of a kind on each side: a few more words may tie them ("risen from 97 million euros to 312 million").
            if rivals.count == 1, own.filter({ $0.fact.unit == measure.fact.unit }).count == 1,
               !rivals[0].wider.isDisjoint(with: measure.wider) { return rivals[0] }
            let scored = rivals.map { ($0, $0.around.intersection(measure.around).count) }
            guard let top = scored.max(by: { $0.1 < $1.1 }), top.1 > 0, scored.filter({ $0.1 == top.1 }).count == 1 else { return nil }
            return top.0
        }
        for x in openA {
            guard let y = best(x, among: openB, besides: openA), let back = best(y, among: openA, besides: openB), back.fact == x.fact,
                  x.change == nil || y.change == nil || x.change == y.change,
                  FactComparison.mayBeOneCount(x.fact, y.fact) else { continue }
            return .init(kind: .number, old: x.fact.text, new: y.fact.text)
        }
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

    /// Whether one sentence sets what it tells in a past year named from
    /// its own ("last year's budget", "a year earlier") and the other does
    /// not, so that their counts may be of two years. A year written out
    /// ("opened in 1968") dates an event, not the count beside it.
    static func tellsAnotherYear(_ facts: (old: [Fact], new: [Fact]), _ reference: (old: CivilDate, new: CivilDate)?) -> Bool {
        guard let reference else { return false }
        func pastYears(_ facts: [Fact], _ day: CivilDate) -> Set<Int> {
            Set(facts.compactMap { fact in
                fact.kind == .date && !fact.text.contains(where: \.isNumber) ? fact.resolved.flatMap { Int($0.prefix(4)) } : nil
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
        guard let (at, _) = sentence.position(of: date.text) else { return nil }
        let before = sentence.lower[max(0, at - 4)..<at]
        if let last = before.last(where: { ["since", "from", "until", "till", "through", "by", "end"].contains($0) }) {
            return ["since", "from"].contains(last)
        }
        return nil
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
    private static func isName(_ text: String) -> Bool {
        guard let last = text.split(separator: " ").last, last.first?.isUppercase == true else { return false }
        return !["He", "She", "They", "It", "We", "I"].contains(text) && !FactComparison.isTitleOnly(text)
    }

    // MARK: Tallies

    /// A vote or score told two ways ("voted 5-2" / "voted 6-1", "won 3-1" /
    /// "won 3-2"). A tally puts the larger side first, which tells it from a
    /// range ("5-10 percent"); each sentence must hold exactly one.
    static func tally(_ old: SentenceWords, _ new: SentenceWords) -> OutletAlignment.Conflict? {
        guard let a = tally(in: old), let b = tally(in: new), a.sides != b.sides else { return nil }
        return .init(kind: .number, old: a.text, new: b.text)
    }

    static func tally(in sentence: SentenceWords) -> (sides: [Int], text: String)? {
        let tokens = sentence.tokens
        var found: [(sides: [Int], text: String)] = []
        for (index, token) in tokens.enumerated() where token.text.first?.isNumber == true {
            let parts = token.text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2,
                  parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) && !($0.count > 1 && $0.hasPrefix("0")) }),
                  let first = Int(parts[0]), let second = Int(parts[1]), first >= second else { continue }
            // "5-2 percent", "3-1 odds" are not tallies of one vote or game.
            if index + 1 < tokens.count, ["%", "percent", "per"].contains(tokens[index + 1].text.lowercased()) { continue }
            found.append(([first, second], token.text))
        }
        return found.count == 1 ? found[0] : nil
    }

    // MARK: Status

    enum Aspect { case done, ahead }

    /// One says the event is over ("has ended", "has been lifted", "shut
    /// down"), the other that it is still ahead or under way ("will wind
    /// down", "remains in force", "is concluding"). A sentence that says both
    /// in different clauses says neither. The two must speak of one thing:
    /// the words around the two verbs share a word that says something
    /// ("has won the governorship" is no answer to "is pressing for a recount").
    ///
    /// News moves on between captures: "will vote on Tuesday" in the morning
    /// and "has approved" in the afternoon tell one story. When the text that
    /// puts the event ahead was captured first, the two disagree only if it
    /// dates the event after the later capture's day ("would be certified on
    /// April 30" against "have been certified" on April 22).
    static func status(_ old: SentenceWords, _ new: SentenceWords, facts: (old: [Fact], new: [Fact]) = ([], []),
                       reference: (old: CivilDate, new: CivilDate)? = nil, oldCapturedFirst: Bool? = nil) -> OutletAlignment.Conflict? {
        guard let a = aspect(old), let b = aspect(new), a.aspect != b.aspect,
              !a.around.isDisjoint(with: b.around) else { return nil }
        if let oldCapturedFirst, let reference, oldCapturedFirst == (a.aspect == .ahead) {
            let (planned, laterDay) = oldCapturedFirst ? (facts.old, reference.new) : (facts.new, reference.old)
            guard planned.contains(where: { ($0.days?.lowerBound ?? .min) > laterDay.dayNumber }) else { return nil }
        }
        return .init(kind: .status, old: a.words, new: b.words)
    }

    static func aspect(_ sentence: SentenceWords) -> (aspect: Aspect, words: String, around: Set<String>)? {
        let words = sentence.lower
        var done: (words: String, at: Int)? = nil, ahead: (words: String, at: Int)? = nil
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : ""
            let after = index + 2 < words.count ? words[index + 2] : ""
            // Past an auxiliary's adverbs: "has also ended", "would be formally certified".
            func isAdverb(_ word: String) -> Bool { Self.adverbs.contains(word) || word.count >= 5 && word.hasSuffix("ly") }
            var at = index + 1
            while at < words.count, isAdverb(words[at]) { at += 1 }
            func following(_ offset: Int) -> String {
                // "has now been formally certified": adverbs after "been" and "be" too.
                var position = at
                for _ in 0..<offset {
                    position += 1
                    while position < words.count, isAdverb(words[position]) { position += 1 }
                }
                return position < words.count ? words[position] : ""
            }
            switch word {
            case "has", "have":
                // "has ended", "has been lifted", "has also ended"; not "has to", "have a",
                // nor a state that lasts ("has stayed above 8%", "has remained in force").
                let passive = following(0) == "been"
                let (participle, then) = passive ? (following(1), following(2)) : (following(0), following(1))
                guard participle.hasSuffix("ed") || irregularParticiples.contains(participle),
                      !["stayed", "remained", "continued", "kept"].contains(participle), !lasting.contains(then) else { break }
                done = done ?? (passive ? "\(word) been \(participle)" : "\(word) \(participle)", index)
            case "will", "would":
                // "will wind down", "would be formally certified"; not "would be difficult",
                // nor how long a state lasts ("will run until March 28").
                if after == "until" || after == "till" { break }
                if next.count > 2, !["be", "have", "not"].contains(next) || after.hasSuffix("ing") {
                    ahead = ahead ?? ("\(word) \(next)", index)
                } else if following(0) == "be", following(1).hasSuffix("ed") || irregularParticiples.contains(following(1)) {
                    ahead = ahead ?? ("\(word) be \(following(1))", index)
                }
            case "remains", "remain", "continues", "continue":
                // "remains in force", "remains closed", "continues to fly".
                if next == "in" || next == "to" || next == "under" || next.hasSuffix("ing") || next.hasSuffix("ed") || ["shut", "open"].contains(next) {
                    ahead = ahead ?? ("\(word) \(next)", index)
                }
            case "is", "are":
                // "is concluding"; "is expected to reopen", "are due to resume".
                if next.hasSuffix("ing"), next.count > 5 { ahead = ahead ?? ("\(word) \(next)", index) }
                else if ["expected", "due", "set", "scheduled"].contains(next), after == "to" { ahead = ahead ?? ("\(word) \(next) to", index) }
            default: break
            }
        }
        switch (done, ahead) {
        // An auxiliary's verb and object follow it: "has been rubber-stamped by the commission".
        case (let found?, nil): return (.done, found.words, sentence.meaning(around: found.at, after: 6))
        case (nil, let found?): return (.ahead, found.words, sentence.meaning(around: found.at, after: 6))
        default: return nil
        }
    }

    // MARK: Ended or still in place

    /// What a sentence says of a state of things: that it was ended ("the
    /// union lifted its overtime ban", "released without charge", "dropped
    /// from the plan"), that an operation was stopped ("was shut down",
    /// "suspended its buyback"), or that it is still in place ("remains in
    /// force", "is still running", "still in custody", "intends to continue",
    /// "not yet completed") or still stopped ("remain suspended").
    enum Persistence: Equatable { case ended, stopped, persists(running: Bool) }

    /// An ended or stopped state against one still in place: "lifted its
    /// overtime ban" / "the overtime ban remains in force"; "was shut down on
    /// Monday" / "is still running". A stop agrees with a state still stopped
    /// ("was shut down" / "remains closed"). The words around the two must
    /// meet, each sentence must say one thing only, and a state still in
    /// place in the earlier capture may have been ended by the later one.
    static func persistence(_ old: SentenceWords, _ new: SentenceWords, facts: (old: [Fact], new: [Fact]) = ([], []),
                            reference: (old: CivilDate, new: CivilDate)? = nil, oldCapturedFirst: Bool? = nil) -> OutletAlignment.Conflict? {
        guard let a = persistence(in: old), let b = persistence(in: new) else { return nil }
        func clash(_ x: Persistence, _ y: Persistence) -> Bool {
            switch (x, y) {
            case (.ended, .persists): true
            case (.stopped, .persists(let running)): running
            default: false
            }
        }
        // Of one thing: the words around the two verbs, or the sentences' subjects ("The ship's captain …
        // was released" / "Police say the ship's captain is still in custody").
        func about(_ sentence: SentenceWords, _ at: Int) -> Set<String> {
            sentence.meaning(around: at, after: 6).union(sentence.meaning(around: 0, before: 0, after: 4))
        }
        guard clash(a.kind, b.kind) || clash(b.kind, a.kind), !about(old, a.at).isDisjoint(with: about(new, b.at)) else { return nil }
        // Still in place when first captured, ended by the later capture: news moved on, unless the
        // ending is dated before the first capture ("lifted its overtime ban last week").
        if let oldCapturedFirst, let reference, case .persists = oldCapturedFirst ? a.kind : b.kind {
            let (endedFacts, firstDay) = oldCapturedFirst ? (facts.new, reference.old) : (facts.old, reference.new)
            guard endedFacts.contains(where: { ($0.days?.upperBound ?? .max) < firstDay.dayNumber }) else { return nil }
        }
        return .init(kind: .status, old: a.words, new: b.words)
    }

    static func persistence(in sentence: SentenceWords) -> (kind: Persistence, words: String, at: Int)? {
        let words = sentence.lower
        var found: [(kind: Persistence, words: String, at: Int)] = []
        for (index, word) in words.enumerated() {
            let previous = index > 0 ? words[index - 1] : "", next = index + 1 < words.count ? words[index + 1] : ""
            // "finished ninth", "closed down 3%": a place or a level, not an ending.
            let level = ReferentTerms.numberValue(next) != nil || isOrdinal(next)
                || ["up", "down", "higher", "lower", "at"].contains(next) && index + 2 < words.count && ReferentTerms.numberValue(words[index + 2]) != nil
            if endingVerbs.contains(word) || stoppingVerbs.contains(word), !settledBefore.contains(previous), !level {
                // "lifted its main rate", "prices dropped": a verb that ends a state ends one only with a thing that lasts;
                // the words around it, met in the other sentence, say which.
                let auxiliary = ["was", "were", "had", "has", "have", "been"].contains(previous) ? previous + " " : ""
                let particle = ["down", "off", "out"].contains(next) ? " " + next : ""
                found.append((endingVerbs.contains(word) ? .ended : .stopped, auxiliary + word + particle, index))
                continue
            }
            switch word {
            case "remain", "remains", "remained", "still":
                var at = index + 1
                while at < words.count, ["is", "are", "was", "were", "be"].contains(words[at]) { at += 1 }
                guard at < words.count else { break }
                let state = words[at]
                // "in force", "in the budget", "on bond": the place it stays in.
                var place = at + 1
                while place < words.count, ["the", "its", "their", "a"].contains(words[place]) { place += 1 }
                let shown = word + " " + state + (["in", "on"].contains(state) && place < words.count ? " " + words[place] : "")
                if stoppedStates.contains(state) { found.append((.persists(running: false), shown, index)) }
                else if runningStates.contains(state) || state.hasSuffix("ing") && state.count > 5 {
                    found.append((.persists(running: true), shown, index))
                }
            case "continue", "continues":
                if next == "to" || ["the", "its", "their", "his", "her", "our", "this", "that"].contains(next) || next.hasSuffix("ing") {
                    found.append((.persists(running: true), word + " " + next, index))
                }
            case "yet":
                // "has not yet been completed", "is yet to be handed over".
                if previous == "not" || next == "to" { found.append((.persists(running: true), previous == "not" ? "not yet" : "yet to", index)) }
            default: break
            }
        }
        guard let first = found.first, found.allSatisfy({ $0.kind == first.kind }) else { return nil }
        return (first.kind, first.words, first.at)
    }

    /// Words before a participle that make it a state or a plan, not an ending: "remains closed", "to be lifted".
    private static let settledBefore: Set<String> = ["remain", "remains", "remained", "still", "yet", "not", "to", "be", "will", "would", "is", "are"]

    /// An ordinal: "ninth", "21st" (not "with" or "month").
    private static func isOrdinal(_ word: String) -> Bool { ReferentTerms.ordinalValue(word) != nil }

    /// Past forms of verbs that end a state of things: a ban, a detention, a plan, a review.
    private static let endingVerbs: Set<String> = [
        "lifted", "ended", "scrapped", "dropped", "cancelled", "canceled", "released", "completed", "finished", "withdrawn",
        "withdrew", "abandoned", "concluded", "expired", "lapsed", "resumed", "reopened", "revoked", "rescinded", "repealed",
        "overturned", "freed", "discharged", "resigned",
    ]
    /// Past forms of verbs that stop an operation: a plant, a service, a programme.
    private static let stoppingVerbs: Set<String> = ["shut", "closed", "suspended", "halted", "stopped", "paused", "grounded"]
    /// What a thing still stopped is: "remains suspended", "still closed".
    private static let stoppedStates: Set<String> = ["closed", "shut", "suspended", "halted", "banned", "off", "paused", "grounded", "stopped"]
    /// What a thing still in place is: "remains in force", "still running", "remain free".
    private static let runningStates: Set<String> = [
        "in", "on", "open", "free", "active", "valid", "running", "operating", "working", "standing", "held", "detained", "there",
    ]

    /// Adverbs that may stand between an auxiliary and its participle ("has also ended").
    private static let adverbs: Set<String> = ["also", "already", "now", "since", "just", "finally", "officially", "formally", "quietly", "largely"]

    /// Words after a participle that make it a lasting state: "has stayed above", "has been in place".
    private static let lasting: Set<String> = ["above", "below", "at", "near", "around", "steady", "unchanged", "in", "on", "since", "for"]

    private static let irregularParticiples: Set<String> = [
        "shut", "left", "begun", "ended", "gone", "done", "closed", "lifted", "withdrawn", "taken", "won", "lost", "held",
        "broken", "struck", "fallen", "risen", "made", "paid", "sold", "cut", "set", "put", "quit", "met", "sent", "spent",
    ]

    // MARK: Duration against dates

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

    /// A duration one side gives ("a two-year mission", "for half a century")
    /// against the time since a date the other gives ("deployed in the fall
    /// of 2020", "opened in 1987"), up to its capture day.
    static func duration(_ old: SentenceWords, _ new: SentenceWords, reference: (old: CivilDate, new: CivilDate)) -> OutletAlignment.Conflict? {
        func check(_ durationSide: SentenceWords, _ dateSide: SentenceWords, _ day: CivilDate) -> (String, String)? {
            guard let (years, phrase, at) = Durations.first(in: durationSide),
                  let (since, words, dateAt) = Durations.startYear(in: dateSide), Double(since) < Double(day.year) else { return nil }
            let elapsed = Double(day.year) + Double(day.month - 1) / 12 - since
            // Of one thing: "a two-year pay deal" says nothing of "the last strike in late 2019".
            guard !durationSide.meaning(around: at).isDisjoint(with: dateSide.meaning(around: dateAt)) else { return nil }
            return abs(elapsed - years) > max(0.75, Self.durationSlack * years) ? (phrase, words) : nil
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
