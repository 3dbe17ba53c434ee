import RevtrackText

/// Direct quotations in straight or curly marks, full or partial, with their
/// speaker: after the quote (`…," Nikiforov said`, `…," said Nikiforov`),
/// before it (`Valiyev said Russia had made "…"`), or a pronoun (`…," he said`)
/// resolved to the last named speaker. A quote with no speaker nearby (scare
/// quotes, slogans) has none.
enum QuotationExtractor {
    static func extract(_ sentences: [TokenizedSentence], text: String) -> [Fact] {
        let bytes = Array(text.utf8)
        var facts: [Fact] = []
        var lastSpeaker: String? = nil
        var byParagraph: [Int: [TokenizedSentence]] = [:]
        for sentence in sentences { byParagraph[sentence.sentence.paragraph, default: []].append(sentence) }
        for paragraph in byParagraph.keys.sorted() {
            let members = byParagraph[paragraph]!
            let range = members.first!.sentence.utf8Range.lowerBound..<members.last!.sentence.utf8Range.upperBound
            for span in quoteSpans(bytes, range) {
                guard let opening = members.first(where: { $0.sentence.utf8Range.contains(span.open) }),
                      let closing = members.last(where: { $0.sentence.utf8Range.contains(span.close - 1) }) else { continue }
                let inner = String(decoding: bytes[span.innerStart..<span.innerEnd], as: UTF8.self)
                guard !inner.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                var fact = Fact(kind: .quote, text: String(decoding: bytes[span.open..<span.close], as: UTF8.self),
                                value: inner.trimmingCharacters(in: CharacterSet.punctuationAndSpace),
                                sentence: opening.index, start: span.open, end: span.close)
                var speaker = speakerAfter(closing, quoteEnd: span.close)
                if speaker == nil { speaker = speakerBefore(opening, quoteStart: span.open) }
                if let found = speaker {
                    if ["he", "she"].contains(found.lowercased()) {
                        speaker = lastSpeaker
                    } else {
                        lastSpeaker = found
                    }
                }
                fact.speaker = speaker
                facts.append(fact)
            }
            // A named subject of a speech verb outside quotes also sets the pronoun referent.
            for sentence in members {
                for (index, word) in sentence.lower.enumerated() where WordLists.speechVerbs.contains(word) {
                    if let name = capitalizedRun(sentence, endingBefore: index) { lastSpeaker = name }
                }
            }
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

    /// `," he said`, `," Nikiforov said`, `," said Colonel General Nikiforov`.
    private static func speakerAfter(_ sentence: TokenizedSentence, quoteEnd: Int) -> String? {
        let offset = quoteEnd - sentence.sentence.utf8Range.lowerBound
        guard let first = sentence.tokens.firstIndex(where: { $0.utf8Range.lowerBound >= offset }) else { return nil }
        var index = first
        while index < sentence.tokens.count, sentence.tokens[index].kind == .punctuation { index += 1 }
        guard index < sentence.tokens.count else { return nil }
        if WordLists.speechVerbs.contains(sentence.lower[index]) {
            return capitalizedRun(sentence, startingAt: index + 1)
        }
        if ["he", "she", "they"].contains(sentence.lower[index]), index + 1 < sentence.tokens.count,
           WordLists.speechVerbs.contains(sentence.lower[index + 1]) {
            return sentence.tokens[index].text
        }
        var end = index
        while end < sentence.tokens.count, isNameToken(sentence.tokens[end]) { end += 1 }
        if end > index, end < sentence.tokens.count, WordLists.speechVerbs.contains(sentence.lower[end]) {
            return sentence.tokens[index..<end].map(\.text).joined(separator: " ")
        }
        return nil
    }

    /// `Valiyev said Russia had made "…"`, `Nikiforov said: "…"`: a speech verb
    /// before the quote in the same sentence, and the name just before the verb.
    private static func speakerBefore(_ sentence: TokenizedSentence, quoteStart: Int) -> String? {
        let offset = quoteStart - sentence.sentence.utf8Range.lowerBound
        let before = sentence.tokens.indices.filter { sentence.tokens[$0].utf8Range.upperBound <= offset }
        guard let verb = before.last(where: { WordLists.speechVerbs.contains(sentence.lower[$0]) }) else { return nil }
        if let name = capitalizedRun(sentence, endingBefore: verb) { return name }
        if verb > 0, ["he", "she"].contains(sentence.lower[verb - 1]) { return sentence.tokens[verb - 1].text }
        return nil
    }

    /// The run of capitalized words ending just before `index` (skipping one comma).
    static func capitalizedRun(_ sentence: TokenizedSentence, endingBefore index: Int) -> String? {
        var end = index
        if end > 0, sentence.tokens[end - 1].text == "," { end -= 1 }
        var start = end
        while start > 0, isNameToken(sentence.tokens[start - 1]) { start -= 1 }
        guard end - start >= 1, !(end - start == 1 && start == 0 && !looksLikeName(sentence.tokens[start].text)) else { return nil }
        return sentence.tokens[start..<end].map(\.text).joined(separator: " ")
    }

    /// The name phrase starting at `index`, role words included ("Loulé mayor Joaquim Serrano").
    private static func capitalizedRun(_ sentence: TokenizedSentence, startingAt index: Int) -> String? {
        var end = index
        while end < sentence.tokens.count,
              isNameToken(sentence.tokens[end]) || (end > index && WordLists.roles.contains(sentence.lower[end])) { end += 1 }
        while end > index, !isNameToken(sentence.tokens[end - 1]) { end -= 1 }
        return end > index ? sentence.tokens[index..<end].map(\.text).joined(separator: " ") : nil
    }

    private static func isNameToken(_ token: WordToken) -> Bool {
        token.kind == .word && token.text.first?.isUppercase == true && !token.text.hasSuffix("'s") && !token.text.hasSuffix("’s")
    }

    /// A single capitalized word at a sentence start is a name only if it is
    /// not a common sentence opener ("The", "It").
    private static func looksLikeName(_ word: String) -> Bool {
        !["The", "It", "This", "That", "A", "An", "He", "She", "They", "We", "But", "And"].contains(word)
    }
}

import Foundation

extension CharacterSet {
    /// What a quote's edges lose: the comma or full stop before the closing
    /// mark, spaces; not a percent sign, which belongs to the number ("toward 2%,").
    static let punctuationAndSpace = CharacterSet.punctuationCharacters.subtracting(CharacterSet(charactersIn: "%‰")).union(.whitespaces)
}
