import RevtrackFacts
import RevtrackText

/// Figures edited in words both outlets share: whatever the figure counts,
/// the same words around it say the two are one.
extension ConflictFinder {
    /// A figure changed among the same words: "values the club at about $412
    /// million, including" / "about $421 million, including"; "to 12 minutes,
    /// and is expected" / "to 21 minutes, and". Wire copy republished with one
    /// number changed is the commonest disagreement between outlets, and the
    /// rules for counts and amounts, which must allow the rounding a
    /// paraphrase does ("about"), let it pass. Here the words leave no room
    /// for paraphrase: the three before the figure and the two after must be
    /// the same, so the figure is the only thing edited. A toll the later
    /// capture gives higher is an update (`grewBetweenCaptures`).
    static func editedFigure(_ old: SentenceWords, _ new: SentenceWords, _ facts: (old: [Fact], new: [Fact]),
                             oldCapturedFirst: Bool?) -> OutletAlignment.Conflict? {
        func figures(_ sentence: SentenceWords) -> [(index: Int, value: Double)] {
            sentence.lower.indices.compactMap { index in
                guard sentence.lower[index].first?.isNumber == true, let value = ReferentTerms.numberValue(sentence.lower[index]) else { return nil }
                return (index, value)
            }
        }
        let (a, b) = (figures(old), figures(new))
        guard !a.isEmpty, !b.isEmpty else { return nil }
        func context(_ sentence: SentenceWords, _ index: Int) -> (before: ArraySlice<String>, after: ArraySlice<String>) {
            (sentence.lower[max(0, index - wordsBefore)..<index], sentence.lower[(index + 1)..<min(sentence.lower.count, index + 1 + wordsAfter)])
        }
        // The fact a figure is part of, for what the conflict shows and is of.
        func fact(at index: Int, in sentence: SentenceWords, _ facts: [Fact]) -> Fact? {
            facts.first { fact in
                guard [.quantity, .date].contains(fact.kind), let (start, length) = sentence.position(of: fact) else { return false }
                return (start..<(start + length)).contains(index)
            }
        }
        for x in a {
            let around = context(old, x.index)
            guard around.before.count == wordsBefore else { continue }
            // "4.31 metres" copied as "4.3 metres" is rounded, not changed.
            for y in b where y.value != x.value && !isRounded(x.value, y.value) {
                let other = context(new, y.index)
                guard other.before.elementsEqual(around.before), other.after.elementsEqual(around.after) else { continue }
                let (f, g) = (fact(at: x.index, in: old, facts.old), fact(at: y.index, in: new, facts.new))
                if let f, let g, f.kind == .quantity, g.kind == .quantity, grewBetweenCaptures(f, g, old, new, oldCapturedFirst) { continue }
                let isDate = f?.kind == .date || g?.kind == .date
                let shown = (old: f?.text ?? old.written[x.index...].prefix(2).joined(separator: " "),
                             new: g?.text ?? new.written[y.index...].prefix(2).joined(separator: " "))
                return .init(kind: isDate ? .date : .number, old: shown.old, new: shown.new)
            }
        }
        return nil
    }

    /// Words that must be the same before and after an edited figure: three
    /// before tell what it is of ("the club at about"), two after its unit
    /// and what follows ("million, including"); a sentence may end after it.
    private static let wordsBefore = 3, wordsAfter = 2
}
