import RevtrackText

/// One referent that two outlets name with different words of one family:
/// Azerbaijan "recaptured" Karabakh in one and "liberated" it in the other; a
/// "lightning offensive" last September against "anti-terrorist operations"
/// in the fall of 2023. Agreeing on the facts while choosing the words is
/// what framing is, and it is what a fact comparison alone cannot show.
public struct FramingContrast: Sendable, Hashable, Codable {
    public struct Usage: Sendable, Hashable, Codable {
        /// The words as the outlet wrote them, with their modifiers ("lightning offensive").
        public let phrase: String
        /// The family member in its base form ("offensive", "recapture").
        public let term: String
        /// Sentence index and UTF-8 range of the first use.
        public let sentence: Int
        public let start: Int
        public let end: Int
        /// How many uses of the term for this referent.
        public internal(set) var count: Int
    }

    /// The word family ("taking territory", "armed group", "what is counted").
    public let family: String
    public internal(set) var old: Usage
    public internal(set) var new: Usage
    /// What both name: the actor ("Azerbaijan") or the facts both sentences
    /// share ("last September" / "fall of 2023").
    public let referent: String

    /// Contrasts between two outlets' texts. A pair counts only when the
    /// texts support it: the same actor for verbs, or a shared fact near the
    /// words (a date, a person, a quotation; places weigh less) for nouns, and
    /// each outlet avoids the other's word entirely.
    public static func find(old: SegmentedText, new: SegmentedText, oldFacts: [Fact], newFacts: [Fact],
                            comparison: FactComparison) -> [FramingContrast] {
        let oldSide = FramingText(old, facts: oldFacts), newSide = FramingText(new, facts: newFacts)
        var contrasts: [FramingContrast] = []
        var uses: [(old: Set<Int>, new: Set<Int>)] = []
        var index: [String: Int] = [:]
        func add(_ family: String, _ a: FramingText.Occurrence, _ b: FramingText.Occurrence, referent: String) {
            let key = a.term + "\u{0}" + b.term
            guard let existing = index[key] else {
                index[key] = contrasts.count
                contrasts.append(FramingContrast(family: family, old: a.usage, new: b.usage, referent: referent))
                uses.append(([a.start], [b.start]))
                return
            }
            uses[existing].old.insert(a.start)
            uses[existing].new.insert(b.start)
        }
        countedNouns(oldSide, newSide, comparison, add)
        for a in oldSide.occurrences {
            guard !newSide.uses(a.term) else { continue }
            var best: (b: FramingText.Occurrence, score: Double, distance: Int, referent: String)? = nil
            for b in newSide.occurrences where b.family == a.family && b.term != a.term && !oldSide.uses(b.term) {
                guard let (score, distance, referent) = support(a, oldSide, b, newSide), score >= 3 else { continue }
                if best == nil || score > best!.score || (score == best!.score && distance < best!.distance) {
                    best = (b, score, distance, referent)
                }
            }
            if let best { add(FramingLexicon.shared.families[a.family].name, a, best.b, referent: best.referent) }
        }
        for (index, counted) in uses.enumerated() {
            contrasts[index].old.count = counted.old.count
            contrasts[index].new.count = counted.new.count
        }
        return contrasts.sorted { ($0.old.start, $0.new.start) < ($1.old.start, $1.new.start) }
    }

    /// The same count named by different nouns ("nearly 2,000 of its troops",
    /// "nearly 2,000 personnel"), from the quantities the comparison paired.
    private static func countedNouns(_ old: FramingText, _ new: FramingText, _ comparison: FactComparison,
                                     _ add: (String, FramingText.Occurrence, FramingText.Occurrence, String) -> Void) {
        for entry in comparison.entries where [.shared, .consistent, .conflicting].contains(entry.relation) {
            guard let a = entry.old, let b = entry.new, a.kind == .quantity,
                  let oa = old.countedHead(a), let ob = new.countedHead(b), oa.term != ob.term,
                  !new.uses(oa.term), !old.uses(ob.term) else { continue }
            let family = FramingLexicon.shared.family(of: oa.term, and: ob.term) ?? "what is counted"
            add(family, oa, ob, a.value == b.value ? a.value : a.value + " / " + b.value)
        }
    }

    /// How well two uses are tied to one referent: (score, distance, referent).
    private static func support(_ a: FramingText.Occurrence, _ old: FramingText,
                                _ b: FramingText.Occurrence, _ new: FramingText) -> (Double, Int, String)? {
        var score = 0.0
        var actor: String? = nil
        if FramingLexicon.shared.families[a.family].isVerb, let actorA = a.actor, let actorB = b.actor {
            guard actorA.key == actorB.key else { return nil }
            score += 3
            actor = actorA.name
        }
        var distance = Int.max
        var anchor: (value: Double, text: String)? = nil
        for factA in old.facts(in: a.sentence) where factA.kind != .quantity {
            var contribution = 0.0
            for factB in new.facts(in: b.sentence) where factB.kind == factA.kind {
                guard FactComparison.affinity(factA, factB, .outlets) > 0 else { continue }
                let (gapA, gapB) = (old.distance(a, factA), new.distance(b, factB))
                let weight: Double = factA.kind == .place ? 1 : 3
                let value = gapA <= 6 && gapB <= 6 ? weight : weight / 3
                contribution = max(contribution, value)
                distance = min(distance, gapA + gapB)
                if value > anchor?.value ?? 0 {
                    anchor = (value, factA.text == factB.text ? factA.text : "“\(factA.text)” / “\(factB.text)”")
                }
            }
            score += contribution
        }
        guard let referent = actor ?? anchor?.text else { return nil }
        return (score, distance, referent)
    }
}

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
        if WordLists.places.contains(phrase) { return Actor(key: phrase, name: written.joined(separator: " ")) }
        if WordLists.places.contains(words[words.count - 1]) {
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

/// The word families of `framing-terms.tsv`, indexed by the last word of each form.
struct FramingLexicon: Sendable {
    struct Family: Sendable {
        let name: String
        let isVerb: Bool
    }

    struct Match {
        let family: Int
        let term: String
        let first: Int
    }

    /// One written form of a member: its words and the member's base form.
    private struct Form: Sendable {
        let family: Int
        let words: [String]
        let term: String
    }

    static let shared = FramingLexicon(rows: WordLists.framingFamilies)

    let families: [Family]
    private let formsByLast: [String: [Form]]
    private let familiesOfTerm: [String: Set<Int>]

    init(rows: [[String]]) {
        var families: [Family] = []
        var forms: [String: [Form]] = [:]
        var familiesOfTerm: [String: Set<Int>] = [:]
        for row in rows where row.count >= 3 {
            let family = families.count
            families.append(Family(name: row[0], isVerb: row[1] == "verb"))
            for member in row.dropFirst(2) {
                let variants = member.split(separator: "|").map { $0.split(separator: " ").map(String.init) }
                let term = variants[0].joined(separator: " ")
                familiesOfTerm[term, default: []].insert(family)
                for words in variants where !words.isEmpty {
                    forms[words[words.count - 1], default: []].append(Form(family: family, words: words, term: term))
                }
            }
        }
        self.families = families
        self.formsByLast = forms.mapValues { $0.sorted { $0.words.count > $1.words.count } }
        self.familiesOfTerm = familiesOfTerm
    }

    /// The longest member of each family ending at token `last`; `forms`
    /// holds each token's possible base forms (`lemmas`).
    func matches(ending last: Int, forms: [[String]]) -> [Match] {
        var found: [Int: Match] = [:]
        for lemma in forms[last] {
            for form in formsByLast[lemma] ?? [] {
                let first = last - form.words.count + 1
                guard first >= 0, (0..<(form.words.count - 1)).allSatisfy({ forms[first + $0].contains(form.words[$0]) }) else { continue }
                if let existing = found[form.family], existing.first <= first { continue }
                found[form.family] = Match(family: form.family, term: form.term, first: first)
            }
        }
        return found.values.sorted { $0.family < $1.family }
    }

    /// The member a single word is a form of, in any family ("troops" → "troops", "soldiers" → "soldier").
    func baseForm(of word: String) -> String? {
        for lemma in Self.lemmas(word) {
            if let form = formsByLast[lemma]?.first(where: { $0.words.count == 1 }) { return form.term }
        }
        return nil
    }

    /// A family both words belong to.
    func family(of a: String, and b: String) -> String? {
        guard let shared = familiesOfTerm[a]?.intersection(familiesOfTerm[b] ?? []).min() else { return nil }
        return families[shared].name
    }

    /// The forms a word may be inflected from: itself, and without regular
    /// endings ("liberated" → "liberate", "shelling" → "shell", "casualties" → "casualty").
    static func lemmas(_ word: String) -> [String] {
        let word = Grammar.strippingPossessive(word)
        var forms = [word]
        func strip(_ suffix: String, add: String = "") {
            guard word.hasSuffix(suffix), word.count > suffix.count + 2 else { return }
            let stem = String(word.dropLast(suffix.count))
            forms.append(stem + add)
            // A doubled consonant: "shelled", "stopped", "planning".
            if add.isEmpty, let last = stem.last, stem.dropLast().last == last, !"aeiousl".contains(last) {
                forms.append(String(stem.dropLast()))
            }
        }
        strip("ies", add: "y"); strip("ied", add: "y")
        strip("es"); strip("s")
        strip("ed"); strip("d")
        strip("ing"); strip("ing", add: "e")
        return forms
    }
}
