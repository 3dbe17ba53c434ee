import RevtrackFacts
import RevtrackText

/// Stance: who grants in one outlet what the same party refuses in the other,
/// the disagreement a denial story turns on.
extension ConflictFinder {
    /// One source admitting or confirming what, in the other outlet, it
    /// denies: the same speaker, or a name in one and a description in the
    /// other ("Skarvik denied" / "The airline confirmed"), since the two
    /// sentences already report one thing.
    static func stance(_ old: [Fact], _ new: [Fact]) -> OutletAlignment.Conflict? {
        for a in old where a.kind == .claim {
            for b in new where b.kind == .claim {
                guard let sa = a.speaker, let sb = b.speaker, let stanceA = stance(a), let stanceB = stance(b), stanceA != stanceB,
                      FactComparison.sourceHead(sa) == FactComparison.sourceHead(sb) || named(sa) != named(sb) else { continue }
                return .init(kind: .stance, old: (a.negated == true ? "not " : "") + (a.verb ?? ""),
                             new: (b.negated == true ? "not " : "") + (b.verb ?? ""))
            }
        }
        return nil
    }

    /// A person or an organisation by name ("Marsh-Odell", "The Fiscal Council"), not a description ("the airline").
    private static func named(_ source: String) -> Bool { isName(source) || FactComparison.isOrganisation(source) }

    /// A stance the claims did not carry, read from the words: "Sandell
    /// declined to confirm media reports" / "Sandell confirmed that
    /// Quillfield has brought in advisers"; "Oduya acknowledged" / "refused
    /// to concede the point"; "admitted … would rise" / "insisted … would
    /// not go up". The words before the two verbs (who takes the stance)
    /// must meet: one party's denial is no answer to another's confirmation.
    static func stance(_ old: SentenceWords, _ new: SentenceWords) -> OutletAlignment.Conflict? {
        guard let a = stance(in: old), let b = stance(in: new), a.grants != b.grants,
              !old.meaning(before: a.at, count: 6).isDisjoint(with: new.meaning(before: b.at, count: 6)) else { return nil }
        return .init(kind: .stance, old: a.words, new: b.words)
    }

    static func stance(in sentence: SentenceWords) -> (grants: Bool, words: String, at: Int)? {
        let words = sentence.lower
        var found: [(grants: Bool, words: String, at: Int)] = []
        for (index, word) in words.enumerated() {
            let before = words[max(0, index - 3)..<index]
            let refusal = before.lastIndex { refusals.contains($0) || ReferentTerms.isNegation($0) }
            let refused = refusal != nil
            if grantingWords.contains(word) {
                let start = refusal ?? index
                found.append((!refused, words[start...index].joined(separator: " "), index))
            } else if refusingWords.contains(word), !refused {
                found.append((false, word, index))
            } else if word == "insisted" || word == "insists" {
                // "insisted the cost would not go up": a refusal; "insisted it was ready" takes no side.
                if words[(index + 1)..<min(words.count, index + 13)].contains(where: { ["not", "no", "never", "n't"].contains($0) }) {
                    found.append((false, word, index))
                }
            }
        }
        guard let first = found.first, found.allSatisfy({ $0.grants == first.grants }) else { return nil }
        return first
    }

    /// Verbs of granting what is put to one ("admitted", "confirmed"), past and present.
    private static let grantingWords: Set<String> = [
        "admitted", "admits", "admit", "acknowledged", "acknowledges", "acknowledge", "conceded", "concedes", "concede",
        "confirmed", "confirms", "confirm", "apologised", "apologized", "apologises", "apologizes", "apologise", "apologize",
    ]
    /// Verbs of refusing it.
    private static let refusingWords: Set<String> = ["denied", "denies", "rejected", "rejects", "disputed", "disputes"]
    /// Words that turn a grant into a refusal when they come just before it: "declined to confirm", "failed to
    /// admit" (besides a negation: "won't confirm", "hasn't conceded").
    private static let refusals: Set<String> = ["refused", "declined", "failed"]

    /// Whether a claim grants (true) or refuses (false) what it reports, for
    /// the verbs that take a side: admitted, confirmed / denied, rejected;
    /// a negation turns the side ("did not confirm").
    private static func stance(_ claim: Fact) -> Bool? {
        guard let verb = claim.verb else { return nil }
        let side: Bool
        if ["admit", "acknowledge", "concede", "confirm", "accept", "agree"].contains(verb) { side = true }
        else if ["deny", "reject", "dispute", "dismiss", "refute", "rebut"].contains(verb) { side = false }
        else { return nil }
        return claim.negated == true ? !side : side
    }
}
