import RevtrackText

/// Numbers with their qualifier and what they count: "nearly 2,000 of its
/// troops", "A total of 1,960 Russian peacekeepers", "hundreds of residents",
/// "3.5%", "$1.2 billion". Years, days of the month and compounds such as
/// "two-year" are left to the date extractor.
enum QuantityExtractor {
    static func extract(_ sentence: TokenizedSentence) -> [Fact] {
        var facts: [Fact] = []
        let tokens = sentence.tokens, lower = sentence.lower
        var index = 0
        while index < tokens.count {
            guard let number = number(at: index, sentence) else { index += 1; continue }
            var low = number.low, high = number.high
            var end = number.end          // one past the last token used
            var unit: String? = nil
            if end < tokens.count, let factor = Grammar.multipliers[lower[end]] {
                low *= factor; high *= factor; end += 1
            }
            if end < tokens.count, lower[end] == "%" || lower[end] == "percent" { unit = "%"; end += 1 }
            // "180 million euros": a currency named after the amount.
            if unit == nil, end < tokens.count, let sign = Grammar.currencyWords[lower[end]] { unit = sign; end += 1 }
            if index > 0, Grammar.currencies.contains(tokens[index - 1].text) { unit = tokens[index - 1].text }

            // A qualifier right before the number ("more than", "a total of").
            var start = index > 0 && unit != nil && unit != "%" ? index - 1 : index
            var qualifier: String? = nil
            var interval = (lower: low, upper: Optional(high))
            for entry in start > 0 ? WordLists.qualifiersByLast[lower[start - 1]] ?? [] : [] where start >= entry.words.count {
                if lower[(start - entry.words.count)..<start].elementsEqual(entry.words) {
                    qualifier = entry.words.joined(separator: " ")
                    interval = (low * entry.lower, entry.upper.map { high * $0 })
                    start -= entry.words.count
                    break
                }
            }

            // What is counted: "of its troops", "Russian peacekeepers", "prisoners of war".
            var nounStart = end
            if nounStart + 1 < tokens.count, lower[nounStart] == "of", Grammar.determiners.contains(lower[nounStart + 1]) {
                nounStart += 2
            }
            var nounEnd = nounStart
            while nounEnd < tokens.count, nounEnd - nounStart < 4, tokens[nounEnd].kind == .word,
                  !Grammar.stops.contains(lower[nounEnd]),
                  !(nounEnd > nounStart && lower[nounEnd].hasSuffix("ed")) {   // "people reported missing"
                if lower[nounEnd] == "of" {
                    // "prisoners of war", not "of the".
                    guard nounEnd > nounStart, nounEnd + 1 < tokens.count, tokens[nounEnd + 1].kind == .word,
                          !Grammar.determiners.contains(lower[nounEnd + 1]), !Grammar.stops.contains(lower[nounEnd + 1]) else { break }
                }
                nounEnd += 1
            }
            let counted = nounEnd > nounStart ? tokens[nounStart..<nounEnd].map(\.text).joined(separator: " ") : nil
            let last = max(nounEnd, end) - 1

            var fact = sentence.fact(.quantity, from: start, through: last)
            // A vague amount keeps its words ("several", "hundreds of"); its interval is in lower/upper.
            let vague = number.words.flatMap { high != low && end == number.end ? $0 : nil }
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

    /// A number at `index`: digits ("1,960", "3.5") or number words ("two",
    /// "hundreds of"), and the token after it. Years, days of the month and
    /// ordinals are not counts.
    private static func number(at index: Int, _ sentence: TokenizedSentence) -> (low: Double, high: Double, end: Int, words: String?)? {
        let tokens = sentence.tokens, lower = sentence.lower
        let token = tokens[index]
        if index > 0, Grammar.labels.contains(lower[index - 1]) || (index > 1 && lower[index - 1] == "." && Grammar.labels.contains(lower[index - 2])) {
            return nil
        }
        if token.kind == .number {
            guard let value = Double(token.text.filter { $0 != "," }) else { return nil }
            let isYearLike = !token.text.contains(",") && !token.text.contains(".") && token.text.count == 4 && (1800...2100).contains(value)
            if isYearLike { return nil }
            if index > 0, Grammar.months[lower[index - 1].trimmingCharacters(in: ["."])] != nil, value <= 31 { return nil }
            if index + 1 < tokens.count, Grammar.months[lower[index + 1]] != nil, value <= 31 { return nil }   // 15 May
            return (value, value, index + 1, nil)
        }
        // "twenty-three": tens and units written as one hyphenated word.
        let parts = lower[index].split(separator: "-")
        if parts.count == 2, let tens = WordLists.numberWordsByFirst[String(parts[0])]?.first(where: { $0.words.count == 1 }),
           let units = WordLists.numberWordsByFirst[String(parts[1])]?.first(where: { $0.words.count == 1 }),
           (20...90).contains(tens.low), tens.low.truncatingRemainder(dividingBy: 10) == 0, (1...9).contains(units.low) {
            return (tens.low + units.low, tens.low + units.low, index + 1, nil)
        }
        for entry in WordLists.numberWordsByFirst[lower[index]] ?? [] where index + entry.words.count <= tokens.count {
            if lower[index..<(index + entry.words.count)].elementsEqual(entry.words) {
                // "one" alone is usually a pronoun ("one could admit"), not a count.
                if entry.words == ["one"] { return nil }
                return (entry.low, entry.high, index + entry.words.count, entry.words.joined(separator: " "))
            }
        }
        return nil
    }

    /// "16400000" for 16.4 × 10⁶ (16399999.999999998 in binary floating point).
    static func format(_ value: Double) -> String {
        let whole = value.rounded()
        let isWhole = abs(value - whole) <= 1e-9 * max(1, abs(value))
        return isWhole && abs(value) < 1e15 ? String(Int64(whole)) : String(value)
    }
}
