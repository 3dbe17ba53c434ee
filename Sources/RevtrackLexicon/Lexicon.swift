import Foundation

/// English word knowledge from maintained sources (Debian's wamerican and
/// WordNet 3.0, generated into `Resources/Generated/` with their licences):
/// whether a string is a word, and whether two words are opposites. The edit
/// kinds read it to keep a typo a typo and an antonym swap a change of
/// meaning; the fact extractor to tell ordinary words from names.
///
/// Each table loads on first use, from bytes, once per process.
public enum Lexicon {
    /// Whether `word`, in any case, is an ordinary English word: a lowercase
    /// entry of a spelling dictionary, which lists names capitalised
    /// ("images" is one, "texas" is not).
    public static func isWord(_ word: String) -> Bool { contains(word.lowercased(), in: lowercaseWordHashes) }

    /// Whether a lowercase word is one of WordNet's adverbs ("just", "now",
    /// "repeatedly"): a reader looking for a verb's subject steps back over
    /// them ("the company has just said").
    public static func isAdverb(_ word: String) -> Bool { contains(word, in: adverbHashes) }

    /// Whether a lowercase word is an inflected form WordNet lists among its
    /// verbs' exceptions ("brought", "sold", "stopped"): a reader takes it for
    /// a verb, not for part of a name's role ("brought former chancellor …").
    public static func isIrregularVerbForm(_ word: String) -> Bool { contains(word, in: verbFormHashes) }

    /// The word lists as 64-bit hashes of their bytes: every process that
    /// compares or extracts facts loads them, and hashing 64,000 lines
    /// straight from the file's bytes costs a fraction of making them strings.
    private static let lowercaseWordHashes = hashedRows("english-lowercase", capacity: 64_000)
    private static let adverbHashes = hashedRows("adverbs", capacity: 4_000)
    private static let verbFormHashes = hashedRows("verb-forms", capacity: 2_500)

    private static func hashedRows(_ name: String, capacity: Int) -> Set<UInt64> {
        var hashes = Set<UInt64>(minimumCapacity: capacity)
        forEachRow(name) { fields in hashes.insert(ByteHash.of(fields[0])) }
        return hashes
    }

    private static func contains(_ word: String, in hashes: Set<UInt64>) -> Bool {
        var word = word
        return word.withUTF8 { hashes.contains(ByteHash.of($0)) }
    }

    /// Whether two words are antonyms in WordNet, read through their
    /// inflections ("rose"/"fell", "higher"/"lower", "accepted"/"rejected").
    public static func areAntonyms(_ a: String, _ b: String) -> Bool {
        let a = a.lowercased(), b = b.lowercased()
        guard a != b else { return false }
        let right = Set(lemmas(of: b))
        return lemmas(of: a).contains { lemma in antonyms[lemma]?.contains { right.contains($0) } == true }
    }

    /// Calls `body` with every form that can be one side of an opposite, as
    /// lowercase UTF-8 bytes: each WordNet lemma with an antonym, its
    /// irregular and regular inflections ("rose", "increased", "higher"), and
    /// both sides of each un-/non- opposite. A word not among them has no
    /// opposite, so a caller can rule most words out by a hash lookup. The
    /// forms are made in one reused buffer, not as strings: this runs in
    /// every process that compares two texts.
    public static func forEachOpposableForm(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64)
        func emit(_ stem: ArraySlice<UInt8>, _ suffix: StaticString = "") {
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: stem)
            buffer.append(contentsOf: UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount))
            buffer.withUnsafeBufferPointer(body)
        }
        for form in irregularForms.keys { emit(ArraySlice(form.utf8)) }
        let suffixes: [StaticString] = ["s", "es", "ed", "d", "ing", "er", "est", "ly", "r", "st"]
        for lemma in antonyms.keys {
            let bytes = ArraySlice(lemma.utf8)
            emit(bytes)
            var stems = [bytes]
            if let last = bytes.last, !"aeiouy".utf8.contains(last), bytes.count >= 3 { stems.append(bytes + [last]) }
            for stem in stems { for suffix in suffixes { emit(stem, suffix) } }
            if bytes.last == UInt8(ascii: "y") {
                for suffix: StaticString in ["ies", "ied", "ier", "iest", "ily"] { emit(bytes.dropLast(), suffix) }
            }
            if bytes.last == UInt8(ascii: "e") { emit(bytes.dropLast(), "ing") }
        }
        for (base, opposites) in prefixOpposites {
            emit(ArraySlice(base.utf8))
            for opposite in opposites { emit(ArraySlice(opposite.utf8)) }
        }
    }

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

/// FNV-1a over bytes: the same in every process, for sets of words kept as hashes.
public enum ByteHash {
    public static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    public static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 { bytes.withUnsafeBufferPointer { of($0) } }
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
