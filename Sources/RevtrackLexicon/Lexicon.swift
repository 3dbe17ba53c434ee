import Foundation

/// English word knowledge from maintained sources (Debian's wamerican and
/// WordNet 3.0, generated into `Resources/Generated/` with their licences):
/// whether a string is a word, and whether two words are opposites. The edit
/// kinds read it to keep a typo a typo and an antonym swap a change of
/// meaning; the fact extractor to tell ordinary words from names.
///
/// Each table loads on first use, from bytes, once per process.
public enum Lexicon {
    /// Ordinary English words: the lowercase entries of a spelling dictionary,
    /// which lists names capitalised ("images" is one, "texas" is not).
    public static let lowercaseWords: Set<String> = {
        var words = Set<String>(minimumCapacity: 64_000)
        forEachRow("english-lowercase") { fields in words.insert(String(decoding: fields[0], as: UTF8.self)) }
        return words
    }()

    /// Whether `word`, in any case, is an ordinary English word.
    public static func isWord(_ word: String) -> Bool { lowercaseWords.contains(word.lowercased()) }

    /// Whether two words are antonyms in WordNet, read through their
    /// inflections ("rose"/"fell", "higher"/"lower", "accepted"/"rejected").
    public static func areAntonyms(_ a: String, _ b: String) -> Bool {
        let a = a.lowercased(), b = b.lowercased()
        guard a != b else { return false }
        let right = Set(lemmas(of: b))
        return lemmas(of: a).contains { lemma in antonyms[lemma]?.contains { right.contains($0) } == true }
    }

    /// Every form that can be one side of an opposite: each WordNet lemma with
    /// an antonym, its irregular and regular inflections ("rose", "increased",
    /// "higher"), and both sides of each un-/non- opposite. A word not listed here has no opposite, so a
    /// caller can rule most words out by a set lookup.
    public static let opposableForms: Set<String> = {
        var forms = Set<String>(irregularForms.keys)
        for lemma in antonyms.keys {
            forms.insert(lemma)
            var stems = [lemma]
            if let last = lemma.last, !"aeiouy".contains(last), lemma.count >= 3 { stems.append(lemma + String(last)) }
            for stem in stems {
                for suffix in ["s", "es", "ed", "d", "ing", "er", "est", "ly", "r", "st"] { forms.insert(stem + suffix) }
            }
            if lemma.hasSuffix("y") {
                let stem = String(lemma.dropLast())
                for suffix in ["ies", "ied", "ier", "iest", "ily"] { forms.insert(stem + suffix) }
            }
            if lemma.hasSuffix("e") {
                let stem = String(lemma.dropLast())
                forms.insert(stem + "ing")
            }
        }
        for (base, opposites) in prefixOpposites {
            forms.insert(base)
            forms.formUnion(opposites)
        }
        return forms
    }()

    /// Whether one word is the other's un-/non- opposite and both are dictionary words ("safe"/"unsafe").
    public static func arePrefixOpposites(_ a: String, _ b: String) -> Bool {
        prefixOpposites[a]?.contains(b) == true || prefixOpposites[b]?.contains(a) == true
    }

    /// Dictionary word → its un-/non- opposites.
    static let prefixOpposites = pairs("prefix-opposites")

    /// The word's own form and the lemmas it may inflect, limited to lemmas
    /// that have an antonym.
    static func lemmas(of word: String) -> [String] {
        var candidates = [word] + (irregularForms[word] ?? [])
        func strip(_ suffix: String, add: String = "") {
            guard word.count > suffix.count + 2, word.hasSuffix(suffix) else { return }
            let stem = String(word.dropLast(suffix.count))
            candidates.append(stem + add)
            // "stopped" → "stop", "bigger" → "big".
            if add.isEmpty, let last = stem.last, stem.dropLast().last == last { candidates.append(String(stem.dropLast())) }
        }
        strip("ies", add: "y"); strip("es"); strip("s")
        strip("ied", add: "y"); strip("ed"); strip("ed", add: "e")
        strip("ing"); strip("ing", add: "e")
        strip("ier", add: "y"); strip("er"); strip("er", add: "e")
        strip("iest", add: "y"); strip("est"); strip("est", add: "e")
        strip("ly")
        return candidates.filter { antonyms[$0] != nil }
    }

    /// Lemma → its antonyms (each WordNet pair in both directions).
    static let antonyms: [String: [String]] = {
        var table: [String: [String]] = [:]
        forEachRow("antonyms") { fields in
            guard fields.count == 2 else { return }
            let a = String(decoding: fields[0], as: UTF8.self), b = String(decoding: fields[1], as: UTF8.self)
            table[a, default: []].append(b)
            table[b, default: []].append(a)
        }
        return table
    }()

    /// Irregular form → lemmas ("rose" → "rise", "worse" → "bad").
    static let irregularForms = pairs("word-forms")

    /// A two-column file as first column → every second column beside it.
    private static func pairs(_ name: String) -> [String: [String]] {
        var table: [String: [String]] = [:]
        forEachRow(name) { fields in
            guard fields.count == 2 else { return }
            table[String(decoding: fields[0], as: UTF8.self), default: []].append(String(decoding: fields[1], as: UTF8.self))
        }
        return table
    }

    private static func forEachRow(_ name: String, _ body: ([ArraySlice<UInt8>]) -> Void) {
        ResourceRows.forEach(name, in: .module, body)
    }
}

/// Reads a generated word list or gazetteer: the tab-separated fields of each
/// non-comment line of `<name>.tsv|txt` in a bundle, as bytes. A quarter of a
/// million rows load in milliseconds, which matters since every `diff` and
/// `facts` process loads some.
public enum ResourceRows {
    public static func forEach(_ name: String, in bundle: Bundle, _ body: ([ArraySlice<UInt8>]) -> Void) {
        for ext in ["tsv", "txt"] {
            guard let url = bundle.url(forResource: name, withExtension: ext),
                  let data = try? Data(contentsOf: url) else { continue }
            let bytes = [UInt8](data)
            var start = 0
            var fields: [ArraySlice<UInt8>] = []
            fields.reserveCapacity(4)
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                if end > start, bytes[start] != 0x23 {          // "#": a comment
                    fields.removeAll(keepingCapacity: true)
                    var fieldStart = start
                    for index in start..<end where bytes[index] == 0x09 {
                        fields.append(bytes[fieldStart..<index])
                        fieldStart = index + 1
                    }
                    var last = end
                    if last > fieldStart, bytes[last - 1] == 0x0D { last -= 1 }
                    fields.append(bytes[fieldStart..<last])
                    body(fields)
                }
                start = end + 1
            }
            return
        }
    }
}
