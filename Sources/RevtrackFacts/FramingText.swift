import RevtrackText

/// A text read for framing: its sentences, the lexicon's words in it with
/// their actors, and its facts by sentence.
struct FramingText {
    struct Actor {
        /// What two outlets' actors are compared by: a place, a surname, a head noun.
        let key: String
        let name: String
    }

    struct Occurrence {
        let family: Int
        let term: String
        let phrase: String
        let sentence: Int
        let first: Int
        let last: Int
        let start: Int
        let end: Int
        var actor: Actor?

        var usage: FramingContrast.Usage {
            .init(phrase: phrase, term: term, sentence: sentence, start: start, end: end, count: 1)
        }
    }

    let sentences: [TokenizedSentence]
    private(set) var occurrences: [Occurrence] = []
    private let factsBySentence: [Int: [Fact]]
    /// Every base form any word of the text may have.
    private var lemmas: Set<String> = []

    init(_ text: SegmentedText, facts: [Fact]) {
        sentences = text.sentences.enumerated().map { TokenizedSentence(index: $0, sentence: $1) }
        factsBySentence = Dictionary(grouping: facts, by: \.sentence)
        let lexicon = FramingLexicon.shared
        for sentence in sentences {
            // Every token's possible base forms, computed once for the matches and `uses`.
            let forms = sentence.lower.map(FramingLexicon.lemmas)
            for tokenForms in forms { lemmas.formUnion(tokenForms) }
            for last in sentence.tokens.indices where sentence.tokens[last].kind == .word {
                for match in lexicon.matches(ending: last, forms: forms) {
                    let isVerb = lexicon.families[match.family].isVerb
                    var first = match.first
                    if !isVerb { first = modifiersStart(before: first, in: sentence) }
                    let range = sentence.sentence.utf8Range.lowerBound
                    var occurrence = Occurrence(
                        family: match.family, term: match.term, phrase: sentence.text(from: first, through: last),
                        sentence: sentence.index, first: match.first, last: last,
                        start: range + sentence.tokens[first].utf8Range.lowerBound,
                        end: range + sentence.tokens[last].utf8Range.upperBound)
                    if isVerb { occurrence.actor = actor(before: match.first, in: sentence) }
                    occurrences.append(occurrence)
                }
            }
        }
    }

    /// Whether any word of the text can be this term ("recapture" for "recaptured").
    func uses(_ term: String) -> Bool {
        term.split(separator: " ").allSatisfy { lemmas.contains(String($0)) }
    }

    func facts(in sentence: Int) -> [Fact] { factsBySentence[sentence] ?? [] }

    /// Tokens between a word and a fact of the same sentence (0 when they touch).
    func distance(_ occurrence: Occurrence, _ fact: Fact) -> Int {
        let sentence = sentences[occurrence.sentence]
        let offset = sentence.sentence.utf8Range.lowerBound
        let first = sentence.tokens.firstIndex { offset + $0.utf8Range.upperBound > fact.start } ?? 0
        let last = sentence.tokens.lastIndex { offset + $0.utf8Range.lowerBound < fact.end } ?? first
        if occurrence.last < first { return first - occurrence.last - 1 }
        if occurrence.first > last { return occurrence.first - last - 1 }
        return 0
    }

    /// The head noun of what a quantity counts, as an occurrence of its own.
    func countedHead(_ fact: Fact) -> Occurrence? {
        guard let counted = fact.counted, fact.unit == nil else { return nil }
        let sentence = sentences[fact.sentence]
        let offset = sentence.sentence.utf8Range.lowerBound
        // The counted phrase ends at the fact's end; its last word is the head.
        guard let last = sentence.tokens.lastIndex(where: { offset + $0.utf8Range.upperBound <= fact.end && $0.kind == .word }),
              counted.lowercased().hasSuffix(sentence.lower[last]) else { return nil }
        let word = sentence.lower[last]
        let term = FramingLexicon.shared.baseForm(of: word) ?? word
        return Occurrence(family: -1, term: term, phrase: sentence.tokens[last].text, sentence: fact.sentence,
                          first: last, last: last, start: offset + sentence.tokens[last].utf8Range.lowerBound,
                          end: offset + sentence.tokens[last].utf8Range.upperBound)
    }

    /// Adjectives and noun modifiers right before a noun ("lightning offensive", "Azeri forces").
    private func modifiersStart(before first: Int, in sentence: TokenizedSentence) -> Int {
        var start = first
        while start > 0, first - start < 2 {
            let token = sentence.tokens[start - 1], word = sentence.lower[start - 1]
            guard token.kind == .word, !Grammar.stops.contains(word), !Grammar.openers.contains(word),
                  !Grammar.determiners.contains(word), !word.hasSuffix("'s"), !word.hasSuffix("’s") else { break }
            let capitalized = token.text.first?.isUppercase == true
            guard !capitalized || WordLists.demonyms[word] != nil else { break }
            start -= 1
        }
        return start
    }

    /// Who does what a verb says: the noun phrase before it past auxiliaries
    /// and adverbs, a nationality standing for its country ("Azeri forces" →
    /// Azerbaijan), a pronoun resolved to the last place, organisation or person.
    private func actor(before verb: Int, in sentence: TokenizedSentence) -> Actor? {
        let tokens = sentence.tokens, lower = sentence.lower
        var end = verb
        while end > 0, tokens[end - 1].kind == .word,
              Grammar.auxiliaries.contains(lower[end - 1]) || lower[end - 1].hasSuffix("ly") { end -= 1 }
        guard end > 0, tokens[end - 1].kind == .word else { return nil }
        switch lower[end - 1] {
        case "it", "they": return pronoun(at: end - 1, in: sentence, kinds: [.place, .organisation])
        case "he", "she": return pronoun(at: end - 1, in: sentence, kinds: [.person])
        default: break
        }
        var start = end
        while start > 0, end - start < 5, tokens[start - 1].kind == .word, !Grammar.stops.contains(lower[start - 1]),
              !Grammar.clauseBreaks.contains(lower[start - 1]), !Grammar.openers.contains(lower[start - 1]) { start -= 1 }
        guard start < end else { return nil }
        let words = (start..<end).map { Grammar.strippingPossessive(lower[$0]) }
        let written = (start..<end).map { Grammar.strippingPossessive(tokens[$0].text) }
        let phrase = words.joined(separator: " ")
        if Gazetteer.places.contains(phrase) { return Actor(key: phrase, name: written.joined(separator: " ")) }
        if Gazetteer.places.contains(words[words.count - 1]) {
            return Actor(key: words[words.count - 1], name: written[written.count - 1])
        }
        if written[written.count - 1].first?.isLowercase == true,
           let place = words.lazy.compactMap({ WordLists.demonyms[$0] }).first(where: { $0 != "-" }) {
            return Actor(key: place.lowercased(), name: place)
        }
        return Actor(key: words[words.count - 1], name: written.joined(separator: " "))
    }

    /// The referent of "it" or "he": the nearest such entity before it in the
    /// sentence, else the first in the sentences before.
    private func pronoun(at index: Int, in sentence: TokenizedSentence, kinds: Set<Fact.Kind>) -> Actor? {
        let position = sentence.sentence.utf8Range.lowerBound + sentence.tokens[index].utf8Range.lowerBound
        if let fact = facts(in: sentence.index).last(where: { kinds.contains($0.kind) && $0.end <= position }) {
            return Self.actor(fact)
        }
        for previous in stride(from: sentence.index - 1, through: max(0, sentence.index - 3), by: -1) {
            if let fact = facts(in: previous).first(where: { kinds.contains($0.kind) }) { return Self.actor(fact) }
        }
        return nil
    }

    private static func actor(_ fact: Fact) -> Actor {
        switch fact.kind {
        case .place: Actor(key: fact.value.lowercased(), name: fact.value)
        default: Actor(key: ClaimExtractor.head(fact.value), name: fact.value)
        }
    }

}
