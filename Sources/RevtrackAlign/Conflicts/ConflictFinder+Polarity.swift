import RevtrackFacts

/// Polarity: one outlet says a thing was done, the other that it was not.
extension ConflictFinder {
    /// The same verb affirmed in one sentence and negated just before it in
    /// the other: "certified the unofficial count" / "the count still has not
    /// been certified"; "was arrested" / "had not been arrested". Only
    /// auxiliaries and adverbs of time may stand between the negation and
    /// the verb, so a negation of another verb ("did not say whether he was
    /// arrested") negates nothing here. "No" before a noun negates the event
    /// it names ("no arrests had been made" / "was arrested"). A verb a
    /// sentence both affirms and negates says neither.
    static func polarity(_ old: SentenceWords, _ new: SentenceWords) -> OutletAlignment.Conflict? {
        let (a, b) = (events(old), events(new))
        for (stem, x) in a.sorted(by: { $0.value.at < $1.value.at }) {
            guard let y = b[stem], x.negated != y.negated else { continue }
            return .init(kind: .status, old: x.words, new: y.words)
        }
        return nil
    }

    /// One outlet says a person lived, the other that the same person died:
    /// "The driver survived the crash" / "the driver of the train was killed".
    /// Each sentence tells one fate only, and the words before the two meet
    /// ("driver").
    static func survival(_ old: SentenceWords, _ new: SentenceWords) -> OutletAlignment.Conflict? {
        let lives: Set<String> = ["survived", "survives", "alive"], dies: Set<String> = ["killed", "died", "dies", "dead"]
        func fate(_ sentence: SentenceWords) -> (word: String, lived: Bool, who: Set<String>)? {
            let lived = sentence.lower.firstIndex(where: lives.contains), died = sentence.lower.firstIndex(where: dies.contains)
            guard let at = lived ?? died, (lived == nil) != (died == nil) else { return nil }
            return (sentence.lower[at], lived != nil, sentence.meaning(around: at, before: 6, after: 0))
        }
        guard let a = fate(old), let b = fate(new), a.lived != b.lived, !a.who.isDisjoint(with: b.who) else { return nil }
        return .init(kind: .status, old: a.word, new: b.word)
    }

    /// Each participle of a sentence by its stem: whether it is negated, its words, where it stands.
    private static func events(_ sentence: SentenceWords) -> [String: (negated: Bool, words: String, at: Int)] {
        var found: [String: (negated: Bool, words: String, at: Int)] = [:], mixed: Set<String> = []
        let words = sentence.lower
        for (index, word) in words.enumerated() where word.count > 4 && (word.hasSuffix("ed") || irregularParticiples.contains(word)) {
            var back = index - 1
            while back >= 0, between.contains(words[back]) { back -= 1 }
            let negated = back >= 0 && (words[back] == "no" || ReferentTerms.isNegation(words[back]))
            // "denied that model was affected": a denial's object is neither affirmed nor negated here.
            if words[..<index].contains(where: { denials.contains($0) }) { continue }
            // "not yet released" tells when, not whether: a later capture may report it done.
            if negated, words[(back + 1)..<index].contains("yet") { continue }
            // A participle used as a verb: after an auxiliary ("was arrested") or before its object
            // ("certified the count"), not an adjective ("affected customers").
            let auxiliary = index > 0 && between.contains(words[index - 1]) && !["yet", "still", "so", "far", "ever"].contains(words[index - 1])
            let object = index + 1 < words.count && determiners.contains(words[index + 1])
            guard negated || auxiliary || object else { continue }
            let stem = ReferentTerms.stem(word)
            if let seen = found[stem], seen.negated != negated { mixed.insert(stem) }
            found[stem] = found[stem] ?? (negated, words[(negated ? back : index)...index].joined(separator: " "), index)
        }
        // "No arrests had been made", "no charges have been filed": the event named by its noun, negated.
        for index in words.indices.dropLast() where words[index] == "no" && words[index + 1].count > 4 {
            let stem = ReferentTerms.stem(words[index + 1])
            if let seen = found[stem], !seen.negated { mixed.insert(stem) }
            found[stem] = found[stem] ?? (true, "no " + words[index + 1], index)
        }
        return found.filter { !mixed.contains($0.key) }
    }

    private static let denials: Set<String> = ["denied", "denies", "deny", "disputed", "disputes", "rejected", "rejects", "dismissed", "refuted"]
    private static let determiners: Set<String> = ["the", "a", "an", "its", "their", "his", "her", "all", "every", "both"]
    /// Words that may stand between a negation and its participle: "has still not been formally certified".
    private static let between: Set<String> = [
        "be", "been", "being", "is", "are", "was", "were", "has", "have", "had", "yet", "still", "so", "far", "ever", "formally", "officially",
    ]
}
