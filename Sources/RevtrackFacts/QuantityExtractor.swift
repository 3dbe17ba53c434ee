import RevtrackLexicon
import RevtrackText

/// Numbers with their qualifier and what they count: "nearly 2,000 of its
/// troops", "A total of 1,960 Russian peacekeepers", "hundreds of residents",
/// "3.5%", "$1.2 billion". Years, days of the month and compounds such as
/// "two-year" are left to the date extractor.
enum QuantityExtractor {
    /// Particles of a phrasal verb end what is counted: "ordered 4,000 residents out of their homes".
    static let particles: Set<String> = ["out", "up", "down", "back", "away", "home", "apart", "aside"]

    static func extract(_ sentence: TokenizedSentence) -> [Fact] {
        var facts: [Fact] = []
        let tokens = sentence.tokens, lower = sentence.lower
        var index = 0
        while index < tokens.count {
            if let special = compound(at: index, sentence) {
                facts += special
                index += 1
                continue
            }
            guard let number = number(at: index, sentence) else { index += 1; continue }
            var low = number.low, high = number.high
            var end = number.end          // one past the last token used
            var unit: String? = nil
            // Said aloud, as transcripts write it: "three point eight percent", "one point nine four
            // million", "two and a half million".
            if low == high, low.rounded() == low, end + 1 < tokens.count, lower[end] == "point" {
                var digits = "", next = end + 1
                while next < tokens.count, let digit = Self.spokenDigit(lower[next]) { digits += String(digit); next += 1 }
                if !digits.isEmpty, let fraction = Double("0." + digits) { low += fraction; high = low; end = next }
            }
            if low == high, end + 2 < tokens.count, lower[end] == "and", lower[end + 1] == "a", lower[end + 2] == "half" {
                low += 0.5; high = low; end += 3
            }
            // "two hundred", "two dozen", "three hundred thousand".
            var group = Double.infinity   // the last multiplier said: the next group of a number said aloud is smaller
            func multiply() {
                while end < tokens.count, let factor = Grammar.multipliers[lower[end]] { low *= factor; high *= factor; end += 1; group = factor }
            }
            multiply()
            // "a hundred and forty", "two thousand and twelve": the rest of a number said aloud; "a hundred
            // and fifty thousand dollars": the whole said before its multiplier.
            if number.words != nil, low == high, low >= 100, low.truncatingRemainder(dividingBy: 100) == 0,
               end + 1 < tokens.count, lower[end] == "and", tokens[end + 1].kind == .word,
               let rest = Self.number(at: end + 1, sentence), rest.low == rest.high, rest.low >= 1, rest.low < 100, rest.low.rounded() == rest.low {
                low += rest.low; high += rest.low; end = rest.end
                group = 1
                multiply()
            }
            // "two thousand four hundred", "one million two hundred thousand", "two thousand four hundred
            // and twenty": each next group smaller than the multiplier before it.
            while number.words != nil, low == high, group >= 1000, end < tokens.count, tokens[end].kind == .word {
                guard let rest = Self.number(at: end, sentence), rest.words != nil, rest.low == rest.high, rest.low >= 1,
                      rest.low.rounded() == rest.low, rest.low < 1000 else { break }
                var value = rest.low, after = rest.end, factor = 1.0
                while after < tokens.count, let next = Grammar.multipliers[lower[after]], next != 12, value * next < group { value *= next; factor = next; after += 1 }
                // "and twenty" after "four hundred".
                if factor == 100, after + 1 < tokens.count, lower[after] == "and", tokens[after + 1].kind == .word,
                   let units = Self.number(at: after + 1, sentence), units.words != nil, units.low == units.high, units.low >= 1, units.low < 100 {
                    value += units.low; after = units.end; factor = 1
                }
                guard value < group else { break }
                low += value; high = low; end = after; group = factor
            }
            if end < tokens.count, lower[end] == "%" || lower[end] == "percent" { unit = "%"; end += 1 }
            else if end + 1 < tokens.count, lower[end] == "per", lower[end + 1] == "cent" { unit = "%"; end += 2 }
            // "180 million euros": a currency named after the amount.
            if unit == nil, end < tokens.count, let sign = Grammar.currencyWords[lower[end]] { unit = sign; end += 1 }
            // "4.2 million pounds": millions of pounds are money; "40 pounds" may be a weight.
            if unit == nil, end < tokens.count, ["pounds", "pound"].contains(lower[end]), end > number.end,
               ["million", "billion", "trillion"].contains(lower[end - 1]) { unit = "£"; end += 1 }
            if index > 0, Grammar.currencies.contains(tokens[index - 1].text) { unit = tokens[index - 1].text }

            // A qualifier right before the number ("more than", "a total of"), or before its currency sign.
            var start = index > 0 && Grammar.currencies.contains(tokens[index - 1].text) ? index - 1 : index
            var qualifier: String? = nil
            var interval = (lower: low, upper: Optional(high))
            if let entry = Self.qualifier(endingAt: start, lower) {
                qualifier = entry.words.joined(separator: " ")
                interval = (low * entry.lower, entry.upper.map { high * $0 })
                start -= entry.words.count
            }

            // What is counted: "of its troops", "Russian peacekeepers", "prisoners of war".
            var nounStart = end
            if nounStart + 1 < tokens.count, lower[nounStart] == "of", Grammar.determiners.contains(lower[nounStart + 1]) {
                nounStart += 2
            }
            var nounEnd = nounStart
            while nounEnd < tokens.count, nounEnd - nounStart < 4, tokens[nounEnd].kind == .word,
                  !Grammar.stops.contains(lower[nounEnd]), !Self.particles.contains(lower[nounEnd]),
                  // "forty-six of the eighty-one seats": another count, not what this one counts.
                  Self.number(at: nounEnd, sentence) == nil,
                  // "people reported missing", "people living near the plant"
                  !(nounEnd > nounStart && (lower[nounEnd].hasSuffix("ed") || lower[nounEnd].hasSuffix("ing"))),
                  // "2.4 million pounds annually": an adverb after the noun says how, not what.
                  !(nounEnd > nounStart && lower[nounEnd].hasSuffix("ly") && !Self.nounsInLy.contains(lower[nounEnd])),
                  // "4.2 million pounds annually": nothing counted, a rate.
                  ReferentTerms.rateAdverbs[lower[nounEnd]] == nil {
                if lower[nounEnd] == "of" {
                    // "prisoners of war", not "of the".
                    guard nounEnd > nounStart, nounEnd + 1 < tokens.count, tokens[nounEnd + 1].kind == .word,
                          !Grammar.determiners.contains(lower[nounEnd + 1]), !Grammar.stops.contains(lower[nounEnd + 1]) else { break }
                }
                nounEnd += 1
                // A plural head ends what is counted: "40,000 passengers use the line",
                // "18,500 homes lost power", not "passengers use" nor "homes lost power".
                if Self.isPluralHead(lower[nounEnd - 1]), nounEnd < tokens.count, lower[nounEnd] != "of" { break }
            }
            var counted = nounEnd > nounStart ? tokens[nounStart..<nounEnd].map(\.text).joined(separator: " ") : nil
            // "44.1 °C", "44.1°C": a temperature after a degree sign, Fahrenheit apart since one outlet converts.
            if nounEnd == nounStart, nounStart < tokens.count, tokens[nounStart].text.hasPrefix("°") {
                let apart = tokens[nounStart].text == "°" && nounStart + 1 < tokens.count
                let scale = Self.temperatureScales[apart ? "°" + lower[nounStart + 1] : lower[nounStart]]
                counted = scale ?? "degrees"
                nounEnd = nounStart + (apart && scale != nil ? 2 : 1)
            }
            let last = (nounEnd > nounStart ? max(nounEnd, end) : end) - 1   // "44 of the 81 seats": "44", not "44 of the"

            var fact = sentence.fact(.quantity, from: start, through: last)
            // A vague amount keeps its words ("several", "hundreds of"); its interval is in lower/upper.
            let vague = number.words.flatMap { high != low && end == number.end ? ($0.hasSuffix(" of") ? String($0.dropLast(3)) : $0) : nil }
            let shown = vague ?? (Self.format(low) + (high != low ? "–" + Self.format(high) : ""))
            fact.value = (qualifier.map { $0 + " " } ?? "") + (unit == "%" ? shown + "%" : (unit ?? "") + shown)
            fact.qualifier = qualifier
            fact.lower = interval.lower
            fact.upper = interval.upper
            fact.counted = counted
            fact.unit = unit
            fact.state = state(before: start, after: nounEnd, sentence)
            facts.append(fact)
            index = max(end, nounEnd)
        }
        return facts
    }

    /// The state a count is in ("dead", "missing"): a state word right before
    /// it ("killed at least 12"), right after what it counts, past auxiliaries
    /// ("23 people were killed"), or a few words before it with nothing
    /// counted in between ("the death toll rose to 23").
    private static func state(before start: Int, after end: Int, _ sentence: TokenizedSentence) -> String? {
        let tokens = sentence.tokens, lower = sentence.lower
        if start > 0, let state = WordLists.states[lower[start - 1]] { return state }
        var index = end
        while index < tokens.count, index - end < 3, Grammar.stateLinks.contains(lower[index]) { index += 1 }
        if index < tokens.count, let state = WordLists.states[lower[index]] { return state }
        var back = start - 1
        while back >= 0, start - back <= 4, tokens[back].kind == .word {
            if let state = WordLists.states[lower[back]] { return state }
            back -= 1
        }
        return nil
    }

    /// Whether a word is a plural noun that heads what a count counts: a
    /// dictionary word less its plural ending ("homes", "peacekeepers",
    /// "buses"), or an irregular plural. Plurals that modify another noun
    /// ("sports car", "savings accounts") and singulars ending in s ("news",
    /// "series") go on.
    static func isPluralHead(_ word: String) -> Bool {
        if irregularPlurals.contains(word) { return true }
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is"),
              !word.hasSuffix("'s"), !pluralModifiers.contains(word) else { return false }
        let singular = String(word.dropLast())
        return Lexicon.isWord(singular) || word.hasSuffix("es") && Lexicon.isWord(String(word.dropLast(2)))
            || word.hasSuffix("ies") && Lexicon.isWord(String(word.dropLast(3)) + "y")
    }

    private static let irregularPlurals: Set<String> = ["people", "men", "women", "children", "police", "feet", "teeth", "mice", "geese"]
    /// Plurals that name a kind of another noun, and singulars that end in s.
    private static let pluralModifiers: Set<String> = [
        "news", "series", "species", "means", "sports", "arms", "savings", "goods", "sales", "customs", "headquarters",
        "earnings", "communications", "systems", "operations", "services", "affairs", "relations", "electronics", "economics",
        "politics", "physics", "mathematics", "athletics", "lens", "gas", "bus", "plus", "bonus", "census", "status", "campus",
    ]

    /// A digit after "point" in a number said aloud: "eight", "oh", "nought".
    private static func spokenDigit(_ word: String) -> Int? {
        if ["zero", "oh", "nought"].contains(word) { return 0 }
        guard word.first?.isLetter == true, let value = ReferentTerms.numberValue(word), (1...9).contains(value) else { return nil }
        return Int(value)
    }

    /// The qualifier that ends right before `start` ("more than", "a total of"), the longest first.
    private static func qualifier(endingAt start: Int, _ lower: [String]) -> (words: [String], lower: Double, upper: Double?)? {
        guard start > 0 else { return nil }
        return (WordLists.qualifiersByLast[lower[start - 1]] ?? []).first { entry in
            start >= entry.words.count && lower[(start - entry.words.count)..<start].elementsEqual(entry.words)
                // "will go up to $104 from $96": the verb's particle and where the value moves, not "at most".
                && !(entry.words == ["up", "to"] && start > 2 && risingVerbs.contains(lower[start - 3]))
        }
    }

    /// Verbs that "up to" follows as their particle.
    private static let risingVerbs: Set<String> = [
        "go", "goes", "went", "gone", "going", "move", "moves", "moved", "moving", "push", "pushed", "pushes",
        "put", "puts", "ramp", "ramped", "step", "stepped", "bump", "bumped", "scale", "scaled", "edge", "edged", "come", "came",
    ]

    /// Nouns that end like an adverb ("water supply points").
    private static let nounsInLy: Set<String> = ["supply", "assembly", "family", "ally", "rally", "monopoly", "anomaly", "reply", "belly"]

    /// A number at `index`: digits ("1,960", "3.5") or number words ("two",
    /// "hundreds of"), and the token after it. Years, days of the month and
    /// ordinals are not counts.
    private static func number(at index: Int, _ sentence: TokenizedSentence) -> (low: Double, high: Double, end: Int, words: String?)? {
        let tokens = sentence.tokens, lower = sentence.lower
        let token = tokens[index]
        if index > 0, Grammar.labels.contains(lower[index - 1]) || (index > 1 && lower[index - 1] == "." && Grammar.labels.contains(lower[index - 2])) {
            return nil
        }
        // "in twenty sixteen": a year said aloud, both its words.
        if token.kind == .word, DateExtractor.spokenYear(lower, at: index) != nil || index > 0 && DateExtractor.spokenYear(lower, at: index - 1) != nil {
            return nil
        }
        if token.kind == .number {
            guard let value = Double(token.text.filter { $0 != "," }) else { return nil }
            if isClockOrLabel(index, sentence) || isDurationOrPhone(index, sentence) { return nil }
            let isYearLike = !token.text.utf8.contains(where: { $0 == 0x2C || $0 == 0x2E }) && token.text.count == 4 && (1000...2100).contains(value)
            if isYearLike { return nil }
            if index > 0, Grammar.months[lower[index - 1].trimmingCharacters(in: ["."])] != nil, value <= 31 { return nil }
            if index > 1, lower[index - 1] == ".", Grammar.months[lower[index - 2]] != nil, value <= 31 { return nil }   // "Oct. 15"
            if index + 1 < tokens.count, Grammar.months[lower[index + 1]] != nil, value <= 31 { return nil }   // 15 May
            return (value, value, index + 1, nil)
        }
        // "twenty-three": tens and units written as one hyphenated word.
        // ("two-thirds", "half-dozen" are entries of the number words below.)
        if lower[index].utf8.contains(0x2D), WordLists.numberWordsByFirst[lower[index]] == nil, let value = ReferentTerms.numberValue(lower[index]) {
            return (value, value, index + 1, nil)
        }
        for entry in WordLists.numberWordsByFirst[lower[index]] ?? [] where index + entry.words.count <= tokens.count {
            if lower[index..<(index + entry.words.count)].elementsEqual(entry.words) {
                // "one" alone is usually a pronoun ("one could admit"), not a count; "one point nine
                // million", "one hundred" are numbers.
                if entry.words == ["one"], index + 1 >= tokens.count || lower[index + 1] != "point" && Grammar.multipliers[lower[index + 1]] == nil {
                    return nil
                }
                // "for four decades", "two straight years": a duration written in words.
                if isDurationOrPhone(index + entry.words.count - 1, sentence) { return nil }
                return (entry.low, entry.high, index + entry.words.count, entry.words.joined(separator: " "))
            }
        }
        return nil
    }

    /// Clock times ("10:52 PM", "18.02 GMT", "5:32 a.m. PDT"), time stamps
    /// ("19 min ago"), and numbers that are part of a name ("S&P 500",
    /// "FTSE 100", "Edge 3"): none of them counts anything.
    private static func isClockOrLabel(_ index: Int, _ sentence: TokenizedSentence) -> Bool {
        let tokens = sentence.tokens, lower = sentence.lower
        let next = index + 1 < tokens.count ? lower[index + 1] : ""
        let afterNext = index + 2 < tokens.count ? lower[index + 2] : ""
        if next == ":" && index + 2 < tokens.count && tokens[index + 2].kind == .number { return true }
        if index > 1, lower[index - 1] == ":", tokens[index - 2].kind == .number { return true }
        if PageFurniture.timeOfDay.contains(next) || next == "o'clock" { return true }
        if ["min", "mins", "minutes", "hr", "hrs", "hours", "h", "sec", "secs", "seconds"].contains(next), afterNext == "ago" { return true }
        guard index > 0 else { return false }
        let previous = tokens[index - 1]
        if previous.text == "&" { return true }
        if previous.kind == .word, previous.text.first?.isUppercase == true, index - 1 > 0 || previous.text.count > 1 && previous.text == previous.text.uppercased() {
            let word = lower[index - 1]
            if Grammar.months[word.trimmingCharacters(in: ["."])] != nil || WordLists.qualifiersByLast[word] != nil
                || Grammar.determiners.contains(word) || Grammar.currencies.contains(previous.text) || WordLists.numberWordsByFirst[word] != nil
                || Grammar.openers.contains(word) { return false }
            return true
        }
        return false
    }

    /// A duration ("for 90 minutes", "two decades") is not a count, and an
    /// area code before a phone number ("(253) 555-0199") is not one either.
    private static func isDurationOrPhone(_ index: Int, _ sentence: TokenizedSentence) -> Bool {
        let tokens = sentence.tokens, lower = sentence.lower
        var next = index + 1
        if next < tokens.count, ["more", "straight", "full", "long", "consecutive", "good", "whole"].contains(lower[next]) { next += 1 }
        if next < tokens.count, durationUnits.contains(lower[next]) { return true }
        if index > 0, lower[index - 1] == "(", index + 2 < tokens.count, lower[index + 1] == ")",
           tokens[index + 2].text.contains("-") { return true }
        return false
    }

    static let durationUnits: Set<String> = [
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
        "year", "years", "decade", "decades", "century", "centuries", "min", "mins", "hr", "hrs",
    ]

    /// Numbers written as one word with something else: a score or tally
    /// ("won 3-1", "a 51-47 vote") is two counts; an age ("a 34-year-old
    /// man") is one; money with a short multiplier ("£4.7bn", "$8m").
    private static func compound(at index: Int, _ sentence: TokenizedSentence) -> [Fact]? {
        let token = sentence.tokens[index]
        guard token.kind == .word, let first = token.text.first, first.isNumber else { return nil }
        let text = token.text
        let parts = text.split(separator: "-")
        // A phone number ("555-0148") is neither: its parts have leading zeros or four digits.
        if parts.count == 2, parts.allSatisfy({ $0.count <= 3 && !($0.count > 1 && $0.hasPrefix("0")) }),
           let a = Int(parts[0]), let b = Int(parts[1]) {
            return [a, b].map { value in
                var fact = sentence.fact(.quantity, from: index, through: index)
                fact.value = String(value)
                fact.lower = Double(value)
                fact.upper = Double(value)
                return fact
            }
        }
        if text.hasSuffix("-year-old") || text.hasSuffix("-years-old"), let age = Int(text.prefix { $0.isNumber }) {
            var fact = sentence.fact(.quantity, from: index, through: index)
            fact.value = String(age)
            fact.lower = Double(age)
            fact.upper = Double(age)
            fact.counted = "years of age"
            return [fact]
        }
        let multipliers: [String: Double] = ["bn": 1e9, "b": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3, "tn": 1e12]
        let digits = text.prefix { $0.isNumber || $0 == "." || $0 == "," }
        let suffix = String(text.dropFirst(digits.count)).lowercased()
        guard let value = Double(digits.filter { $0 != "," }) else { return nil }
        // "$5m", "£2.6bn": a sum with its sign before it.
        if let factor = multipliers[suffix], index > 0, Grammar.currencies.contains(sentence.tokens[index - 1].text) {
            return [measure(value * factor, from: index - 1, through: index, unit: sentence.tokens[index - 1].text, sentence)]
        }
        // A measure written with its unit: "40km", "12km", "5kg", "250mm"; what it counts is the unit.
        if Self.attachedUnits.contains(suffix) { return [measure(value, from: index, through: index, counted: suffix, sentence)] }
        // A temperature: "44.1°C", or "44.1C" in a sentence about heat. Fahrenheit stays apart: one outlet converts.
        if let scale = Self.temperatureScales[suffix.hasPrefix("°") ? suffix : "°" + suffix],
           suffix.hasPrefix("°") || sentence.lower.contains(where: Self.temperatureWords.contains) {
            return [measure(value, from: index, through: index, counted: scale, sentence)]
        }
        return nil
    }

    /// What a temperature counts by its scale: Celsius as "43.6 degrees Celsius" does.
    private static let temperatureScales: [String: String] = ["°c": "degrees", "°f": "fahrenheit"]

    /// Words that make "44C" a temperature, not a flat or a grade.
    private static let temperatureWords: Set<String> = [
        "temperature", "temperatures", "heat", "heatwave", "mercury", "degrees", "hot", "hottest", "warm", "warmest", "cold", "coldest",
    ]

    /// A quantity written as one token with its currency sign or unit ("$5m", "40km"), and its qualifier before it.
    private static func measure(_ value: Double, from first: Int, through last: Int, unit: String? = nil, counted: String? = nil,
                                _ sentence: TokenizedSentence) -> Fact {
        let entry = qualifier(endingAt: first, sentence.lower)
        var fact = sentence.fact(.quantity, from: first - (entry?.words.count ?? 0), through: last)
        fact.qualifier = entry?.words.joined(separator: " ")
        fact.value = (fact.qualifier.map { $0 + " " } ?? "") + (unit ?? "") + format(value)
        fact.lower = value * (entry?.lower ?? 1)
        fact.upper = entry.map { entry in entry.upper.map { value * $0 } } ?? value
        fact.unit = unit
        fact.counted = counted
        return fact
    }

    /// Units written onto their number ("40km", "5kg"), which the counted-groups list ties to their names.
    private static let attachedUnits: Set<String> = ["km", "kms", "kg", "mm", "cm", "mi", "ha", "kmh", "mph", "kph", "mw", "gw", "kw"]

    /// "16400000" for 16.4 × 10⁶ (16399999.999999998 in binary floating point).
    static func format(_ value: Double) -> String {
        let whole = value.rounded()
        let isWhole = abs(value - whole) <= 1e-9 * max(1, abs(value))
        return isWhole && abs(value) < 1e15 ? String(Int64(whole)) : String(value)
    }
}
