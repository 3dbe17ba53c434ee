import RevtrackLexicon
import RevtrackText

/// Whether an edit changes what a sentence asserts rather than how it says
/// it: the words one side has and the other lacks are compared for negation
/// (not, never, n't, without…), antonyms (WordNet, through inflections, and
/// un-/non- opposites of dictionary words) and shifts within a closed class
/// of modality or attribution (will → may, confirmed → reported). Tense and
/// number of one word ("says" → "said") are not a shift.
enum MeaningShift {
    static func changesMeaning(_ old: UnsafeBufferPointer<UInt8>, _ oldSpans: [TokenSpan], _ oldBag: WordBag,
                               _ new: UnsafeBufferPointer<UInt8>, _ newSpans: [TokenSpan], _ newBag: WordBag) -> Bool {
        let (removed, added) = difference(old, oldSpans, oldBag, new, newSpans, newBag)
        guard !removed.isEmpty || !added.isEmpty else { return false }
        if removed.count(where: isNegation) != added.count(where: isNegation) { return true }
        for table in [modals, attributions] {
            let before = Set(removed.compactMap { table[$0] }), after = Set(added.compactMap { table[$0] })
            if !before.isEmpty, !after.isEmpty, before != after { return true }
        }
        // Only words that can shift meaning reach here; opposites are checked pair by pair.
        for a in removed {
            for b in added where areOpposites(a, b) { return true }
        }
        return false
    }

    /// The lowercased words only one side has (as multisets) that can shift
    /// meaning: negators, modals, verbs of attribution and words with an
    /// opposite. The sentences' sorted word hashes (their bags, which pairing
    /// has already made) are merged, and a word becomes a string only when its
    /// hash is one of those: pairing classifies every edited sentence.
    static func difference(_ old: UnsafeBufferPointer<UInt8>, _ oldSpans: [TokenSpan], _ oldBag: WordBag,
                           _ new: UnsafeBufferPointer<UInt8>, _ newSpans: [TokenSpan], _ newBag: WordBag)
        -> (removed: [String], added: [String]) {
        let a = oldBag.hashes, b = newBag.hashes
        var removedHashes: [UInt64] = [], addedHashes: [UInt64] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || i < a.count && a[i] < b[j] {
                if relevantHashes.contains(a[i]) { removedHashes.append(a[i]) }
                i += 1
            } else if i == a.count || b[j] < a[i] {
                if relevantHashes.contains(b[j]) { addedHashes.append(b[j]) }
                j += 1
            } else {
                i += 1; j += 1
            }
        }
        func words(_ hashes: [UInt64], _ bytes: UnsafeBufferPointer<UInt8>, _ spans: [TokenSpan]) -> [String] {
            hashes.compactMap { hash in
                spans.first { $0.kind == .word && WordHash.lowercased(bytes, $0.range) == hash }
                    .map { bytes.utf8String($0.range).lowercased() }
            }
        }
        return (words(removedHashes, old, oldSpans), words(addedHashes, new, newSpans))
    }

    /// Hashes (as `WordHash.lowercased` gives them) of every word that can shift meaning.
    private static let relevantHashes: Set<UInt64> = {
        var hashes = Set<UInt64>(minimumCapacity: 80_000)
        Lexicon.forEachOpposableForm { hashes.insert(WordHash.lowercased($0, 0..<$0.count)) }
        for var word in negations.union(modals.keys).union(attributions.keys) {
            hashes.insert(word.withUTF8 { WordHash.lowercased($0, 0..<$0.count) })
        }
        return hashes
    }()

    static func isNegation(_ word: String) -> Bool { negations.contains(word) }

    /// WordNet antonyms, or a dictionary word and its un-/non- opposite ("safe"/"unsafe", "non-binding").
    static func areOpposites(_ a: String, _ b: String) -> Bool {
        if b == "non-" + a || a == "non-" + b { return true }
        return Lexicon.arePrefixOpposites(a, b) || Lexicon.areAntonyms(a, b)
    }

    /// English's negators and negative contractions (closed classes of the
    /// grammar), the contractions with a straight and a curly apostrophe.
    static let negations: Set<String> = {
        let contractions = ["ain't", "aren't", "can't", "couldn't", "didn't", "doesn't", "don't", "hadn't", "hasn't",
                            "haven't", "isn't", "mightn't", "mustn't", "needn't", "shan't", "shouldn't", "wasn't",
                            "weren't", "won't", "wouldn't"]
        return Set(["not", "no", "never", "without", "nobody", "none", "nothing", "neither", "nor", "nowhere", "cannot", "non"]
                   + contractions + contractions.map { $0.replacingOccurrences(of: "'", with: "’") })
    }()

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
