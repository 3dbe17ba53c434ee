import RevtrackCore
import RevtrackFacts
import RevtrackText

/// Which sentences of two outlets report the same thing, in whatever words:
/// the pairs a reader would draw between a wire story and another outlet's
/// version of it, the copied passages among them, and what each pair agrees
/// and disagrees on.
///
/// Versions of one text pair by shared wording (`DocumentComparison`); two
/// writers paraphrase, so here a pair is scored by what survives
/// paraphrase: the rare words and numbers both sentences use (`ReferentTerms`,
/// weighted by rarity in English), the facts they share, and runs of words
/// copied from one into the other. The pairs are then chosen together, as an
/// assignment that maximises the total score; a sentence left over that
/// still reports what a paired one does (a long sentence against two short
/// ones) joins that pair.
public struct OutletAlignment: Sendable {
    public struct Pair: Sendable {
        public let old: Int
        public let new: Int
        /// How strongly the two are tied: weighted word overlap (0–1) plus facts and copying.
        public let score: Double
        /// How likely a careful reader would pair the two, as the pair model
        /// reads it (pairs stand from 0.4; a conflicting near-pair from 0.15).
        public let probability: Double
        /// Word for word or nearly: one copied the other (or both a third).
        public let copied: Bool
        /// For copied pairs, the edits between them, as between two versions.
        public let words: [WordSegment]
        /// The facts of the two sentences compared with each other.
        public let facts: [FactComparison.Entry]
        public let conflicts: [Conflict]
    }

    public struct Conflict: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            case number, date, status, duration, attribution
            /// The same source admits in one outlet what it denies in the other.
            case stance
        }
        public let kind: Kind
        public let old: String
        public let new: String
    }

    public let old: SegmentedText
    public let new: SegmentedText
    /// Conflicting pairs first, then in the old text's order.
    public let pairs: [Pair]
    /// Sentences of each side that no pair holds (furniture, bylines and credits left out).
    public let onlyOld: [Int]
    public let onlyNew: [Int]
    public let copied: CopiedText
    /// Every scored pair, old sentence → new sentence → score: what the pairs were chosen from.
    public let candidates: [Int: [Int: Double]]
    /// The pair model's features of each candidate (`PairFeatures.names`), for training it.
    public let candidateFeatures: [Int: [Int: [Double]]]
    public static var featureNames: [String] { PairFeatures.names }

    /// The scores at which sentences pair. Set on Samples/outlets/dev
    /// (`revtrack-bench align --sweep`), leaning to precision: a wrong pair
    /// misleads a reader more than a missing one.
    public struct Thresholds: Sendable {
        /// The one-to-one assignment, one of the pair model's features, takes
        /// pairs from this score: with the place bonus, about a quarter of the
        /// two sentences' weighted words in common.
        public var assignment = 0.4
        /// Two sentences pair when the pair model gives them this probability.
        /// On dev, scored story by story with models fitted without the story,
        /// 0.4 gives 0.86 / 0.74, 0.3 gives 0.83 / 0.77 and 0.5 0.89 / 0.71.
        public var pair = 0.4
        /// Two sentences that disagree on a count, a date or a speaker pair
        /// from this probability. On dev (91 outlet pairs) 0.15 adds 10 right
        /// and 6 wrong conflicts to the pairs alone; 0.05 adds 12 and 19, 0.2
        /// adds 5 and 2. It was a score of 0.35 before the pair model (8 right, 8 wrong).
        public var conflicting = 0.15
        public init() {}
    }

    /// - Parameters:
    ///   - facts: the two outlets' facts (from `FactReport`), which tie sentences and give conflicts.
    ///   - ignoring: sentences of each side to leave out (page furniture), by side (0 old, 1 new) and index.
    ///   - reference: each side's reference date, for durations against dates.
    ///   - oldCapturedFirst: whether the old side was captured before the new, when their capture times are known and differ.
    public init(old: SegmentedText, new: SegmentedText, oldFacts: [Fact], newFacts: [Fact],
                ignoring: (_ side: Int, _ sentence: Int) -> Bool = { _, _ in false },
                reference: (old: CivilDate, new: CivilDate)? = nil, oldCapturedFirst: Bool? = nil, thresholds: Thresholds = Thresholds()) {
        self.old = old
        self.new = new
        let left = [old, new].enumerated().map { side, text in
            Set(text.sentences.indices.filter { ignoring(side, $0) || Apparatus.contains(text.sentences[$0]) }).union(Apparatus.captions(in: text))
        }
        let oldKept = old.sentences.indices.filter { !left[0].contains($0) }
        let newKept = new.sentences.indices.filter { !left[1].contains($0) }
        let copied = CopiedText(old: ShingledText(old, ignoring: { left[0].contains($0) }),
                                new: ShingledText(new, ignoring: { left[1].contains($0) }))
        self.copied = copied
        let oldByIndex = Dictionary(grouping: oldFacts, by: \.sentence), newByIndex = Dictionary(grouping: newFacts, by: \.sentence)

        // The words of people's names: who is named is not what is told.
        let nameWords = Set((oldFacts + newFacts).filter { $0.kind == .person }
            .flatMap { $0.value.lowercased().split(separator: " ").map { ReferentTerms.stem(String($0)) } })
        var scores = PairScores(old: old, oldKept: oldKept, new: new, newKept: newKept, nameWords: nameWords)
        scores.addFactTies(oldFacts: oldFacts, newFacts: newFacts)
        scores.addSharedPhrases(old: old, oldKept: oldKept, new: new, newKept: newKept)
        scores.addCopies(copied, old: old, new: new)
        scores.addNeighbours(oldKept: oldKept, newKept: newKept)
        // A question reports nothing ("HOST: What was the mood in the courtroom?"), nor a turn of a few
        // words ("HOST: The freezer."): each is shown as only in its side and pairs only as a copy.
        scores.leaveOut(old: Set(oldKept.filter { Self.asks(old.sentences[$0]) }), new: Set(newKept.filter { Self.asks(new.sentences[$0]) }))
        let headlines = (old: Self.headline(old, kept: oldKept), new: Self.headline(new, kept: newKept))
        let (chosen, features, probabilities) = scores.choose(thresholds, headlines: headlines)
        candidates = scores.all
        candidateFeatures = features

        /// - Parameter found: a conflict a rule over the whole texts found for the two, kept unless the pair's own rules give one of its kind.
        func pair(_ o: Int, _ n: Int, _ score: Double, found: Conflict? = nil) -> Pair {
            let probability = probabilities[o]?[n] ?? 0
            let isCopied = scores.isCopied(o, n)
            let words = isCopied ? WordDiff.compare(old.sentences[o].normalized, new.sentences[n].normalized) : []
            let entries = FactComparison(old: oldByIndex[o] ?? [], new: newByIndex[n] ?? [], mode: .outlets)
                .resolvingConflicts(old: old, new: new, overlap: Self.pairedOverlap).entries.filter { $0.old != nil && $0.new != nil }
            var conflicts = ConflictFinder.conflicts(old: old.sentences[o], new: new.sentences[n], facts: entries,
                                                     sentenceFacts: (oldByIndex[o] ?? [], newByIndex[n] ?? []), reference: reference,
                                                     oldCapturedFirst: oldCapturedFirst, copied: isCopied)
            if let found, !conflicts.contains(where: { $0.kind == found.kind }) { conflicts.append(found) }
            return Pair(old: o, new: n, score: score, probability: probability, copied: isCopied, words: words,
                        facts: Self.agreeing(entries, with: conflicts, old: oldByIndex[o] ?? [], new: newByIndex[n] ?? []), conflicts: conflicts)
        }
        var pairs = chosen.map { pair($0.0, $0.1, $0.2) }
        // Two sentences nearly paired that disagree on a count, a date or a
        // speaker report one thing two ways: the disagreement is what a
        // reader most needs, so the pair stands though each has a partner.
        let taken = Set(chosen.map { $0.0 * new.sentences.count + $0.1 })
        let disputable: Set<Fact.Kind> = [.quantity, .date, .quote]
        func canDisagree(_ facts: [Fact]?) -> Bool { facts?.contains { disputable.contains($0.kind) } == true }
        for (o, row) in scores.all where canDisagree(oldByIndex[o]) {
            for (n, score) in row where !taken.contains(o * new.sentences.count + n) && canDisagree(newByIndex[n])
                    && probabilities[o]?[n] ?? 0 >= thresholds.conflicting
                    && !PairScores.crossesHeadline(o, n, headlines) {
                let candidate = pair(o, n, score)
                if candidate.conflicts.contains(where: { [.number, .date, .attribution].contains($0.kind) }) { pairs.append(candidate) }
            }
        }
        if let reference {
            for found in ConflictFinder.durationsAgainstDates(old: old, oldKept: oldKept, new: new, newKept: newKept, reference: reference)
            where !pairs.contains(where: { $0.old == found.old && $0.new == found.new }) {
                pairs.append(pair(found.old, found.new, scores.all[found.old]?[found.new] ?? 0, found: found.conflict))
            }
        }
        self.pairs = pairs.enumerated().sorted { a, b in
            (a.element.conflicts.isEmpty ? 1 : 0, a.element.old, a.element.new) < (b.element.conflicts.isEmpty ? 1 : 0, b.element.old, b.element.new)
        }.map(\.element)
        let pairedOld = Set(pairs.map(\.old)), pairedNew = Set(pairs.map(\.new))
        self.onlyOld = oldKept.filter { !pairedOld.contains($0) }
        self.onlyNew = newKept.filter { !pairedNew.contains($0) }
    }

    /// Whether a sentence asks or echoes rather than tells: a question (an
    /// interviewer's, a column's rhetorical one) or a transcript turn of a few words.
    static func asks(_ sentence: Sentence) -> Bool {
        let text = sentence.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.hasSuffix("?") else { return true }
        // A turn of a few words ("HOST: The freezer.", "GUEST: Very tense.") echoes or answers, and tells nothing alone.
        guard let turn = TranscriptTurn(text) else { return false }
        return WordTokenizer.tokenize(String(turn.spoken)).filter { $0.kind != .punctuation }.count < 4
    }

    /// The text's headline: its first kept sentence when it stands alone
    /// in the first paragraph without a full stop ("Seravia raises interest
    /// rates again"). A text without one starts with its lead.
    static func headline(_ text: SegmentedText, kept: [Int]) -> Int? {
        guard let first = kept.first, text.sentences[first].paragraph == 0,
              !text.sentences.contains(where: { $0.paragraph == 0 && $0 != text.sentences[first] }) else { return nil }
        let trimmed = text.sentences[first].text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = trimmed.unicodeScalars.last(where: { !"\"'\u{201D}\u{2019})".unicodeScalars.contains($0) }) else { return nil }
        return ".!?".unicodeScalars.contains(last) ? nil : first
    }

    /// Two aligned sentences already report one thing, so a date or count
    /// left over in each is compared whatever words they share (a long wire
    /// sentence against a short one that keeps only its date); shared words
    /// still choose which leftovers meet. 0.4 missed two planted dev conflicts
    /// and kept out no wrong one.
    static let pairedOverlap = 0.0

    /// A pair's facts as its conflicts read them: the fact comparison pairs
    /// two percentages or sums by their unit alone ("7% for this year" /
    /// "3.5 percent"), while a conflict rule ties the two that the words
    /// beside them show to be one ("a 4.5% rise" / "3.5 percent"); the facts
    /// shown beside the pair must not contradict the conflict shown above it.
    /// Two values the comparison calls conflicting that no conflict rule
    /// confirms ("$482,000 in bribes" / "more than $600,000 all in", a toll
    /// that rose between captures) are not shown as facts of the pair: a
    /// "≠" there would tell the reader the outlets disagree where the rules
    /// found no disagreement.
    static func agreeing(_ entries: [FactComparison.Entry], with conflicts: [Conflict], old: [Fact], new: [Fact]) -> [FactComparison.Entry] {
        var entries = entries
        for conflict in conflicts where conflict.kind == .number {
            guard let a = old.first(where: { $0.kind == .quantity && $0.text == conflict.old }),
                  let b = new.first(where: { $0.kind == .quantity && $0.text == conflict.new }) else { continue }
            let paired = entries.contains { $0.old == a && $0.new == b }
            entries.removeAll { ($0.old == a) != ($0.new == b) }
            if !paired { entries.append(.init(relation: .conflicting, old: a, new: b)) }
        }
        return entries.filter { $0.relation != .conflicting || isConflict($0, conflicts) }
    }

    public var conflictCount: Int { pairs.filter { !$0.conflicts.isEmpty }.count }
    public var copiedCount: Int { pairs.filter(\.copied).count }
}

/// Candidate pairs of sentences and their scores, sparse: only sentences
/// that share a weighted term are ever compared.
struct PairScores {
    private var scores: [Int: [Int: Double]] = [:]
    /// What each pair's score is made of, for the pair model's features.
    private(set) var parts: [Int: [Int: PairParts]] = [:]
    /// Each kept sentence's weighted terms, by side and sentence.
    private(set) var weights: (old: [Int: [String: Double]], new: [Int: [String: Double]]) = ([:], [:])
    /// The sentences that are a transcript's turns, by side.
    private(set) var turns: (old: Set<Int>, new: Set<Int>) = ([], [])
    var all: [Int: [Int: Double]] { scores }
    private var copiedPairs: Set<Int> = []
    private let newCount: Int

    init(old: SegmentedText, oldKept: [Int], new: SegmentedText, newKept: [Int], nameWords: Set<String> = []) {
        newCount = new.sentences.count
        turns = (Set(oldKept.filter { TranscriptTurn(old.sentences[$0].text) != nil }), Set(newKept.filter { TranscriptTurn(new.sentences[$0].text) != nil }))
        let oldTerms = oldKept.map { ReferentTerms.terms(of: old.sentences[$0].text) }
        let newTerms = newKept.map { ReferentTerms.terms(of: new.sentences[$0].text) }
        // A word rare in English but in every other sentence of the story
        // (its place, its protagonist) ties no two sentences in particular:
        // its weight falls with the number of sentences that use it.
        var spread: [String: Int] = [:]
        for terms in oldTerms + newTerms { for term in terms { spread[term.key, default: 0] += 1 } }
        func weight(_ term: ReferentTerms.Term) -> Double {
            min(term.weight, nameWords.contains(term.key) ? Self.nameWeight : .infinity) / Double(spread[term.key] ?? 1).squareRoot()
        }
        var postings: [String: [(sentence: Int, weight: Double)]] = [:]
        var newTotals: [Int: Double] = [:]
        for (position, index) in newKept.enumerated() {
            var total = 0.0
            for term in newTerms[position] {
                let w = weight(term)
                postings[term.key, default: []].append((index, w))
                weights.new[index, default: [:]][term.key] = w
                total += w
            }
            newTotals[index] = total
        }
        // Stories tell events in roughly the same order (the lead first), so
        // sentences at like places in their texts are likelier partners.
        var newPlace: [Int: Double] = [:], newPosition: [Int: Int] = [:]
        for (position, index) in newKept.enumerated() {
            newPlace[index] = Double(position) / Double(max(1, newKept.count - 1))
            newPosition[index] = position
        }
        for (position, index) in oldKept.enumerated() {
            var shared: [Int: Double] = [:]
            var total = 0.0
            for term in oldTerms[position] {
                let w = weight(term)
                weights.old[index, default: [:]][term.key] = w
                total += w
                for posting in postings[term.key] ?? [] { shared[posting.sentence, default: 0] += min(w, posting.weight) }
            }
            guard total > 0 else { continue }
            let place = Double(position) / Double(max(1, oldKept.count - 1))
            for (other, common) in shared {
                guard let otherTotal = newTotals[other], otherTotal > 0 else { continue }
                // Weighted Dice: the share of both sentences' weight they have in common.
                let placed = Self.placeWeight * (1 - abs(place - newPlace[other]!))
                scores[index, default: [:]][other] = 2 * common / (total + otherTotal) + placed
                parts[index, default: [:]][other] = PairParts(dice: 2 * common / (total + otherTotal), placeGap: abs(place - newPlace[other]!),
                                                              oldShare: common / total, newShare: common / otherTotal,
                                                              openings: position < 2 && (newPosition[other] ?? 2) < 2 ? 1 : 0)
            }
        }
    }

    /// A rewrite keeps the wire's order in runs: the sentence after a sure
    /// pair is likelier to pair with the sentence after its partner. A pair
    /// whose neighbour pair (the sentences before both, or after both)
    /// scores `neighbourFloor` or more gains `neighbourWeight`.
    mutating func addNeighbours(oldKept: [Int], newKept: [Int]) {
        let base = scores
        let newPosition = Dictionary(uniqueKeysWithValues: newKept.enumerated().map { ($1, $0) })
        for (position, o) in oldKept.enumerated() {
            for n in (base[o] ?? [:]).keys {
                guard let other = newPosition[n] else { continue }
                let supported = [-1, 1].contains { step in
                    let p = position + step, q = other + step
                    guard oldKept.indices.contains(p), newKept.indices.contains(q), let score = base[oldKept[p]]?[newKept[q]] else { return false }
                    return score >= Self.neighbourFloor
                }
                if supported { scores[o]![n]! += Self.neighbourWeight; parts[o, default: [:]][n, default: PairParts()].neighbour = 1 }
            }
        }
    }

    /// Set on Samples/outlets/dev.
    static let neighbourWeight = 0.1, neighbourFloor = 0.5

    /// Three words in a row that both sentences use ("had waited too long",
    /// "out of their homes"): a phrase kept through a rewrite ties two
    /// sentences even when each of its words is common. A phrase many
    /// sentences use ("said on Thursday") ties none.
    mutating func addSharedPhrases(old: SegmentedText, oldKept: [Int], new: SegmentedText, newKept: [Int]) {
        func phrases(_ text: String) -> Set<Int> {
            let words = ReferentTerms.copyWords(of: text)
            guard words.count >= 3 else { return [] }
            let meaningful = words.map(ReferentTerms.carriesMeaning)
            var found: Set<Int> = []
            for start in 0...(words.count - 3) where meaningful[start..<(start + 3)].contains(true) {
                var hasher = Hasher()
                for word in words[start..<(start + 3)] { hasher.combine(word) }
                found.insert(hasher.finalize())
            }
            return found
        }
        let oldPhrases = oldKept.map { phrases(old.sentences[$0].text) }
        let newPhrases = newKept.map { phrases(new.sentences[$0].text) }
        var postings: [Int: [Int]] = [:]
        for (position, index) in newKept.enumerated() { for phrase in newPhrases[position] { postings[phrase, default: []].append(index) } }
        var oldSpread: [Int: Int] = [:]
        for set in oldPhrases { for phrase in set { oldSpread[phrase, default: 0] += 1 } }
        for (position, index) in oldKept.enumerated() {
            var shared: [Int: Int] = [:]
            for phrase in oldPhrases[position] where oldSpread[phrase] == 1 {
                guard let partners = postings[phrase], partners.count == 1 else { continue }
                shared[partners[0], default: 0] += 1
            }
            for (other, count) in shared where scores[index]?[other] != nil {
                scores[index]![other]! += min(Self.sharedPhraseLimit, Self.sharedPhraseWeight * Double(count))
                parts[index, default: [:]][other, default: PairParts()].phrases = Double(count)
            }
        }
    }

    /// What one shared phrase adds, and what all of them may (set on Samples/outlets/dev).
    static let sharedPhraseWeight = 0.12, sharedPhraseLimit = 0.15

    /// What a like place in the two texts adds to a pair's score.
    static let placeWeight = 0.2

    /// The most a word of a person's name weighs: two sentences that name one
    /// person ("said Ruth Adeyemi" / "My guest is Ruth Adeyemi") need not tell one thing.
    static let nameWeight = 2.0

    /// Facts both sentences hold, matched as between outlets: a count, a
    /// date or a quotation ties two sentences more than their words show
    /// ("nearly 2,000" and "almost two thousand"); names are in the words
    /// already. The facts are compared once, between the whole texts.
    mutating func addFactTies(oldFacts: [Fact], newFacts: [Fact]) {
        let tying: Set<Fact.Kind> = [.quantity, .date, .quote, .claim]
        let comparison = FactComparison(old: oldFacts.filter { tying.contains($0.kind) }, new: newFacts.filter { tying.contains($0.kind) },
                                        mode: .outlets)
        var bonus: [Int: [Int: Double]] = [:]
        for entry in comparison.entries {
            guard let a = entry.old, let b = entry.new, scores[a.sentence]?[b.sentence] != nil else { continue }
            bonus[a.sentence, default: [:]][b.sentence, default: 0] += a.kind == .quote ? 0.2 : a.kind == .claim ? 0.05 : 0.08
        }
        for (o, row) in bonus {
            for (n, value) in row {
                scores[o]![n]! += min(value, Self.factTieLimit)
                parts[o, default: [:]][n, default: PairParts()].facts = value
            }
        }
    }

    /// The most shared facts add to a pair's score.
    static let factTieLimit = 0.2

    /// Sentences that share runs of copied words: a copy is the same
    /// sentence, whatever else the scores say. A copy with a clause dropped
    /// and a word or two changed ("cancelled all of its flights" / "cancelled
    /// all flights") keeps few runs of six words whole, so a pair whose words
    /// mostly recur in the other sentence in order is one too.
    mutating func addCopies(_ copied: CopiedText, old: SegmentedText, new: SegmentedText) {
        for (o, row) in copied.links {
            for (n, runs) in row {
                // Runs that cover a good part of the shorter sentence, in both.
                let shorter = min(Self.wordCount(old.sentences[o].text), Self.wordCount(new.sentences[n].text))
                guard Double(runs) >= max(2, 0.4 * Double(shorter - CopiedText.shingle + 1)),
                      copied.oldCoverage[o] >= 0.5, copied.newCoverage[n] >= 0.5 else { continue }
                markCopy(o, n, old: old.sentences[o].text, new: new.sentences[n].text, strength: Double(runs) / 100)
            }
        }
        var oldWords: [Int: [String]] = [:], newWords: [Int: [String]] = [:]
        for (o, row) in scores {
            for (n, score) in row where score >= Self.nearCopyFloor && !isCopied(o, n) {
                if oldWords[o] == nil { oldWords[o] = ReferentTerms.copyWords(of: String(Self.withoutLabel(old.sentences[o].text))) }
                if newWords[n] == nil { newWords[n] = ReferentTerms.copyWords(of: String(Self.withoutLabel(new.sentences[n].text))) }
                let (a, b) = (oldWords[o]!, newWords[n]!)
                let shorter = min(a.count, b.count)
                guard shorter >= Self.nearCopyWords, Double(Self.commonSubsequence(a, b)) >= Self.nearCopyShare * Double(shorter) else { continue }
                markCopy(o, n, old: old.sentences[o].text, new: new.sentences[n].text, strength: 0)
            }
        }
    }

    /// A near copy: candidates from this score, whose shorter sentence has
    /// this many words or more, this share of them in order in the other.
    static let nearCopyFloor = 0.35, nearCopyWords = 8, nearCopyShare = 0.9

    private mutating func markCopy(_ o: Int, _ n: Int, old: String, new: String, strength: Double) {
        // Two outlets quote one speaker word for word on their own; a
        // copy keeps the words around the quotation too.
        let outside = (Self.wordsOutsideQuotes(old), Self.wordsOutsideQuotes(new))
        let common = Set(outside.0).intersection(outside.1).count
        guard common * 2 >= Set(outside.0).count + Set(outside.1).count - 2 * common || max(outside.0.count, outside.1.count) <= 1 else {
            scores[o, default: [:]][n] = max(scores[o]?[n] ?? 0, Self.quotedOnly)
            parts[o, default: [:]][n, default: PairParts()].quoted = 1
            return
        }
        copiedPairs.insert(o * newCount + n)
        parts[o, default: [:]][n, default: PairParts()].copied = 1
        scores[o, default: [:]][n] = max(scores[o]?[n] ?? 0, 1) + strength
    }

    /// A sentence without what an outlet puts before copied words: a
    /// dateline ("BRANTHOLM, March 3 (Harbourline) - "), a speaker's label
    /// ("CLIP (DOROTA VELK, mayor): "), a time stamp ("[06:05 TUE 14 APR] ")
    /// or a lead-in ("Our top story: "), when it ends within 60 characters.
    static func withoutLabel(_ text: String) -> Substring {
        let head = text.prefix(60)
        let ends = [" - ", " \u{2014} ", " \u{2013} ", ": ", "] "].compactMap { head.range(of: $0)?.upperBound }
        return ends.min().map { text[$0...] } ?? text[...]
    }

    /// The length of the longest common subsequence of two word lists.
    static func commonSubsequence(_ a: [String], _ b: [String]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1), current = previous
        for word in a {
            for j in b.indices { current[j + 1] = word == b[j] ? previous[j] + 1 : max(previous[j + 1], current[j]) }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    func isCopied(_ o: Int, _ n: Int) -> Bool { copiedPairs.contains(o * newCount + n) }

    /// Scores of sentences that are to pair with nothing but their copies.
    mutating func leaveOut(old: Set<Int>, new: Set<Int>) {
        guard !old.isEmpty || !new.isEmpty else { return }
        for (o, row) in scores {
            for n in row.keys where (old.contains(o) || new.contains(n)) && !isCopied(o, n) { scores[o]![n] = nil }
        }
    }

    /// Two sentences sharing a quotation word for word but not its framing
    /// report one thing, as surely as a strong pair.
    static let quotedOnly = 0.6

    /// The words that say something outside a sentence's quotation marks
    /// ("…," Reyl told reporters → reyl, reporters).
    static func wordsOutsideQuotes(_ sentence: String) -> [String] {
        var outside = "", quoted = false
        for character in sentence {
            if character == "\"" || character == "\u{201C}" || character == "\u{201D}" {
                quoted = character == "\u{201C}" ? true : character == "\u{201D}" ? false : !quoted
                outside.append(" ")
            } else if !quoted {
                outside.append(character)
            }
        }
        return ReferentTerms.copyWords(of: outside).filter(ReferentTerms.carriesMeaning)
    }

    private static func wordCount(_ text: String) -> Int {
        WordTokenizer.tokenize(text).lazy.filter { $0.kind != .punctuation }.count
    }

    /// The pairs: the candidates the pair model finds likely, weighing each
    /// pair's parts, its margins over both sentences' other candidates, and
    /// whether the one-to-one assignment that maximises the total score takes
    /// it (so a sentence may pair with several, and an early sentence does not
    /// take the partner a later one needs).
    ///
    /// Headlines sum a story up, so when both texts have one they pair with
    /// each other, not with the lead that tells the same in full (that
    /// pair is the two leads'), unless one copies the other.
    func choose(_ thresholds: OutletAlignment.Thresholds, headlines: (old: Int?, new: Int?) = (nil, nil))
        -> (pairs: [(Int, Int, Double)], features: [Int: [Int: [Double]]], probabilities: [Int: [Int: Double]]) {
        var scores = scores
        for (o, row) in scores {
            for n in row.keys where Self.crossesHeadline(o, n, headlines) && !isCopied(o, n) { scores[o]![n] = nil }
        }
        var candidates: [(row: Int, column: Int, score: Double)] = []
        for (o, row) in scores { for (n, score) in row where score >= thresholds.assignment { candidates.append((o, n, score)) } }
        let rows = Array(Set(candidates.map(\.row))).sorted(), columns = Array(Set(candidates.map(\.column))).sorted()
        var chosen: [(Int, Int)]
        if rows.count * columns.count <= 250_000 {
            let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
            let columnIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
            var matrix = [[Double]](repeating: [Double](repeating: 0, count: columns.count), count: rows.count)
            for candidate in candidates { matrix[rowIndex[candidate.row]!][columnIndex[candidate.column]!] = candidate.score }
            chosen = Assignment.maximizing(matrix).map { (rows[$0.0], columns[$0.1]) }
        } else {
            chosen = Assignment.greedy(candidates)
        }
        let features = PairFeatures.of(scores, parts: parts, weights: weights, turns: turns, headlines: headlines,
                                       assigned: Set(chosen.map { $0.0 * newCount + $0.1 }), newCount: newCount)
        let probabilities = features.mapValues { $0.mapValues(PairModel.probability) }
        var pairs: [(Int, Int, Double)] = []
        for (o, row) in probabilities {
            for (n, probability) in row where probability >= thresholds.pair { pairs.append((o, n, scores[o]![n]!)) }
        }
        return (pairs.sorted { ($0.0, $0.1) < ($1.0, $1.1) }, features, probabilities)
    }

    /// Whether a pair joins a headline to a body sentence while both texts have a headline.
    static func crossesHeadline(_ o: Int, _ n: Int, _ headlines: (old: Int?, new: Int?)) -> Bool {
        guard let oh = headlines.old, let nh = headlines.new else { return false }
        return (o == oh) != (n == nh)
    }

}
