import Foundation
import RevtrackLexicon
import RevtrackText

/// Direct quotations in straight or curly marks, full or partial, with their
/// speaker, found the way a reader finds it, in this order:
/// 1. in the quote's own sentence, after it (`…," Nikiforov said`, `…," said
///    Daniel Ashcombe, the national security adviser`, `…," the company said`,
///    `…," the artists' lawyers wrote`, `…, according to X`) or before it
///    (`Valiyev said Russia had made "…"`, `In a statement, the ministry said: "…"`);
/// 2. a pronoun ("she told a news conference") resolved to the person named
///    most recently before it;
/// 3. a quote standing alone: the speaker of the quote just before it in the
///    paragraph, or of a sentence before it that ends in a colon or names a
///    speaker with a verb of saying, or of the next sentence ("… That is what
///    X said.");
/// 4. in a transcript, the speaker of the turn (`BRODY (voice-over): …`).
/// Scare quotes of one or two words and titles in quotation marks ("Meet the
/// Press") have no speaker; titles are not quotations at all. A speaker the
/// text does not give is nil, never a guess.
enum QuotationExtractor {
    static func extract(_ sentences: [TokenizedSentence], text: String, people: PersonMentions) -> [Fact] {
        let bytes = Array(text.utf8)
        var facts: [Fact] = []
        var byParagraph: [Int: [TokenizedSentence]] = [:]
        for sentence in sentences { byParagraph[sentence.sentence.paragraph, default: []].append(sentence) }
        var previousParagraphSpeaker: String? = nil
        for paragraph in byParagraph.keys.sorted() {
            let members = byParagraph[paragraph]!
            let turn = turnSpeaker(members[0])
            var lastQuote: (sentence: Int, speaker: String?)? = nil
            var paragraphSpeaker: String? = nil
            // Spans over the whole paragraph: a quotation may run over several sentences.
            let paragraphRange = members[0].sentence.utf8Range.lowerBound..<members[members.count - 1].sentence.utf8Range.upperBound
            let spans = quoteSpans(bytes, paragraphRange) + members.flatMap(spokenSpans)
            for (position, unit) in members.enumerated() {
                let range = unit.sentence.utf8Range
                for span in spans where range.contains(span.open) {
                    // Attribution after the quote reads the sentence the quote ends in.
                    let closing = members.last { $0.sentence.utf8Range.contains(span.close - 1) } ?? unit
                    let inner = String(decoding: bytes[span.innerStart..<span.innerEnd], as: UTF8.self)
                    let value = inner.trimmingCharacters(in: CharacterSet.punctuationAndSpace)
                    guard !value.isEmpty, !isTitle(value, inner: inner) else { continue }
                    var fact = Fact(kind: .quote, text: String(decoding: bytes[span.open..<span.close], as: UTF8.self),
                                    value: value, sentence: unit.index, start: span.open, end: span.close)
                    let wordCount = value.split(whereSeparator: { $0.isWhitespace }).count
                    var speaker: String? = nil
                    if wordCount > 2 {
                        speaker = speakerAfter(closing, quoteEnd: span.close, people: people)
                            ?? speakerBefore(unit, quoteStart: span.open, people: people)
                        if speaker == nil, let lastQuote, lastQuote.sentence >= position - 1 || lastQuote.speaker != nil {
                            speaker = lastQuote.speaker
                        }
                        if speaker == nil, position > 0 { speaker = introduction(members[position - 1], people: people) }
                        // A quotation standing alone after a sentence about a person: "Estonia's prime
                        // minister, Kaarel Tamm, has pressed for tougher language. "The drones …""
                        if speaker == nil, position > 0, isWholeSentence(span, unit) {
                            let previous = members[position - 1].sentence.utf8Range
                            if let person = people.latest(before: previous.upperBound), people.mentioned(person, in: previous) {
                                speaker = person
                            }
                        }
                        if speaker == nil, position + 1 < members.count { speaker = followingAttribution(members[position + 1], people: people) }
                        if speaker == nil, position == 0, isWholeSentence(span, unit) { speaker = previousParagraphSpeaker }
                        // A turn's words are its speaker's, unless the turn reports another's: "The judge
                        // looked at him and said, and I wrote this down, "…"" is not the guest's quotation.
                        if speaker == nil, !reportsSpeech(unit, before: span.open) { speaker = turn }
                        lastQuote = (position, speaker)
                        if speaker != nil { paragraphSpeaker = speaker }
                    }
                    fact.speaker = speaker
                    facts.append(fact)
                }
            }
            // A paragraph that ends by introducing a speaker ("… he said:") carries over.
            previousParagraphSpeaker = members.last.flatMap { $0.sentence.text.trimmingCharacters(in: .whitespaces).hasSuffix(":")
                ? introduction($0, people: people) : nil } ?? (paragraphSpeaker != nil && members.count == 1 ? paragraphSpeaker : nil)
        }
        return facts
    }

    struct Span { let open: Int; let innerStart: Int; let innerEnd: Int; let close: Int }

    /// Quote spans in a byte range: “…” pairs, and "…" pairs toggled in order.
    static func quoteSpans(_ bytes: [UInt8], _ range: Range<Int>) -> [Span] {
        var spans: [Span] = []
        var straightOpen: Int? = nil
        var curlyOpen: Int? = nil
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == 0x22 {
                if let open = straightOpen {
                    spans.append(Span(open: open, innerStart: open + 1, innerEnd: index, close: index + 1))
                    straightOpen = nil
                } else {
                    straightOpen = index
                }
            } else if bytes[index] == 0xE2, index + 2 < range.upperBound, bytes[index + 1] == 0x80 {
                if bytes[index + 2] == 0x9C { curlyOpen = index }
                if bytes[index + 2] == 0x9D, let open = curlyOpen {
                    spans.append(Span(open: open, innerStart: open + 3, innerEnd: index, close: index + 3))
                    curlyOpen = nil
                }
            }
            index += 1
        }
        return spans
    }

    /// A quotation said aloud, as transcripts write it without marks: "said,
    /// quote, we are confident that …", to "unquote" or "end quote" or the
    /// sentence's end. "Quote" must stand between commas after a verb of
    /// saying, so that "a price quote" and "to quote the minister" are none.
    static func spokenSpans(_ sentence: TokenizedSentence) -> [Span] {
        let tokens = sentence.tokens, lower = sentence.lower
        guard let at = lower.indices.first(where: { lower[$0] == "quote" }), at >= 2, at + 2 < tokens.count,
              tokens[at - 1].text == ",", tokens[at + 1].text == ",", isSpeechVerb(lower[at - 2]) || ["this", "it", "that"].contains(lower[at - 2]),
              !tokens.contains(where: { ["\"", "\u{201C}", "\u{201D}"].contains($0.text) }) else { return [] }
        let offset = sentence.sentence.utf8Range.lowerBound
        var last = tokens.count - 1
        var close: Int? = nil
        if let end = lower[(at + 2)...].firstIndex(where: { $0 == "unquote" }) ?? lower.indices.dropFirst(at + 2).first(where: { $0 + 1 < lower.count && lower[$0] == "end" && lower[$0 + 1] == "quote" }) {
            close = offset + tokens[lower[end] == "unquote" ? end : end + 1].utf8Range.upperBound
            last = end - 1
        }
        while last > at + 1, tokens[last].kind == .punctuation { last -= 1 }
        guard last > at + 1 else { return [] }
        let innerStart = offset + tokens[at + 2].utf8Range.lowerBound, innerEnd = offset + tokens[last].utf8Range.upperBound
        return [Span(open: offset + tokens[at].utf8Range.lowerBound, innerStart: innerStart, innerEnd: innerEnd, close: close ?? innerEnd)]
    }

    /// A title in quotation marks: two to six words in title case with no
    /// sentence punctuation ("Meet the Press", "Fox News Sunday").
    private static func isTitle(_ value: String, inner: String) -> Bool {
        let words = value.split(separator: " ")
        guard (2...6).contains(words.count), !value.contains(where: { ".,!?;:".contains($0) }) else { return false }
        let small: Set<String> = ["the", "of", "and", "a", "an", "in", "on", "for", "to", "at", "with"]
        return words.allSatisfy { $0.first?.isUppercase == true || small.contains($0.lowercased()) } && words.first?.first?.isUppercase == true
    }

    private static func isWholeSentence(_ span: Span, _ unit: TokenizedSentence) -> Bool {
        span.open - unit.sentence.utf8Range.lowerBound <= 1
    }

    // MARK: - Attribution in the quote's sentence

    /// After the closing mark: `," he said`, `," Nikiforov said`, `," said the company`,
    /// `," the artists' lawyers wrote`, `, according to X`.
    private static func speakerAfter(_ sentence: TokenizedSentence, quoteEnd: Int, people: PersonMentions) -> String? {
        let offset = quoteEnd - sentence.sentence.utf8Range.lowerBound
        guard let first = sentence.tokens.firstIndex(where: { $0.utf8Range.lowerBound >= offset }) else { return nil }
        var index = first
        while index < sentence.tokens.count, sentence.tokens[index].kind == .punctuation { index += 1 }
        guard index < sentence.tokens.count else { return nil }
        let lower = sentence.lower
        if lower[index] == "according", index + 2 < lower.count, lower[index + 1] == "to" {
            return phrase(sentence, startingAt: index + 2, people: people, at: quoteEnd)
        }
        if isSpeechVerb(lower[index]) {
            return phrase(sentence, startingAt: index + 1, people: people, at: quoteEnd)
        }
        // Subject then verb within a few words: "Whitcomb told reporters", "the company said in a statement".
        // Up to the verb over an apposition ("the study's lead author, Dr. Camille Osei, an assistant
        // professor of pediatrics at the university, said"), never past the sentence or another quotation.
        var end = index
        while end < min(lower.count, index + 24), !isSpeechVerb(lower[end]) {
            let text = sentence.tokens[end].text
            // The dot of "Gov.", an initial or "U.S." ("Assistant U.S. Attorney Keith Yarrow told") ends nothing.
            if sentence.tokens[end].kind == .punctuation, ![",", "'", "’", "(", ")", "-"].contains(text),
               !(text == "." && end > 0 && (EntityExtractor.abbreviations[lower[end - 1]] != nil || sentence.tokens[end - 1].text.count == 1
                                            || sentence.tokens[end - 1].text.contains("."))) {
                break
            }
            end += 1
        }
        guard end < lower.count, isSpeechVerb(lower[end]), end > index else { return nil }
        return subject(sentence, from: index, before: end, people: people, at: quoteEnd)
    }

    /// Before the opening mark: a verb of saying earlier in the sentence and its subject.
    private static func speakerBefore(_ sentence: TokenizedSentence, quoteStart: Int, people: PersonMentions) -> String? {
        let offset = quoteStart - sentence.sentence.utf8Range.lowerBound
        var before = sentence.tokens.indices.filter { sentence.tokens[$0].utf8Range.upperBound <= offset }
        let lower = sentence.lower
        // "What officials said: The chief medical officer called it "…"": a label's verb is not the clause's.
        if let colon = before.last(where: { sentence.tokens[$0].text == ":" }), colon + 1 < (before.last ?? 0),
           before.contains(where: { $0 > colon && (isSpeechVerb(lower[$0]) || WordLists.claimVerbs[lower[$0]] != nil) }) {
            before = Array(before.drop { $0 <= colon })
        }
        // "X was quoted as saying "…"", "X was quoted this week saying that …": the one quoted;
        // "the paper quoted X as saying": X.
        if let quoted = before.last(where: { lower[$0] == "quoted" }), !before.contains(where: { $0 > quoted && isSpeechVerb(lower[$0]) }) {
            if quoted > 0, Grammar.auxiliaries.contains(lower[quoted - 1]) || lower[quoted - 1] == "been" {
                return subject(sentence, from: 0, before: quoted, people: people, at: quoteStart)
            }
            return phrase(sentence, startingAt: quoted + 1, people: people, at: quoteStart)
        }
        // Only the clause the quote belongs to: after another quotation's end, nothing further back counts.
        // Verbs of claiming introduce a quotation too: "Keller accused management of "shifting the burden"".
        // The reporter's own "and I'm quoting here," or "quote," between the verb and the words is no speaker's verb.
        func reporters(_ index: Int) -> Bool {
            ["quote", "quoting", "unquote"].contains(lower[index]) || index > 0 && ["i", "i'm", "i’m", "'m", "’m"].contains(lower[index - 1])
        }
        let speech = before.filter { isSpeechVerb(lower[$0]) }
        if let verb = speech.last(where: { !reporters($0) }) ?? speech.last ?? before.last(where: { WordLists.claimVerbs[lower[$0]] != nil }) {
            if let found = subject(sentence, from: 0, before: verb, people: people, at: quoteStart) { return found }
            // "Tully said the club … and insisted …", "said … but cautioned": a verb joined to an earlier one shares its subject.
            if verb > 0, conjunctions.contains(lower[verb - 1]), let earlier = speech.last(where: { $0 < verb - 1 && !reporters($0) }),
               let found = subject(sentence, from: 0, before: earlier, people: people, at: quoteStart) { return found }
            // Inverted: `said Sen. Ruth Calloway: "…"`, the speaker between the verb and the quotation,
            // not the clause a verb of saying opens ("insisted the striker would stay "at least …"").
            if let last = before.last, last - verb <= 8, [":", ","].contains(sentence.tokens[last].text),
               let found = phrase(sentence, startingAt: verb + 1, people: people, at: quoteStart) { return found }
            // "said she would be "a justice for all"": the reported clause's pronoun is the speaker.
            if verb + 1 < lower.count, ["he", "she"].contains(lower[verb + 1]) { return people.latest(before: quoteStart, pronoun: lower[verb + 1]) }
        }
        // A colon opens the quote after words that are no verb of saying: "Domnitz himself put it
        // bluntly: "…"", "Lenk has now commented, telling local radio: "…"". The speaker is the
        // person the clause names.
        guard let last = before.last, sentence.tokens[last].text == ":" else { return nil }
        for index in before where isName(sentence.tokens[index]) {
            if let person = people.canonical(Grammar.strippingPossessive(sentence.tokens[index].text)) { return person }
        }
        // A name the text gives only here, opening the sentence: "Domnitz himself put it bluntly:".
        guard let first = before.first, isName(sentence.tokens[first]), !Grammar.stops.contains(lower[first]), !Gazetteer.isCommonWord(lower[first]),
              !EntityExtractor.isTitle(lower[first]) else { return nil }
        var end = first
        while end + 1 < last, isName(sentence.tokens[end + 1]) { end += 1 }
        return people.speaker(named: sentence.tokens[first...end].map(\.text))
    }

    // MARK: - Attribution from neighbours

    /// A sentence that introduces what follows: it names a speaker as the
    /// subject of a verb of saying ("Lithuanian President Rasa Jankauskiene
    /// said her country …", "He added:").
    private static func introduction(_ sentence: TokenizedSentence, people: PersonMentions) -> String? {
        let lower = sentence.lower
        guard let verb = lower.indices.first(where: { isSpeechVerb(lower[$0]) || pressVerbs.contains(lower[$0]) }) else { return nil }
        return subject(sentence, from: 0, before: verb, people: people, at: sentence.sentence.utf8Range.lowerBound + sentence.tokens[verb].utf8Range.lowerBound)
    }

    /// The next sentence attributing what came before: "That is what X said", "X said."
    private static func followingAttribution(_ sentence: TokenizedSentence, people: PersonMentions) -> String? {
        let lower = sentence.lower
        guard lower.count <= 8, let verb = lower.indices.first(where: { isSpeechVerb(lower[$0]) }) else { return nil }
        return subject(sentence, from: 0, before: verb, people: people, at: sentence.sentence.utf8Range.lowerBound)
    }

    /// `BRODY (voice-over):`, `SEN. DANA REYES (D-NY):`, `HANSI LO WANG, BYLINE:`: a transcript turn's speaker.
    private static func turnSpeaker(_ unit: TokenizedSentence) -> String? {
        let tokens = unit.tokens
        var index = 0
        var name: [String] = []
        while index < tokens.count, tokens[index].kind == .word, tokens[index].text.count > 1 || index > 0,
              !tokens[index].text.unicodeScalars.contains(where: { $0.properties.isLowercase }) {
            name.append(tokens[index].text)
            index += 1
            if index < tokens.count, tokens[index].text == "." { index += 1 }
        }
        guard !name.isEmpty, index < tokens.count else { return nil }
        // Skip ", ROLE" or "(…)" up to the colon.
        var cursor = index
        while cursor < tokens.count, cursor - index < 8, tokens[cursor].text != ":" { cursor += 1 }
        guard cursor < tokens.count, tokens[cursor].text == ":" else { return nil }
        let words = name.filter { EntityExtractor.abbreviations[$0.lowercased()] == nil }
        return words.last.map { $0.capitalized }
    }

    // MARK: - Phrases

    /// The subject of a verb of saying at `verb`, reading back from it: a
    /// name (with its apposition skipped: "Ashcombe, the adviser, said"), a
    /// pronoun resolved to the last person named before `at`, or a noun
    /// phrase ("the company", "Bluestone's lawyers", "officials").
    private static func subject(_ sentence: TokenizedSentence, from start: Int, before verb: Int,
                                people: PersonMentions, at position: Int) -> String? {
        let lower = sentence.lower, tokens = sentence.tokens
        // "…, saying it would …": the subject is the clause's, at its start.
        if lower[verb].hasSuffix("ing"), verb > start, tokens[verb - 1].text == "," {
            var first = start
            while first < verb, tokens[first].kind != .word || !isName(tokens[first]) && !["he", "she"].contains(lower[first]) { first += 1 }
            guard first < verb else { return nil }
            if ["he", "she"].contains(lower[first]) { return people.latest(before: position, pronoun: lower[first]) }
            // Over titles in lower case between the words of a name: "Board chair Marta Ellingsen defended …, saying".
            var last = first
            while last + 1 < verb, isName(tokens[last + 1]) || tokens[last + 1].text == "."
                    || EntityExtractor.isTitle(lower[last + 1]) && last + 2 < verb && isName(tokens[last + 2]) { last += 1 }
            return people.speaker(named: tokens[first...last].map(\.text).filter { $0 != "." && !EntityExtractor.isTitle($0.lowercased()) })
        }
        var end = verb
        // Back over auxiliaries and adverbs ("has just said"); a capitalised word is a name ("Long said").
        while end > start, Grammar.auxiliaries.contains(lower[end - 1])
                || tokens[end - 1].text == lower[end - 1] && Lexicon.isAdverb(lower[end - 1]) && !conjunctions.contains(lower[end - 1]) { end -= 1 }
        // Back over an acronym in parentheses: "Korean Central News Agency (KCNA) said".
        if end - 3 >= start, tokens[end - 1].text == ")", tokens[end - 3].text == "(" { end -= 3 }
        guard end > start else { return nil }
        // "X, the national security adviser, said", "X, reading the judgment of the panel, said":
        // back over an apposition or a phrase set off by commas.
        // Each in turn: "Sen. Lorraine Whitcomb, R-Ky., who led the opposition, said".
        for _ in 0..<3 {
            guard end > start, tokens[end - 1].text == ",", let comma = (start..<(end - 1)).last(where: { tokens[$0].text == "," }),
                  end - 1 - comma <= 14, comma + 1 < end - 1,
                  ["the", "a", "an"].contains(lower[comma + 1]) || tokens[comma + 1].kind == .number || !isName(tokens[comma + 1])
                    || isPartyCode(tokens[comma + 1].text)
                    // "in Hamilton, Ontario, who …": a place's state or province.
                    || comma + 2 == end - 1 && Gazetteer.places.contains(lower[comma + 1]) && people.canonical(tokens[comma + 1].text) == nil
            else { break }
            end = comma + 1   // the comma before the phrase stays, for the next phrase or to be dropped below
        }
        if end > start, tokens[end - 1].text == "," { end -= 1 }
        guard end > start else { return nil }
        let last = end - 1
        if ["he", "she"].contains(lower[last]) { return people.latest(before: position, pronoun: lower[last]) }
        if ["they", "we", "it", "i", "you"].contains(lower[last]) { return nil }
        // "The Minister of Transport and Infrastructure", "the Chief Executive of the council": an
        // office named by its portfolio speaks, not the portfolio's last word.
        if let office = officeStart(sentence, from: start, endingAt: last) {
            let words = tokens[office...last].map(\.text).joined(separator: " ")
            return people.holder(of: words) ?? words
        }
        if isName(tokens[last]) {
            var first = last
            while first > start, isName(tokens[first - 1]) || tokens[first - 1].text == "." && first - 2 >= start && isName(tokens[first - 2]) { first -= 1 }
            // "Observers from the European Union", "strategists at Goldman Sachs": the people who spoke.
            var before = first - 1
            if before > start, lower[before] == "the" { before -= 1 }
            if before > start, ["from", "at", "with", "of"].contains(lower[before]), tokens[before - 1].kind == .word,
               !isName(tokens[before - 1]) || Gazetteer.isCommonWord(lower[before - 1]),
               QuotationExtractor.groupNouns.contains(lower[before - 1]) || lower[before - 1].hasSuffix("s") {
                return lower[before - 1]
            }
            // "The Prime Minister has called this …", "the new Home Secretary said": an office speaks, its
            // holder if the text gives the office, word for word, to one person.
            let office = tokens[first...last].map(\.text).filter { $0 != "." }.drop { Grammar.determiners.contains($0.lowercased()) }
            if people.canonical(tokens[last].text) == nil, EntityExtractor.isTitle(lower[last]), !office.isEmpty {
                if let holder = people.holder(of: office.joined(separator: " ")) { return holder }
                if office.count > 1 || office.allSatisfy({ EntityExtractor.isTitle($0.lowercased()) }) { return office.joined(separator: " ") }
            }
            let words = tokens[first...last].map(\.text).filter { $0 != "." }
                .filter { !EntityExtractor.isTitle($0.lowercased()) || $0 == tokens[last].text }
            return people.speaker(named: words)
        }
        // A noun phrase: "the company", "a police spokesperson", "the artists' lawyers", "officials".
        guard tokens[last].kind == .word, !Grammar.stops.contains(lower[last]), lower[last].count > 2 else { return nil }
        var first = last
        while first > start, tokens[first - 1].kind == .word || tokens[first - 1].text == "'" || tokens[first - 1].text == "’",
              !Grammar.stops.contains(lower[first - 1]) || Grammar.determiners.contains(lower[first - 1]), last - first < 5 {
            first -= 1
            if Grammar.determiners.contains(lower[first]) { break }
        }
        // "the judge said", "the chief inspector told reporters": the one person the text gives that office.
        if let holder = people.holder(of: lower[first...last].joined(separator: " ")) { return holder }
        if first == last, lower[last].hasSuffix("s") == false, !groupNouns.contains(lower[last]) { return nil }
        return lower[last]
    }

    /// The speaker named after a verb or "according to": a name with its
    /// titles ("Sen. Ruth Calloway"), or a noun phrase ("the company").
    private static func phrase(_ sentence: TokenizedSentence, startingAt index: Int, people: PersonMentions, at position: Int) -> String? {
        let lower = sentence.lower, tokens = sentence.tokens
        guard index < tokens.count else { return nil }
        if ["he", "she"].contains(lower[index]) { return people.latest(before: position, pronoun: lower[index]) }
        if isName(tokens[index]) {
            var end = index, portfolio = false
            while end < tokens.count, isName(tokens[end]) || tokens[end].text == "." && end > index && end + 1 < tokens.count && isName(tokens[end + 1])
                    || EntityExtractor.isTitle(lower[end]) && end + 1 < tokens.count && (isName(tokens[end + 1]) || EntityExtractor.isTitle(lower[end + 1])) {
                end += 1
                // "said Director of Public Works Carla Membrere": an office's portfolio, then the name.
                if end + 1 < tokens.count, ["of", "for", "and", "&"].contains(lower[end]), isName(tokens[end + 1]),
                   (index..<end).allSatisfy({ EntityExtractor.isTitle(lower[$0]) }) || portfolio {
                    portfolio = true
                    end += 1
                }
            }
            let words = tokens[index..<end].map(\.text).filter { $0 != "." && !EntityExtractor.isTitle($0.lowercased()) }
            // After a portfolio the name is the person the text knows, or the last two words.
            if portfolio, words.count > 2, people.canonical(words[words.count - 1]) == nil { return words.suffix(2).joined(separator: " ") }
            return people.speaker(named: words)
        }
        // "said the company", "said a spokesperson for the ministry"; "said her son, Nikos Haldane": the name.
        var end = index
        while end < tokens.count, tokens[end].kind == .word,
              !["for", "of", "in", "on", "at", "who", "that", "and", "by"].contains(lower[end]) || end == index,
              !(end > index + 1 && lower[end].hasSuffix("ed")) {
            end += 1
        }
        // "said regional transport minister Tomas Greville": a title in lowercase, then the name.
        if let first = (index..<end).first(where: { isName(tokens[$0]) }) {
            var last = first
            while last + 1 < end, isName(tokens[last + 1]) { last += 1 }
            return people.speaker(named: tokens[first...last].map(\.text))
        }
        if end + 1 < tokens.count, tokens[end].text == ",", isName(tokens[end + 1]) {
            var last = end + 1
            while last + 1 < tokens.count, isName(tokens[last + 1]) { last += 1 }
            return people.speaker(named: tokens[(end + 1)...last].map(\.text))
        }
        guard end > index, !Grammar.stops.contains(lower[end - 1]) || Grammar.determiners.contains(lower[index]) else { return nil }
        let head = lower[end - 1]
        return Grammar.determiners.contains(lower[index]) || groupNouns.contains(head) ? head : nil
    }

    /// Words that join two verbs of one subject ("said … but cautioned"), never adverbs before a verb here.
    private static let conjunctions: Set<String> = ["and", "but", "or", "yet", "so"]

    /// "R-Ohio", "D-N.Y.": a lawmaker's party and state, not a name.
    private static func isPartyCode(_ text: String) -> Bool {
        text.count >= 3 && ["R-", "D-", "I-"].contains(String(text.prefix(2)))
    }

    private static func isName(_ token: WordToken) -> Bool {
        token.kind == .word && token.text.first?.isUppercase == true
    }

    /// Where an office named by its portfolio starts, when the words up to
    /// `last` are one: a title ("Minister", "Chief Executive", "Chief
    /// Inspector") then "of" or "for" and the portfolio ("Transport and
    /// Infrastructure", "the council", "State for Health").
    private static func officeStart(_ sentence: TokenizedSentence, from start: Int, endingAt last: Int) -> Int? {
        let lower = sentence.lower, tokens = sentence.tokens
        // A title word, or a capitalised ordinary word beside one ("Chief Inspector"), not "The".
        func isOfficeWord(_ index: Int) -> Bool {
            EntityExtractor.isTitle(lower[index])
                || isName(tokens[index]) && Gazetteer.isCommonWord(lower[index]) && !Grammar.stops.contains(lower[index])
        }
        // Back over the portfolio, at most eight words, through each "of" or "for" a title stands before:
        // "Secretary of State for Health" reaches "Secretary".
        var found: Int? = nil
        var index = last
        while index > start, last - index < 8, tokens[index].kind == .word, !Grammar.auxiliaries.contains(lower[index]) {
            index -= 1
            guard ["of", "for"].contains(lower[index]), index < last else { continue }
            var office = index
            while office > start, isOfficeWord(office - 1) { office -= 1 }
            if office < index, (office..<index).contains(where: { EntityExtractor.isTitle(lower[$0]) }) { found = office }
        }
        return found
    }

    /// Whether a verb of saying other than the speaker's own ("I said") comes before a quotation in its sentence.
    private static func reportsSpeech(_ sentence: TokenizedSentence, before quoteStart: Int) -> Bool {
        let offset = quoteStart - sentence.sentence.utf8Range.lowerBound
        return sentence.tokens.indices.contains { index in
            sentence.tokens[index].utf8Range.upperBound <= offset && isSpeechVerb(sentence.lower[index])
                && !(index > 0 && ["i", "we"].contains(sentence.lower[index - 1]))
        }
    }

    static func isSpeechVerb(_ word: String) -> Bool {
        WordLists.speechVerbs.contains(word) || moreSpeechVerbs.contains(word)
    }

    private static let moreSpeechVerbs: Set<String> = [
        "says", "tells", "adds", "writes", "asks", "recalls", "argues", "notes", "continued", "continues", "testified",
        "responded", "shouted", "joked", "conceded", "admitted", "stressed", "emphasized", "emphasised", "predicted",
        "cautioned", "vowed", "promised", "complained", "quipped", "remarked", "observed", "pleaded", "countered",
    ]
    /// Verbs that introduce a statement without being verbs of saying ("welcomed the ruling, saying").
    private static let pressVerbs: Set<String> = ["welcomed", "criticised", "criticized", "praised", "saying", "briefed"]
    /// Group nouns that speak without a determiner: "officials said", "police said".
    static let groupNouns: Set<String> = [
        "officials", "police", "authorities", "analysts", "residents", "witnesses", "experts", "critics", "lawyers",
        "prosecutors", "investigators", "diplomats", "researchers", "economists", "traders", "protesters", "activists",
        "doctors", "scientists", "spokesperson", "spokesman", "spokeswoman", "organizers", "organisers", "supporters",
        "opponents", "advocates", "locals", "villagers", "survivors", "rescuers", "firefighters", "strategists",
    ]
}

/// Where each person is named in the text, so that "he said" resolves to the
/// person named most recently before it, and a surname to the full name.
struct PersonMentions {
    private var index: [String: String] = [:]          // lowercased full name or surname → full name
    private var mentions: [(position: Int, name: String)] = []
    /// Each office word ("minister", "inspector", "judge") and the people the text gives it to.
    private var offices: [String: Set<String>] = [:]

    init(people: [Fact], sentences: [TokenizedSentence]) {
        for person in people where person.kind == .person {
            index[person.value.lowercased()] = person.value
            if let surname = person.value.split(separator: " ").last { index[surname.lowercased()] = index[surname.lowercased()] ?? person.value }
        }
        for sentence in sentences {
            for (position, token) in sentence.tokens.enumerated() where token.kind == .word && token.text.first?.isUppercase == true {
                let word = Grammar.strippingPossessive(token.text).lowercased()
                guard let name = index[word] else { continue }
                // A full name counts once, at its last word.
                if position + 1 < sentence.tokens.count, let next = index[Grammar.strippingPossessive(sentence.tokens[position + 1].text).lowercased()],
                   next == name { continue }
                mentions.append((sentence.sentence.utf8Range.lowerBound + token.utf8Range.lowerBound, name))
                for office in Self.offices(of: sentence, nameEndingAt: position, words: name.split(separator: " ").count) {
                    offices[office, default: []].insert(name)
                }
            }
        }
        mentions.sort { $0.position < $1.position }
        // Titles the name itself carries ("colonel general Yevgeny Nikiforov"), and the title the entity reader gave it.
        for person in people where person.kind == .person {
            let titles = person.value.lowercased().split(separator: " ").map(String.init).prefix(while: EntityExtractor.isTitle)
            if let key = Self.officeKey(Array(titles)) { offices[key, default: []].insert(person.value) }
            if let title = person.title, let key = Self.officeKey(title.split(separator: " ").map(String.init)) {
                offices[key, default: []].insert(person.value)
            }
        }
    }

    /// The offices a sentence gives the name that ends at `last`, each as
    /// its words before any portfolio ("chief inspector" of "Rail
    /// Accidents", "prime minister"): the titles right before the name and the
    /// noun phrase they end ("Judge Ines Calder", "defence barrister Fiona
    /// Kerr", "sacking Transport Secretary Gareth Pugh": "secretary" and
    /// "transport secretary"), an office set before it by a comma ("the Chief Inspector
    /// of Rail Accidents, Maren Oyelaran") or after it ("Halvard Brennick, the
    /// transport minister,", "Dana Whitfield, Chief Executive Officer of
    /// Corvane"), or an office the sentence gives the name ("promoting Priya
    /// Nandakumar to Home Secretary", "brought Achebe back as Foreign
    /// Secretary", "Osei, who becomes Justice Secretary").
    private static func offices(of sentence: TokenizedSentence, nameEndingAt last: Int, words: Int) -> [String] {
        let lower = sentence.lower, tokens = sentence.tokens
        var first = last
        while first > 0, last - first + 1 < words, tokens[first - 1].kind == .word, tokens[first - 1].text.first?.isUppercase == true { first -= 1 }
        var found: [String] = []
        // The titles right before the name ("Prime Minister", "Judge"), and the whole noun phrase there, up to a
        // verb ("sacking", "said"): "defence barrister", "Council leader". Never a part of it: the "shadow
        // finance minister" is not the "finance minister".
        var before = first - 1
        while before >= 0, EntityExtractor.isTitle(lower[before]) { before -= 1 }
        if before < first - 1, let key = officeKey(Array(lower[(before + 1)..<first])) { found.append(key) }
        while before >= 0, first - 1 - before < 4, tokens[before].kind == .word, !Grammar.stops.contains(lower[before]),
              !Grammar.determiners.contains(lower[before]), !QuotationExtractor.isSpeechVerb(lower[before]),
              tokens[before].text.first?.isUppercase == true || !lower[before].hasSuffix("ing") && !lower[before].hasSuffix("ed") {
            before -= 1
        }
        if before + 1 < first, let key = officeKey(Array(lower[(before + 1)..<first]), titled: false), !found.contains(key) { found.append(key) }
        // An office's words: capitalised, titles, or joining its portfolio ("of", "and", "the").
        func isOfficeWord(_ index: Int) -> Bool {
            tokens[index].kind == .word && (tokens[index].text.first?.isUppercase == true || EntityExtractor.isTitle(lower[index])
                || ["of", "for", "and", "the"].contains(lower[index]))
        }
        func office(_ range: Range<Int>) -> String? { officeKey(range.map { lower[$0] }) }
        if first > 1, tokens[first - 1].text == "," {
            var start = first - 1
            while start > 0, first - 1 - start < 8, isOfficeWord(start - 1) { start -= 1 }
            if let named = office(start..<(first - 1)) { found.append(named) }
        }
        if last + 2 < tokens.count, tokens[last + 1].text == "," {
            var end = last + 2
            while end < tokens.count, end - last < 10, tokens[end].kind == .word, tokens[end].text != ",",
                  ["the", "a", "an"].contains(lower[last + 2]) || isOfficeWord(end) { end += 1 }
            if let named = office((last + 2)..<end) { found.append(named) }
        }
        // "… to Home Secretary", "… back as Foreign Secretary", "…, who becomes Justice Secretary": capitalised words with a title.
        var next = last + 1
        if next < tokens.count, tokens[next].text == "," { next += 1 }
        if next < tokens.count, ["who", "back"].contains(lower[next]) { next += 1 }
        if next < tokens.count, ["to", "as", "becomes", "became"].contains(lower[next]) {
            var end = next + 1
            while end < tokens.count, end - next <= 4, tokens[end].kind == .word, tokens[end].text.first?.isUppercase == true { end += 1 }
            if end > next + 1, let named = office((next + 1)..<end) { found.append(named) }
        }
        return found
    }

    /// The one person the text gives an office ("the minister", "the Chief
    /// Inspector of Rail Accidents"): a quotation attributed to the office is
    /// that person's. The office's words must be one person's office
    /// word for word: "minister" is not the "prime minister", nor the "finance
    /// minister" the "shadow finance minister". Nil when the text gives the
    /// office to nobody, or to several.
    func holder(of office: String) -> String? {
        guard let key = Self.officeKey(office.lowercased().split(separator: " ").map(String.init), titled: false),
              let holders = offices[key], holders.count == 1 else { return nil }
        return holders.first
    }

    /// An office as its words before any portfolio, without articles or
    /// "new" ("the new Chief Inspector of Rail Accidents" → "chief
    /// inspector"), a company officer as a reader names it ("Chief Executive
    /// Officer", "CEO" → "chief executive"); nil for none, or, when `titled`,
    /// for words that hold no title.
    private static func officeKey(_ words: [String], titled: Bool = true) -> String? {
        var head = words.prefix { $0 != "of" && $0 != "for" }.filter { !["the", "a", "an", "new"].contains($0) }
        if head.count == 1, let expanded = officerAcronyms[head[0]] { head = expanded }
        if head.count > 2, head.first == "chief", head.last == "officer" { head.removeLast() }
        guard !head.isEmpty, !titled || head.contains(where: EntityExtractor.isTitle) else { return nil }
        return head.joined(separator: " ")
    }

    /// A company's officers by their initials.
    private static let officerAcronyms: [String: [String]] = [
        "ceo": ["chief", "executive"], "cfo": ["chief", "financial"], "coo": ["chief", "operating"],
        "cto": ["chief", "technology"], "cio": ["chief", "information"],
    ]

    /// The full name a surname or name refers to, if the text named that person.
    func canonical(_ name: String) -> String? { index[name.lowercased()] }

    /// A speaker given by the words of a name: the person those words (or their
    /// last one, a surname) refer to, else the words as written; nil for none.
    func speaker(named words: [String]) -> String? {
        let words = words.map(Grammar.strippingPossessive)
        guard let last = words.last else { return nil }
        // "The Minister said": an office the text gives one person.
        if canonical(last) == nil, EntityExtractor.isTitle(last.lowercased()), let holder = holder(of: last) { return holder }
        return canonical(last) ?? words.joined(separator: " ")
    }

    /// Whether the person is named within a byte range.
    func mentioned(_ name: String, in range: Range<Int>) -> Bool {
        mentions.contains { range.contains($0.position) && $0.name == name }
    }

    /// The person named most recently before a byte offset; for a pronoun,
    /// the most recent one whose given name does not rule it out ("she" is
    /// not the James named last, but the Margaret before him).
    func latest(before position: Int, pronoun: String? = nil) -> String? {
        var low = 0, high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].position < position { low = middle + 1 } else { high = middle }
        }
        guard let pronoun = pronoun?.lowercased() else { return low > 0 ? mentions[low - 1].name : nil }
        return mentions[..<low].last { !Gazetteer.nameRulesOut(pronoun: pronoun, fullName: $0.name) }?.name
    }
}

extension CharacterSet {
    /// What a quote's edges lose: the comma or full stop before the closing
    /// mark, spaces; not a percent sign, which belongs to the number ("toward 2%,").
    static let punctuationAndSpace = CharacterSet.punctuationCharacters.subtracting(CharacterSet(charactersIn: "%‰")).union(.whitespaces)
}
