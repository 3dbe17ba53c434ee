import RevtrackFacts
import RevtrackText

/// Amounts: percentages and sums, which name no counted noun, so the words
/// beside them must say that two outlets' figures are one.
extension ConflictFinder {
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
                // "a month's supply" is as much a rate as "a month".
                var word = sentence.lower[index]
                if word.hasSuffix("'s") || word.hasSuffix("\u{2019}s") { word.removeLast(2) }
                let before = sentence.lower[index - 1]
                return ["a", "per", "each", "every"].contains(before) && Durations.years(per: word) != nil
            } || sentence.lower.contains { ReferentTerms.rateAdverbs[$0] != nil }
        }
        guard isRate(old) == isRate(new), !tellsAnotherYear(facts, reference, writtenYears: true) else { return nil }
        func measures(_ sentence: SentenceWords, _ facts: [Fact]) -> [Measure] {
            facts.compactMap { fact in
                guard fact.kind == .quantity, fact.unit != nil,
                      fact.lower != nil, !FactComparison.isPart(fact), let (at, length) = sentence.position(of: fact) else { return nil }
                let before = at > 0 ? sentence.lower[at - 1] : ""
                let change: Bool? = ["by", "up", "down"].contains(before) ? true : ["to", "at"].contains(before) ? false : nil
                return Measure(fact: fact, at: at, around: sentence.meaning(around: at, before: 3, after: length + 2),
                               // What the sentence is about, too: "Turnout in Sunday's referendum was 61.4%".
                               wider: sentence.meaning(around: at, before: 8, after: length + 6).union(sentence.subject(4)),
                               change: change)
            }
        }
        let (a, b) = (measures(old, facts.old), measures(new, facts.new))
        guard !a.isEmpty, !b.isEmpty else { return nil }
        let written = Self.writtenAmount
        // An amount both sentences give ties nothing to disagree on. Amounts are rounded by
        // their qualifier ("nearly two percent" for 1.8%) or closely (71% is not 67%).
        func allows(_ fact: Fact, _ value: Double) -> Bool {
            guard let low = fact.lower else { return false }
            guard fact.qualifier == nil else { return value >= low && value <= (fact.upper ?? .infinity) }
            return abs(value - low) <= roundingSlack / 2 * max(value, low)
        }
        // Two bounds of one kind ("earnings above $150,000" / "over $125,000") are two
        // figures, compared as written, not ranges that overlap.
        func agree(_ x: Fact, _ y: Fact) -> Bool {
            guard Self.boundsAlike(x, y) else { return allows(x, written(y)) || allows(y, written(x)) }
            return abs(written(x) - written(y)) <= roundingSlack / 2 * max(written(x), written(y))
        }
        // A share told as a fraction tells its percentage: "two-thirds" for 66%.
        func shares(_ facts: [Fact]) -> [Double] {
            facts.compactMap { $0.kind == .quantity && $0.unit == nil ? $0.lower.flatMap { $0 > 0 && $0 < 1 ? $0 * 100 : nil } : nil }
        }
        let (sharesOld, sharesNew) = (shares(facts.old), shares(facts.new))
        func told(_ measure: Measure, by others: [Measure], _ fractions: [Double]) -> Bool {
            others.contains { agree($0.fact, measure.fact) }
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
        // A poll "this morning" is one result; a share price "this morning" one reading of many.
        let traded = [old, new].contains { $0.lower.contains(where: Self.marketWords.contains) }
        guard !readsAtTwoMoments(old, new, eitherNamed: traded, moving: !anchored) else { return nil }
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

    /// The amount as written: "some 74 percent" is 74 and "more than $2.3 million" 2.3 million,
    /// not the span their qualifiers allow (the value reads "some 74%", "more than $2300000").
    static func writtenAmount(_ fact: Fact) -> Double {
        Double(figure(of: fact)) ?? fact.lower ?? 0
    }

    private static func figure(of fact: Fact) -> Substring {
        fact.value.dropFirst(fact.qualifier.map { $0.count + 1 } ?? 0).drop { !$0.isNumber }.prefix { $0.isNumber || $0 == "." }
    }

    /// Whether two qualified amounts bound their figures alike ("above" /
    /// "over", "about" / "around"): their intervals stand in one proportion to the figures.
    static func boundsAlike(_ x: Fact, _ y: Fact) -> Bool {
        guard x.qualifier != nil, y.qualifier != nil, let xl = x.lower, let yl = y.lower else { return false }
        let (wx, wy) = (writtenAmount(x), writtenAmount(y))
        guard wx > 0, wy > 0 else { return false }
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-6 }
        let (xu, yu) = (x.upper.map { $0 / wx } ?? .infinity, y.upper.map { $0 / wy } ?? .infinity)
        return close(xl / wx, yl / wy) && (xu == yu || close(xu, yu))
    }

    /// A size told as one word, a number and its unit joined ("a 30-metre
    /// section" / "a 75-metre stretch", "a 42,000-seat stadium" / "a 24,000-seat
    /// stadium"), which the facts leave out as compounds: one of a unit in
    /// each sentence, apart by more than rounding and by no more than a
    /// factor of three.
    static func compoundMeasure(_ old: SentenceWords, _ new: SentenceWords) -> OutletAlignment.Conflict? {
        func measures(_ sentence: SentenceWords) -> [(value: Double, unit: String, text: String)] {
            sentence.lower.enumerated().compactMap { index, word in
                guard word.utf8.contains(0x2D) else { return nil }
                let parts = word.split(separator: "-", maxSplits: 2)
                // "30-metre", "two-storey".
                guard parts.count >= 2, let value = ReferentTerms.numberValue(String(parts[0])), value > 0 else { return nil }
                let unit = compoundUnits[String(parts[1])] ?? (parts.count == 3 ? compoundUnits[parts[1] + "-" + parts[2]] : nil)
                return unit.map { (value, $0, sentence.written[index]) }
            }
        }
        let (a, b) = (measures(old), measures(new))
        for x in a {
            let ys = b.filter { $0.unit == x.unit }
            guard ys.count == 1, a.filter({ $0.unit == x.unit }).count == 1, let y = ys.first else { continue }
            let (high, low) = (max(x.value, y.value), min(x.value, y.value))
            if high - low > roundingSlack / 2 * high, high <= 3 * low { return .init(kind: .number, old: x.text, new: y.text) }
        }
        return nil
    }

    /// Units a size is written with as one word ("30-metre", "14-storey"),
    /// by the word after the number, to one name per unit. Lengths of time
    /// are durations (`Durations`).
    static let compoundUnits: [String: String] = [
        "metre": "metre", "meter": "metre", "m": "metre", "kilometre": "km", "kilometer": "km", "km": "km", "mile": "mile",
        "foot": "foot", "feet": "foot", "ft": "foot", "inch": "inch", "yard": "yard", "storey": "storey", "story": "storey",
        "seat": "seat", "seater": "seat", "page": "page", "acre": "acre", "hectare": "hectare", "litre": "litre", "liter": "litre",
        "gallon": "gallon", "tonne": "tonne", "ton": "tonne", "kilogram": "kg", "kg": "kg", "megawatt": "megawatt", "mw": "megawatt",
        "bed": "bed", "room": "room", "member": "member", "man": "member", "strong": "member",
        "square-metre": "square metre", "square-foot": "square foot", "square-mile": "square mile",
    ]

    /// Words of things priced through the day: shares, indices, currencies, yields.
    static let marketWords: Set<String> = [
        "shares", "share", "stock", "stocks", "index", "indices", "traded", "trading", "trade", "market", "markets", "price", "prices",
        "yield", "yields", "bond", "bonds", "currency", "dollar", "euro", "pound", "sterling", "yen", "crude", "oil", "gold", "futures",
    ]
}
