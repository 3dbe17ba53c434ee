import RevtrackText

/// Attributed claims — reported speech and belief: who (the source), how (the
/// verb: say, accuse, deny, expect…) and what (the claim). Direct quotations
/// are left to `QuotationExtractor`; a pronoun source ("It has accused…",
/// "He said…") is resolved to the last named source.
enum ClaimExtractor {
    static func extract(_ sentences: [TokenizedSentence], people: PersonMentions) -> [Fact] {
        var claims: [Fact] = []
        var lastSource: String? = nil          // for "it", "they"
        var lastPerson: String? = nil          // for "he", "she"
        /// Keeps the last named source and person for pronouns.
        func remember(_ name: String) {
            guard let first = name.first, first.isUppercase, !Grammar.openers.contains(name.lowercased()) else { return }
            lastSource = name
            let words = name.split(separator: " ")
            if words.count >= 2, !WordLists.organisationHeads.contains(String(words[words.count - 1])),
               !Gazetteer.places.contains(name.lowercased()) {
                lastPerson = name
            }
        }
        for sentence in sentences {
            let tokens = sentence.tokens, lower = sentence.lower
            let quoted = quotedTokens(sentence)
            defer {
                // "Armenia has a very different take … It has accused Moscow": a
                // sentence's named subject is what "it" refers to next.
                if let first = tokens.first, first.kind == .word, first.text.first?.isUppercase == true,
                   !Grammar.openers.contains(lower[0]) {
                    var end = 0
                    while end < tokens.count, tokens[end].kind == .word, tokens[end].text.first?.isUppercase == true { end += 1 }
                    let subject = sentence.text(from: 0, through: end - 1)
                    if end == 1 || !WordLists.roles.contains(lower[0]) { lastSource = subject }
                }
            }
            var index = 0
            var insideClaim = 0           // verbs before this index belong to a claim already taken
            while index < tokens.count {
                defer { index += 1 }
                guard !quoted[index] else { continue }
                let nested = index < insideClaim
                var verb: String
                var sourceRange: Range<Int>
                var claimRange: Range<Int>
                if !nested, lower[index] == "according", index + 1 < tokens.count, lower[index + 1] == "to" {
                    let end = clauseEnd(sentence, from: index + 2)
                    sourceRange = (index + 2)..<end
                    verb = "according"
                    claimRange = 0..<(index > 0 && tokens[index - 1].text == "," ? index - 1 : index)
                    if claimRange.isEmpty { claimRange = end..<tokens.count }
                } else if let lemma = WordLists.claimVerbs[lower[index]] {
                    verb = lemma
                    // A passive ("were rejected as invalid") reports no one's claim.
                    let passive = index > 0 && ["was", "were", "is", "are", "be", "been", "being"].contains(lower[index - 1])
                        && !(index + 1 < tokens.count && lower[index + 1] == "by")
                    // "five people reported missing": a participle, not a report.
                    if passive || (index + 1 < tokens.count && WordLists.states[lower[index + 1]] != nil) { continue }
                    // "a claim the commission denies", "something Azerbaijan denies".
                    if let noun = (max(0, index - 4)..<index).last(where: { Grammar.claimNouns.contains(lower[$0]) }), noun > 0 {
                        sourceRange = (noun + 1)..<index
                        let comma = tokens[..<noun].lastIndex { $0.text == "," } ?? 0
                        claimRange = 0..<comma
                    } else if nested {
                        continue
                    } else if index + 1 < tokens.count, lower[index + 1] == "by", lemma == "believe" || lemma == "expect" {
                        // "is believed by experts to have …"
                        let end = (index + 2..<tokens.count).first { lower[$0] == "to" || tokens[$0].text == "," } ?? tokens.count
                        sourceRange = (index + 2)..<end
                        claimRange = 0..<tokens.count
                    } else if index > 1, tokens[index - 1].text == ",", !Grammar.quoteMarks.contains(tokens[index - 2].text),
                              let after = invertedSource(after: index, sentence) {
                        // "…, said Rebecca Lindqvist, a professor at …": the source follows the verb.
                        sourceRange = after
                        remember(sourceText(after, sentence))
                        claimRange = 0..<(index - 1)
                    } else if let (subject, appositive) = source(before: index, sentence) {
                        sourceRange = subject
                        remember(sourceText(subject, sentence))
                        // `"…," Nikiforov said`: the attribution of a quotation.
                        if subject.lowerBound > 0, Grammar.quoteMarks.contains(tokens[subject.lowerBound - 1].text) { continue }
                        var before = subject.lowerBound - 1
                        while before > 0, ["the", "a", "an"].contains(lower[before]) { before -= 1 }
                        if !appositive, before > 0, tokens[before].text == "," {
                            // "…, Kaya said." The claim is what comes before the comma.
                            claimRange = 0..<before
                        } else {
                            var start = index + 1
                            if let that = thatClause(after: index, verb: lemma, sentence) { start = that + 1 }
                            else if start < tokens.count, ["that", "to", "as"].contains(lower[start]) { start += 1 }
                            if start < tokens.count, tokens[start].text == "," { start += 1 }
                            claimRange = start..<tokens.count
                            // "told reporters …: "We respect …"": it introduces a quotation.
                            if let colon = claimRange.first(where: { tokens[$0].text == ":" }), colon + 1 < tokens.count,
                               Grammar.quoteMarks.contains(tokens[colon + 1].text) { continue }
                        }
                    } else {
                        continue
                    }
                } else {
                    continue
                }
                // A dateline is not part of the claim: "MALATYA, Turkey, Nov 10 (Reuters) - …".
                if claimRange.lowerBound == 0, let dash = tokens.prefix(14).firstIndex(where: { ["-", "—", "–"].contains($0.text) }),
                   dash > 0, tokens[dash - 1].text == ")", dash + 1 < claimRange.upperBound {
                    claimRange = (dash + 1)..<claimRange.upperBound
                }
                // Trim closing punctuation; a claim that is only a quotation is a quote.
                while claimRange.upperBound > claimRange.lowerBound, tokens[claimRange.upperBound - 1].kind == .punctuation,
                      !Grammar.quoteMarks.contains(tokens[claimRange.upperBound - 1].text) {
                    claimRange = claimRange.lowerBound..<(claimRange.upperBound - 1)
                }
                var name = sourceText(sourceRange, sentence)
                let at = sentence.sentence.utf8Range.lowerBound + tokens[index].utf8Range.lowerBound
                if ["he", "she"].contains(name.lowercased()) {
                    guard let person = people.latest(before: at, pronoun: name) ?? lastPerson else { continue }
                    name = person
                } else if let resolved = resolvePronoun(name, lastSource: lastSource, lastPerson: lastPerson) { name = resolved }
                else if Grammar.openers.contains(name.lowercased()) { continue }   // "we", "these": no named source
                else if let canonical = people.canonical(Grammar.strippingPossessive(name.split(separator: " ").last.map(String.init) ?? name)),
                        name.split(separator: " ").allSatisfy({ $0.first?.isUppercase == true }) { name = canonical }
                // "the minister told reporters", "the prosecutor said": the one person the text gives that office.
                else if let holder = people.holder(of: name) { name = holder }
                guard isAgent(head(name)) else { continue }
                let onlyQuote = claimRange.isEmpty || claimRange.allSatisfy { quoted[$0] || tokens[$0].kind == .punctuation }
                if !name.isEmpty, !onlyQuote {
                    var fact = sentence.fact(.claim, from: min(sourceRange.lowerBound, claimRange.lowerBound, index),
                                             through: max(sourceRange.upperBound, claimRange.upperBound, index + 1) - 1)
                    fact.value = sentence.text(from: claimRange.lowerBound, through: claimRange.upperBound - 1)
                    fact.speaker = name
                    fact.verb = verb
                    if isNegated(before: index, sentence) { fact.negated = true }
                    claims.append(fact)
                    // Verbs inside the claim belong to it ("said it showed that…").
                    if claimRange.lowerBound > index { insideClaim = claimRange.upperBound }
                }
            }
        }
        return claims
    }

    /// Where the reported clause starts after a verb with an object or an
    /// adverbial between them: "told lawmakers last month that …", "said in a
    /// statement on Tuesday that …". Not after "said the company that makes …",
    /// where "that" opens a relative clause.
    private static func thatClause(after verb: Int, verb lemma: String, _ sentence: TokenizedSentence) -> Int? {
        let lower = sentence.lower, tokens = sentence.tokens
        let start = verb + 1
        guard start < tokens.count, lower[start] != "that",
              objectVerbs.contains(lemma) || adverbialOpeners.contains(lower[start]) else { return nil }
        for k in start..<min(start + 9, tokens.count) {
            if lower[k] == "that" { return k }
            if tokens[k].kind == .punctuation { return nil }
        }
        return nil
    }

    private static let objectVerbs: Set<String> = ["tell", "inform", "assure", "warn", "remind", "notify", "convince", "persuade", "promise", "advise", "show", "brief"]
    private static let adverbialOpeners: Set<String> = [
        "in", "on", "at", "during", "after", "before", "last", "this", "late", "early", "earlier", "later",
        "yesterday", "today", "tonight", "via", "through", "repeatedly", "previously", "also", "again", "privately", "publicly",
    ]

    /// "did not expect", "doesn't believe", "never said": the verb of saying itself is negated.
    private static func isNegated(before verb: Int, _ sentence: TokenizedSentence) -> Bool {
        let lower = sentence.lower
        for back in 1...3 where verb - back >= 0 {
            let word = lower[verb - back]
            if ReferentTerms.isNegation(word) { return true }
            if !Grammar.auxiliaries.contains(word) && !["also", "yet", "really", "even"].contains(word) { break }
        }
        return false
    }

    /// Whether a source's head word can speak: not a number, unit, time or particle
    /// ("percent", "month", "to").
    private static func isAgent(_ head: String) -> Bool {
        guard let first = head.first, first.isLetter, !head.contains("-") || head.count > 5 else { return false }
        // Party-state codes ("R-S.D."), particles and contractions are no one.
        if head.count > 2, ["r-", "d-", "i-"].contains(String(head.prefix(2))) { return false }
        if head.contains("'") || head.contains("’") || Grammar.stops.contains(head) || Grammar.determiners.contains(head)
            || Grammar.auxiliaries.contains(head) || ["against", "familiar", "build", "like", "such"].contains(head) { return false }
        return !QuantityExtractor.durationUnits.contains(head) && !["percent", "cent", "to", "of", "in", "per", "i", "you", "we"].contains(head)
            && Grammar.months[head] == nil && Grammar.weekdays[head] == nil
    }

    /// The source's head word, lowercased: the surname, acronym or group noun.
    static func head(_ source: String) -> String {
        // "Marcus Feld, a sleep researcher at …": the name before its apposition.
        var source = source
        if let comma = source.firstIndex(of: ","), source[..<comma].first?.isUppercase == true { source = String(source[..<comma]) }
        // "the International Institute for Strategic Studies (IISS)": the acronym the text gives.
        if source.hasSuffix(")"), let open = source.lastIndex(of: "("), source.index(after: open) < source.index(before: source.endIndex) {
            let inner = source[source.index(after: open)..<source.index(before: source.endIndex)]
            if inner.first?.isUppercase == true, inner.split(separator: " ").count <= 3 { return inner.lowercased() }
        }
        var words = source.split(separator: " ").map(String.init)
        if let cut = words.firstIndex(where: { ["of", "from", "at", "in", "for", "with", "familiar", "close", "who"].contains($0.lowercased()) }), cut > 0 {
            words = Array(words[..<cut])
        }
        let last = (words.last ?? source).trimmingCharacters(in: ["(", ")", ",", "\"", "“", "”"])
        return Grammar.strippingPossessive(last).lowercased()
    }

    /// The subject right before a verb, past auxiliaries and adverbs ("has
    /// also said"), a relative pronoun ("…, who promised"), an appositive or
    /// relative clause between commas ("Valiyev, …, said"), or — for
    /// "…, saying" — the sentence's first name.
    private static func source(before verb: Int, _ sentence: TokenizedSentence) -> (Range<Int>, appositive: Bool)? {
        let tokens = sentence.tokens, lower = sentence.lower
        var end = verb
        while end > 0, Grammar.auxiliaries.contains(lower[end - 1]) { end -= 1 }
        if end > 0, ["who", "which", "that"].contains(lower[end - 1]) {
            end -= 1
            if end > 0, tokens[end - 1].text == "," { end -= 1 }
        }
        if end > 0, tokens[end - 1].text == "," {
            if lower[verb].hasSuffix("ing") {
                // "Reyes welcomed the ruling, saying …": the subject of the sentence.
                let start = tokens.firstIndex { $0.kind == .word } ?? 0
                var stop = start
                while stop < end, tokens[stop].kind == .word, tokens[stop].text.first?.isUppercase == true { stop += 1 }
                return stop > start ? (start..<stop, true) : nil
            }
            // An appositive between commas: a name there is the source.
            let close = end - 1
            guard let open = tokens[..<close].lastIndex(where: { $0.text == "," }) else {
                return nil
            }
            let inner = (open + 1)..<close
            let opensClause = ["who", "which", "whose", "reading", "speaking", "writing"].contains(lower[inner.lowerBound])
                || lower[inner.lowerBound].hasSuffix("ing")
            // "Marcus Feld, a sleep researcher at Stanford University, said": a role after a name describes it.
            if ["a", "an", "the"].contains(lower[inner.lowerBound]), open > 0, tokens[open - 1].kind == .word,
               tokens[open - 1].text.first?.isUppercase == true {
                var start = open - 1
                while start > 0, tokens[start - 1].kind == .word, tokens[start - 1].text.first?.isUppercase == true { start -= 1 }
                return (start..<open, true)
            }
            if !opensClause, inner.contains(where: { tokens[$0].kind == .word && tokens[$0].text.first?.isUppercase == true }) {
                return (inner, true)
            }
            end = open
        }
        var start = end
        while start > 0 {
            let token = tokens[start - 1]
            if token.kind == .punctuation, !["(", ")", "'", "’"].contains(token.text) { break }
            if Grammar.clauseBreaks.contains(lower[start - 1]) { break }
            if start < end, WordLists.claimVerbs[lower[start - 1]] != nil { break }
            start -= 1
        }
        while start < end, Grammar.openers.contains(lower[start]) || Grammar.auxiliaries.contains(lower[start]), end - start > 1 { start += 1 }
        return end > start && end - start <= 8 ? (start..<end, false) : nil
    }

    /// The name right after a verb of saying: "said Rebecca Lindqvist", "said
    /// Sen. Paul Hadley", "said the Commerce Department"; up to a comma or the end.
    private static func invertedSource(after verb: Int, _ sentence: TokenizedSentence) -> Range<Int>? {
        let tokens = sentence.tokens, lower = sentence.lower
        var start = verb + 1
        if start < tokens.count, lower[start] == "the" { start += 1 }
        var end = start
        while end < tokens.count, tokens[end].kind == .word && tokens[end].text.first?.isUppercase == true
            || tokens[end].text == "." && end > start || ["of", "for", "and"].contains(lower[end]) && end > start {
            end += 1
        }
        while end > start, tokens[end - 1].kind != .word { end -= 1 }
        guard end > start, end == tokens.count || [",", ".", "(", ";"].contains(tokens[end].text) else { return nil }
        return start..<end
    }

    private static func sourceText(_ range: Range<Int>, _ sentence: TokenizedSentence) -> String {
        guard !range.isEmpty, range.upperBound <= sentence.tokens.count else { return "" }
        var text = sentence.text(from: range.lowerBound, through: range.upperBound - 1)
        for article in ["the ", "The "] where text.hasPrefix(article) { text = String(text.dropFirst(article.count)) }
        return text
    }

    private static func resolvePronoun(_ word: String, lastSource: String?, lastPerson: String?) -> String? {
        switch word.lowercased() {
        case "he", "she": return lastPerson
        case "it", "they": return lastSource
        default: return nil
        }
    }

    /// Where a source after "according to" ends: the next comma or the sentence end.
    private static func clauseEnd(_ sentence: TokenizedSentence, from start: Int) -> Int {
        var end = start
        while end < sentence.tokens.count, sentence.tokens[end].text != ",",
              !(sentence.tokens[end].kind == .punctuation && [".", ";", ":"].contains(sentence.tokens[end].text)) { end += 1 }
        return end
    }

    /// Which tokens stand inside quotation marks.
    private static func quotedTokens(_ sentence: TokenizedSentence) -> [Bool] {
        var inside = false
        return sentence.tokens.map { token in
            if token.text == "“" { inside = true; return true }
            if token.text == "”" { inside = false; return true }
            if token.text == "\"" { inside.toggle(); return true }
            return inside
        }
    }
}
