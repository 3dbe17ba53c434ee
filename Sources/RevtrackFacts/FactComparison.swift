import RevtrackCore
import RevtrackText

/// How the facts of two texts relate: for two versions of one story, which
/// changed, appeared or vanished; for two outlets, which they share, which
/// agree only approximately, which conflict and which only one reports.
public struct FactComparison: Sendable {
    public enum Relation: String, Sendable, Codable {
        // Two versions.
        case unchanged, changed, added, removed
        // Two outlets.
        case shared, consistent, conflicting, onlyOld = "only-old", onlyNew = "only-new"
    }

    public struct Entry: Sendable {
        public let relation: Relation
        public let old: Fact?
        public let new: Fact?

        public init(relation: Relation, old: Fact?, new: Fact?) {
            (self.relation, self.old, self.new) = (relation, old, new)
        }
    }

    public enum Mode: Sendable { case versions, outlets }

    public let entries: [Entry]

    /// - Parameter alignment: for versions, which new sentences each old
    ///   sentence became (from the sentence diff). Facts in aligned sentences
    ///   pair first, and a date or quote edited beyond recognition in its
    ///   sentence is still one changed fact rather than a removal and an addition.
    ///   Facts pair by what they say alone only within `FactCandidates.window`
    ///   sentences of where their sentence went, which covers any article.
    /// - Parameter ignoreCosmetic: punctuation inside a quote or claim is not
    ///   a change either (letter case, white space and quote style never are).
    public init(old: [Fact], new: [Fact], mode: Mode, alignment: SentenceAlignment = .none, ignoreCosmetic: Bool = false) {
        var vocabulary: [String: Int32] = [:]
        let oldFeatures = old.map { FactFeatures($0, vocabulary: &vocabulary) }
        let newFeatures = new.map { FactFeatures($0, vocabulary: &vocabulary) }
        let candidates = FactCandidates(new: new, features: newFeatures, mode: mode)
        let positions = Self.positions(old: old, new: new, alignment: mode == .versions ? alignment : .none)
        var used = [Bool](repeating: false, count: new.count)
        var matches = [Int?](repeating: nil, count: old.count)
        /// The best new fact for an old one; `reuse` lets it take a new fact
        /// already paired (between outlets, several mentions may agree with one:
        /// "nearly 2,000 troops" and "1,960 peacekeepers" against "nearly 2,000 personnel").
        func bestMatch(_ oldIndex: Int, reuse: Bool) -> Int? {
            let oldFact = old[oldIndex]
            let aligned = mode == .versions ? alignment[oldFact.sentence] : []
            let oldFeature = oldFeatures[oldIndex]
            var best: (index: Int, affinity: Double)? = nil
            func consider(_ index: Int) {
                guard reuse || !used[index] else { return }
                var affinity = Self.affinity(oldFact, oldFeature, new[index], newFeatures[index], mode)
                if aligned.contains(new[index].sentence) {
                    // Above any match by value alone (at most 3), so the same words keep their facts.
                    affinity += affinity > 0 ? 1.5 : Self.alignedAffinity(oldFact, new[index])
                }
                // The earliest of the best, whatever order candidates come in.
                if let best, affinity < best.affinity || affinity == best.affinity && index > best.index { return }
                if affinity > 0 { best = (index, affinity) }
            }
            candidates.aligned(oldFact.kind, in: aligned).forEach(consider)
            // A match in the sentence this one became that no match by value
            // alone can reach or tie needs no search.
            if (best?.affinity ?? 0) <= Self.highestAffinity(oldFact.kind) {
                candidates.candidates(for: oldFact, oldFeature, mode: mode,
                                      position: positions[oldFact.sentence] ?? 0).forEach(consider)
            }
            return best?.index
        }
        // One to one first, so a text compared with itself pairs every fact
        // with its own copy; then, between outlets only, what is left over
        // may agree with a fact already paired.
        for oldIndex in old.indices {
            guard let match = bestMatch(oldIndex, reuse: false) else { continue }
            used[match] = true
            matches[oldIndex] = match
        }
        if mode == .outlets {
            for oldIndex in old.indices where matches[oldIndex] == nil {
                matches[oldIndex] = bestMatch(oldIndex, reuse: true)
            }
        }
        var entries: [Entry] = []
        for (oldIndex, oldFact) in old.enumerated() {
            guard let match = matches[oldIndex] else {
                entries.append(Entry(relation: mode == .versions ? .removed : .onlyOld, old: oldFact, new: nil))
                continue
            }
            entries.append(Entry(relation: Self.relation(oldFact, new[match], mode, ignoreCosmetic: ignoreCosmetic),
                                 old: oldFact, new: new[match]))
        }
        for (index, fact) in new.enumerated() where !used[index] {
            entries.append(Entry(relation: mode == .versions ? .added : .onlyNew, old: nil, new: fact))
        }
        self.entries = entries
    }

    /// Where each old sentence with facts stands in the new text, in new
    /// sentence numbers: where the diff says it went, else as far past the last
    /// aligned sentence as it was, else at the same proportion of the text.
    static func positions(old: [Fact], new: [Fact], alignment: SentenceAlignment) -> [Int: Int] {
        let oldCount = (old.last?.sentence ?? 0) + 1, newCount = (new.last?.sentence ?? 0) + 1
        var positions: [Int: Int] = [:]
        var anchor: (old: Int, new: Int)? = nil
        for sentence in Set(old.map(\.sentence)).sorted() {
            if let target = alignment[sentence].min() {
                anchor = (sentence, target)
                positions[sentence] = target
            } else if let anchor {
                positions[sentence] = anchor.new + sentence - anchor.old
            } else {
                positions[sentence] = sentence * newCount / oldCount
            }
        }
        return positions
    }

    public func count(_ relation: Relation) -> Int { entries.filter { $0.relation == relation }.count }

    /// A count of part of a group ("two of the dead", "three of the injured"):
    /// another outlet's count of the whole group is not the same fact.
    public static func isPart(_ fact: Fact) -> Bool { fact.text.lowercased().contains(" of the ") }

    /// Whether two counts can be one referent as two outlets report it:
    /// within a factor of three. Outlets disagree on 3,000 against 4,000
    /// evacuated; "two people" against "about 300 people" count two things.
    /// (A revision may change a count by any factor: a toll rises from 2 to 20.)
    public static func mayBeOneCount(_ a: Fact, _ b: Fact) -> Bool {
        guard a.kind == .quantity, let x = a.lower, let y = b.lower, x > 0, y > 0 else { return true }
        return max(x, y) / min(x, y) <= 3
    }

    /// How strongly two facts are about the same thing (0: not at all).
    static func affinity(_ a: Fact, _ b: Fact, _ mode: Mode) -> Double {
        var vocabulary: [String: Int32] = [:]
        return affinity(a, FactFeatures(a, vocabulary: &vocabulary), b, FactFeatures(b, vocabulary: &vocabulary), mode)
    }

    static func affinity(_ a: Fact, _ fa: FactFeatures, _ b: Fact, _ fb: FactFeatures, _ mode: Mode) -> Double {
        guard a.kind == b.kind else { return 0 }
        switch a.kind {
        case .quantity:
            // Bare numbers ("kills at least 20 in …") match each other only
            // between versions of one story, where the wording around them holds.
            let bare = mode == .versions ? "∅" : nil
            guard a.unit == b.unit, let ka = fa.countedKey ?? bare, let kb = fb.countedKey ?? bare, ka == kb,
                  mode == .versions || mayBeOneCount(a, b) && isPart(a) == isPart(b) else { return 0 }
            return a.value == b.value ? 3 : overlaps(a, b) ? 2 : 1
        case .date:
            if a.resolved == b.resolved { return 3 }
            guard let pa = fa.period, let pb = fb.period else { return 0 }
            return pa.overlaps(pb) ? 1 : 0
        case .quote:
            let similarity = max(fa.wordSimilarity(fb), fa.isQuotedWithin(fb) ? 0.75 : 0)
            guard similarity >= 0.5 else { return 0 }
            return similarity + (a.speaker != nil && a.speaker == b.speaker ? 1 : 0)
        case .person:
            if fa.lowered == fb.lowered { return 3 }
            if fa.surname == fb.surname { return 2 }
            // A corrected spelling: same first name, surname one or two letters off ("Serano" → "Serrano").
            let wa = fa.nameWords, wb = fb.nameWords
            guard wa.count > 1, wa.count == wb.count, wa.first == wb.first, let sa = wa.last, let sb = wb.last,
                  min(sa.count, sb.count) >= 5, EditDistance.levenshtein(Array(sa), Array(sb)) <= 2 else { return 0 }
            return 1
        case .place:
            return fa.lowered == fb.lowered ? 3 : 0
        case .organisation:
            if fa.lowered == fb.lowered { return 3 }
            return a.acronym != nil && a.acronym == b.acronym ? 2 : 0
        case .claim:
            let similarity = fa.wordSimilarity(fb)
            let sameSource = fa.surname == fb.surname
            guard similarity >= (sameSource ? 0.3 : 0.6) else { return 0 }
            return similarity + (sameSource ? 1 : 0)
        }
    }

    /// A claim's source reduced to its head word ("Analysts at Deutsche Bank" →
    /// "analysts", "Chief Justice Maria Okonkwo" → "okonkwo").
    public static func sourceHead(_ source: String) -> String { ClaimExtractor.head(source) }

    /// Whether a source is a title alone ("Finance Minister", "the Chief
    /// Executive"): a description of someone, who may be the person another
    /// outlet names.
    public static func isTitleOnly(_ source: String) -> Bool {
        let words = source.lowercased().split(separator: " ").map(String.init).filter { !Grammar.determiners.contains($0) }
        // "Minister of Transport and Infrastructure", "Secretary of State for Health": an office and its portfolio.
        if let of = words.firstIndex(where: { $0 == "of" || $0 == "for" }), of > 0,
           words[..<of].allSatisfy(EntityExtractor.isTitle) { return true }
        return !words.isEmpty && words.allSatisfy { EntityExtractor.isTitle($0) || $0 == "of" }
    }

    /// Whether a source is an organisation by its last word ("Civil Protection
    /// Agency", "Westmarch County Council"): a quotation credited to one and
    /// to its director is one quotation, not two speakers.
    public static func isOrganisation(_ source: String) -> Bool {
        guard let last = source.split(separator: " ").last else { return false }
        return source.split(separator: " ").count > 1 && WordLists.organisationHeads.contains(String(last))
    }

    /// The last word of a name, lowercased: how a later mention names a person.
    static func surname(_ name: String) -> String {
        String(name.split(separator: " ").last ?? Substring(name)).lowercased()
    }

    /// The most `affinity` gives a pair of this kind.
    static func highestAffinity(_ kind: Fact.Kind) -> Double {
        switch kind {
        case .quote, .claim: 2   // word similarity 1, plus 1 for the same speaker
        case .quantity, .date, .person, .place, .organisation: 3
        }
    }

    /// Two facts of one kind in a sentence and its edited version that share
    /// nothing else: a corrected date, a rewritten quote, a number whose noun changed.
    static func alignedAffinity(_ a: Fact, _ b: Fact) -> Double {
        guard a.kind == b.kind else { return 0 }
        switch a.kind {
        case .quantity: return a.unit == b.unit ? 0.25 : 0
        case .date, .quote, .claim: return 0.5
        case .person, .place, .organisation: return 0   // entities match by name only
        }
    }

    static func relation(_ a: Fact, _ b: Fact, _ mode: Mode, ignoreCosmetic: Bool = false) -> Relation {
        let same: Bool
        func words(_ text: String?) -> String? { text.map { cosmetic($0, punctuation: ignoreCosmetic) } }
        switch a.kind {
        case .quantity: same = a.value == b.value
        case .date: same = a.resolved == b.resolved
        case .quote, .claim: same = words(a.value) == words(b.value) && words(a.speaker) == words(b.speaker)
        case .person: same = words(a.value) == words(b.value) && words(a.title) == words(b.title)
        case .place: same = true
        case .organisation: same = words(a.value) == words(b.value)
        }
        switch mode {
        case .versions: return same ? .unchanged : .changed
        case .outlets:
            if same { return .shared }
            switch a.kind {
            case .quantity: return overlaps(a, b) ? .consistent : .conflicting
            case .date: return .consistent      // matched only when the periods overlap
            case .quote, .claim: return .consistent   // the same words, partly
            case .person, .place, .organisation: return .consistent   // named differently
            }
        }
    }

    /// Text as a reader compares it: letter case, runs of white space, curly
    /// or straight quotes and apostrophes, and dashes do not count; with
    /// `punctuation`, no punctuation does.
    static func cosmetic(_ text: String, punctuation: Bool) -> String {
        var out = ""
        var space = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace { space = !out.isEmpty; continue }
            var kept = scalar
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201B}", "`", "\u{00B4}": kept = "'"
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}": kept = "\""
            case "\u{2013}", "\u{2014}", "\u{2212}": kept = "-"
            default: break
            }
            if punctuation, [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                             .finalPunctuation, .otherPunctuation].contains(kept.properties.generalCategory) { continue }
            if space { out.append(" "); space = false }
            out.unicodeScalars.append(kept)
        }
        return out
    }

    /// Facts that only one outlet reports but that stand in sentences saying
    /// the same thing are one referent given different values: "The vote was
    /// held in April" against "The vote was held in February" is a conflict,
    /// not two facts each outlet omits. Pairs a date or count left over on
    /// each side when their sentences share most of their words.
    ///
    /// - Parameter overlap: the share of words two sentences must have in
    ///   common; less where the sentences are already known to report one
    ///   thing (two outlets' aligned sentences).
    public func resolvingConflicts(old: SegmentedText, new: SegmentedText, overlap: Double = 0.6) -> FactComparison {
        var entries = self.entries
        var claimed = Set<Int>()
        // Each sentence's words once, however many leftover facts it holds.
        var cache: [[Int: Set<String>]] = [[:], [:]]
        func words(_ side: Int, _ sentence: Int) -> Set<String> {
            if let known = cache[side][sentence] { return known }
            let text = side == 0 ? old : new
            guard sentence < text.sentences.count else { return [] }
            let found = Set(WordTokenizer.tokenize(text.sentences[sentence].text).filter { $0.kind == .word }.map { $0.text.lowercased() }
                .filter { Grammar.months[$0] == nil && Grammar.weekdays[$0] == nil && !Grammar.stops.contains($0) })
            cache[side][sentence] = found
            return found
        }
        // Every leftover pair that may be one fact, best first, so that an
        // early "Tuesday" does not take the "June 12" that "June 11" needs.
        var candidates: [(old: Int, new: Int, score: Double)] = []
        for (i, entry) in entries.enumerated() where entry.relation == .onlyOld {
            guard let a = entry.old, a.kind == .date || a.kind == .quantity else { continue }
            let aw = words(0, a.sentence)
            guard aw.count >= 3 else { continue }
            for (j, other) in entries.enumerated() where other.relation == .onlyNew {
                guard let b = other.new, b.kind == a.kind,
                      a.kind == .date || Self.countedKey(a) == Self.countedKey(b) && Self.mayBeOneCount(a, b) && Self.isPart(a) == Self.isPart(b)
                else { continue }
                let bw = words(1, b.sentence)
                let shared = 2 * Double(aw.intersection(bw).count) / Double(aw.count + bw.count)
                guard shared >= overlap else { continue }
                // Within one pair of sentences, a date meets the date written
                // like it: "June 11" meets "June 12", not "Friday".
                let alike = a.kind == .date && a.isWrittenOut == b.isWrittenOut && a.resolved?.count == b.resolved?.count ? 0.01 : 0
                candidates.append((i, j, shared + alike))
            }
        }
        var resolved = Set<Int>()
        for candidate in candidates.sorted(by: { ($0.score, -$0.old, -$0.new) > ($1.score, -$1.old, -$1.new) }) {
            guard !resolved.contains(candidate.old), !claimed.contains(candidate.new),
                  let a = entries[candidate.old].old, let b = entries[candidate.new].new else { continue }
            resolved.insert(candidate.old)
            claimed.insert(candidate.new)
            let relation = Self.relation(a, b, .outlets)
            entries[candidate.old] = Entry(relation: relation == .shared ? .shared : Self.overlapping(a, b) ? .consistent : .conflicting, old: a, new: b)
        }
        return FactComparison(entries: entries.enumerated().filter { !claimed.contains($0.offset) }.map(\.element))
    }

    /// Entries compared elsewhere: two outlets' facts as their aligned sentences pair them.
    public init(entries: [Entry]) { self.entries = entries }

    /// Whether two dates' periods or two counts' intervals overlap.
    private static func overlapping(_ a: Fact, _ b: Fact) -> Bool {
        if a.kind == .date {
            guard let pa = a.resolved.flatMap(Period.init), let pb = b.resolved.flatMap(Period.init) else { return false }
            return pa.overlaps(pb)
        }
        return overlaps(a, b)
    }

    /// What a quantity counts, reduced to a group or head noun: "Russian
    /// peacekeepers" and "personnel" both count troops.
    static func countedKey(_ fact: Fact) -> String? {
        if let state = fact.state { return "state:\(state)" }
        guard let counted = fact.counted?.lowercased() else { return fact.unit }
        let beforeOf = counted.components(separatedBy: " of ").first ?? counted
        let words = beforeOf.split(separator: " ").map(String.init)
        if let state = words.lazy.compactMap({ WordLists.states[$0] }).first { return "state:\(state)" }
        let head = words.last ?? beforeOf
        if let group = WordLists.countedGroups[head] ?? WordLists.countedGroups[beforeOf] { return "group:\(group)" }
        return head.hasSuffix("s") ? String(head.dropLast()) : head
    }

    static func overlaps(_ a: Fact, _ b: Fact) -> Bool {
        guard let al = a.lower, let bl = b.lower else { return false }
        let au = a.upper ?? .infinity, bu = b.upper ?? .infinity
        return al <= bu && bl <= au
    }
}
