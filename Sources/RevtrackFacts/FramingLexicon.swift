import RevtrackText

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

    /// The lowest-numbered family a member's base form belongs to.
    func familyIndex(ofTerm term: String) -> Int? { familiesOfTerm[term]?.min() }

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
