import RevtrackLexicon
import RevtrackText

/// Whether an edit changes what a sentence asserts rather than how it says
/// it: the words one side has and the other lacks are compared for negation
/// (not, never, n't, without…), antonyms (WordNet, through inflections, and
/// un-/non- opposites of dictionary words) and shifts within a closed class
/// of modality or attribution (will → may, confirmed → reported). Tense and
/// number of one word ("says" → "said") are not a shift.
enum MeaningShift {
    static func changesMeaning(_ old: UnsafeBufferPointer<UInt8>, _ oldSpans: [TokenSpan],
                               _ new: UnsafeBufferPointer<UInt8>, _ newSpans: [TokenSpan]) -> Bool {
        let (removed, added) = difference(old, oldSpans, new, newSpans)
        guard !removed.isEmpty || !added.isEmpty else { return false }
        if removed.count(where: isNegation) != added.count(where: isNegation) { return true }
        for table in [modals, attributions] {
            let before = Set(removed.compactMap { table[$0] }), after = Set(added.compactMap { table[$0] })
            if !before.isEmpty, !after.isEmpty, before != after { return true }
        }
        // Antonyms among a bounded number of pairs: a rewritten paragraph is "wording" either way.
        guard removed.count * added.count <= 900 else { return false }
        for a in removed {
            for b in added where areOpposites(a, b) { return true }
        }
        return false
    }

    /// The lowercased words only one side has, as multisets (numbers are facts, not words).
    static func difference(_ old: UnsafeBufferPointer<UInt8>, _ oldSpans: [TokenSpan],
                           _ new: UnsafeBufferPointer<UInt8>, _ newSpans: [TokenSpan]) -> (removed: [String], added: [String]) {
        var counts: [UInt64: Int] = [:]
        for span in oldSpans where span.kind == .word { counts[WordHash.lowercased(old, span.range), default: 0] += 1 }
        for span in newSpans where span.kind == .word { counts[WordHash.lowercased(new, span.range), default: 0] -= 1 }
        var removed: [String] = [], added: [String] = []
        for span in oldSpans where span.kind == .word {
            let hash = WordHash.lowercased(old, span.range)
            if let count = counts[hash], count > 0 {
                counts[hash] = count - 1
                removed.append(old.utf8String(span.range).lowercased())
            }
        }
        for span in newSpans where span.kind == .word {
            let hash = WordHash.lowercased(new, span.range)
            if let count = counts[hash], count < 0 {
                counts[hash] = count + 1
                added.append(new.utf8String(span.range).lowercased())
            }
        }
        return (removed, added)
    }

    static func isNegation(_ word: String) -> Bool {
        negations.contains(word) || word.hasSuffix("n't") || word.hasSuffix("n’t")
    }

    /// WordNet antonyms, or a dictionary word and its un-/non- opposite ("safe"/"unsafe").
    static func areOpposites(_ a: String, _ b: String) -> Bool {
        for prefix in ["un", "non", "non-"] {
            if b == prefix + a || a == prefix + b { return Lexicon.isWord(a) && Lexicon.isWord(b) || a.hasPrefix("non-") || b.hasPrefix("non-") }
        }
        return Lexicon.areAntonyms(a, b)
    }

    /// English's negators (a closed class of the grammar).
    static let negations: Set<String> = [
        "not", "no", "never", "without", "nobody", "none", "nothing", "neither", "nor", "nowhere", "cannot", "non",
    ]

    /// Modal verbs, each its own degree of certainty or obligation.
    static let modals: [String: String] = [
        "will": "will", "would": "would", "may": "may", "might": "might", "can": "can", "could": "could",
        "should": "should", "must": "must", "shall": "shall",
    ]

    /// Verbs of attribution by what they commit the writer to; the forms of one verb are one entry.
    static let attributions: [String: String] = {
        var table: [String: String] = [:]
        for (lemma, forms) in [
            ("confirm", ["confirm", "confirms", "confirmed"]), ("report", ["report", "reports", "reported"]),
            ("allege", ["allege", "alleges", "alleged", "allegedly"]), ("claim", ["claim", "claims", "claimed"]),
            ("say", ["say", "says", "said"]), ("deny", ["deny", "denies", "denied"]), ("admit", ["admit", "admits", "admitted"]),
            ("suspect", ["suspect", "suspects", "suspected"]), ("acknowledge", ["acknowledge", "acknowledges", "acknowledged"]),
            ("insist", ["insist", "insists", "insisted"]), ("rumor", ["rumored", "rumoured"]),
        ] {
            for form in forms { table[form] = lemma }
        }
        return table
    }()
}
