import Testing
import RevtrackTestSupport
import RevtrackText
import RevtrackCore
@testable import RevtrackFacts

/// The pairing `FactComparison` made before candidates were indexed: every old
/// fact, in order, against every new fact, the earliest of the best winning.
/// Candidate indexing must give the same pairs on any text within its window.
private func allPairs(old: [Fact], new: [Fact], mode: FactComparison.Mode, alignment: [Int: [Int]]) -> [FactComparison.Entry] {
    var used = Set<Int>()
    var matches = [Int?](repeating: nil, count: old.count)
    func best(_ oldFact: Fact, reuse: Bool) -> Int? {
        var best: (index: Int, affinity: Double)? = nil
        for index in new.indices where reuse || !used.contains(index) {
            var affinity = FactComparison.affinity(oldFact, new[index], mode)
            if mode == .versions, alignment[oldFact.sentence]?.contains(new[index].sentence) == true {
                affinity += affinity > 0 ? 1.5 : FactComparison.alignedAffinity(oldFact, new[index])
            }
            if affinity > (best?.affinity ?? 0) { best = (index, affinity) }
        }
        return best?.index
    }
    // One to one first; between outlets, leftovers may then agree with a fact already paired.
    for (oldIndex, oldFact) in old.enumerated() {
        guard let match = best(oldFact, reuse: false) else { continue }
        used.insert(match)
        matches[oldIndex] = match
    }
    if mode == .outlets {
        for (oldIndex, oldFact) in old.enumerated() where matches[oldIndex] == nil { matches[oldIndex] = best(oldFact, reuse: true) }
    }
    var entries: [FactComparison.Entry] = []
    for (oldIndex, oldFact) in old.enumerated() {
        guard let match = matches[oldIndex] else {
            entries.append(.init(relation: mode == .versions ? .removed : .onlyOld, old: oldFact, new: nil))
            continue
        }
        entries.append(.init(relation: FactComparison.relation(oldFact, new[match], mode), old: oldFact, new: new[match]))
    }
    for (index, fact) in new.enumerated() where !used.contains(index) {
        entries.append(.init(relation: mode == .versions ? .added : .onlyNew, old: nil, new: fact))
    }
    return entries
}

/// Random facts from small vocabularies, so that many share keys, names and words.
private func randomFacts(_ random: inout SeededGenerator, sentences: Int) -> [Fact] {
    let words = ["the", "army", "said", "border", "would", "reopen", "talks", "failed", "Prices", "rose", "again", "a"]
    let names = ["Maria Serrano", "Maria Serano", "Serrano", "John Smith", "Smith", "Ilham Aliyev", "maria serrano"]
    let counted: [String?] = [nil, "troops", "Russian peacekeepers", "personnel", "people", "prices of bread"]
    let resolved: [String?] = [nil, "2024", "2024-05", "2024-05-15", "2024-spring", "2020s", "2023-09-01"]
    var facts: [Fact] = []
    for sentence in 0..<sentences {
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            let kind = Fact.Kind.allCases.randomElement(using: &random)!
            var value: String
            switch kind {
            case .quantity: value = String(Int.random(in: 1...4, using: &random) * 10)
            case .quote, .claim:
                value = (0..<Int.random(in: 0...6, using: &random)).map { _ in words.randomElement(using: &random)! }
                    .joined(separator: " ")
            case .person: value = names.randomElement(using: &random)!
            case .place: value = ["Baku", "baku", "Khojaly", "Yerevan"].randomElement(using: &random)!
            case .organisation: value = ["United Nations", "Red Cross", "UN"].randomElement(using: &random)!
            case .date: value = "on Monday"
            }
            var fact = Fact(kind: kind, text: value, value: value, sentence: sentence, start: sentence * 100 + facts.count, end: 0)
            switch kind {
            case .quantity:
                let number = Double(value)!
                fact.lower = Bool.random(using: &random) ? number : number - 15
                fact.upper = Bool.random(using: &random) ? number : nil
                fact.unit = [nil, "%", "$"].randomElement(using: &random)!
                fact.counted = counted.randomElement(using: &random)!
                if Int.random(in: 0..<5, using: &random) == 0 { fact.state = "dead" }
            case .date: fact.resolved = resolved.randomElement(using: &random)!
            case .quote, .claim: fact.speaker = [nil, "Aliyev", "Ilham Aliyev", "the army"].randomElement(using: &random)!
            case .organisation: fact.acronym = [nil, "UN"].randomElement(using: &random)!
            case .person, .place: break
            }
            facts.append(fact)
        }
    }
    return facts
}

@Suite("Fact matching")
struct FactMatchingTests {
    @Test("indexed candidates pair facts exactly as scoring every pair does")
    func sameAsAllPairs() {
        var random = SeededGenerator(state: 11)
        for round in 0..<300 {
            let old = randomFacts(&random, sentences: Int.random(in: 0...12, using: &random))
            let new = randomFacts(&random, sentences: Int.random(in: 0...12, using: &random))
            var alignment: [Int: [Int]] = [:]
            for sentence in 0..<12 where Bool.random(using: &random) {
                alignment[sentence] = [Int.random(in: 0..<12, using: &random)]
            }
            for mode in [FactComparison.Mode.versions, .outlets] {
                let indexed = FactComparison(old: old, new: new, mode: mode, alignment: SentenceAlignment(alignment)).entries
                let expected = allPairs(old: old, new: new, mode: mode, alignment: alignment)
                #expect(indexed.map { [$0.old?.start, $0.new?.start] } == expected.map { [$0.old?.start, $0.new?.start] },
                        "round \(round), \(mode)")
                #expect(indexed.map(\.relation) == expected.map(\.relation), "round \(round), \(mode)")
            }
        }
    }

    @Test("word similarity of quotes counts repeated words once per use, case and punctuation aside")
    func quoteWords() {
        var vocabulary: [String: Int32] = [:]
        func features(_ value: String) -> FactFeatures {
            FactFeatures(Fact(kind: .quote, text: value, value: value, sentence: 0, start: 0, end: 0), vocabulary: &vocabulary)
        }
        #expect(features("We will, we will rebuild.").wordSimilarity(features("we rebuild")) == 2.0 * 2 / 7)
        #expect(features("").wordSimilarity(features("...")) == 1)
        #expect(features("Peace now").wordSimilarity(features("")) == 0)
    }

    @Test("in a long text a number pairs by value only near where its sentence went, and anywhere it was aligned")
    func window() {
        func quantity(_ value: Double, sentence: Int) -> Fact {
            var fact = Fact(kind: .quantity, text: "\(Int(value)) troops", value: "\(Int(value))", sentence: sentence, start: sentence, end: sentence)
            fact.lower = value; fact.upper = value; fact.counted = "troops"
            return fact
        }
        let far = FactCandidates.window + 50
        let old = [quantity(20, sentence: 0)]
        // Sentence 0 was removed: a 20 a few sentences on is where it went, a 20
        // far beyond is another mention.
        #expect(FactComparison(old: old, new: [quantity(20, sentence: 5)], mode: .versions).entries.map(\.relation) == [.unchanged])
        let distant = [quantity(20, sentence: far)]
        #expect(FactComparison(old: old, new: distant, mode: .versions).entries.map(\.relation) == [.removed, .added])
        // Aligned with the far sentence (moved there), it is the same fact.
        let moved = FactComparison(old: old, new: distant, mode: .versions, alignment: [0: [far]])
        #expect(moved.entries.map(\.relation) == [.unchanged])
    }
}
