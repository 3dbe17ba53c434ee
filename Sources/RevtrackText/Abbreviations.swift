/// Word lists the segmenter consults at a full stop. Collected from the AP and
/// Reuters style guides' abbreviation entries and from common newswire usage.
enum Abbreviations {
    /// Titles and ranks: always followed by a name, never end a sentence.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "messrs", "mmes", "dr", "drs", "prof", "gen", "gens", "col", "lt", "sgt", "capt",
        "maj", "adm", "cmdr", "cdr", "brig", "cpl", "pvt", "spc", "ens", "gov", "govs", "sen", "sens", "rep",
        "reps", "rev", "msgr", "hon", "pres", "supt", "insp", "det", "atty", "amb", "fr", "sr", "sra", "st", "mt", "ft",
    ]

    /// Abbreviations usually followed by a number ("No. 5", "Jan. 6", "Art. 50").
    static let beforeNumbers: Set<String> = [
        "no", "nos", "art", "arts", "vol", "vols", "pp", "p", "fig", "figs", "ch", "sec", "secs", "para", "approx",
        "ca", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "nr", "tel", "ext",
        "n°", "nº",
    ]

    /// Abbreviations that can end a sentence as well as sit inside one.
    static let ambiguous: Set<String> = [
        "inc", "corp", "ltd", "co", "plc", "llc", "bros", "etc", "vs", "v", "jr", "dept", "est", "univ", "assn",
        "govt", "intl", "natl", "ave", "blvd", "rd", "hwy", "cf", "al",
    ]

    /// AP Stylebook state abbreviations, after a city and a comma: "ARLINGTON,
    /// Va. -- Since…" is a dateline, "…in Lexington, Ky. The next day…" ends a
    /// sentence. Capitalised and after a comma only, since "ill", "mass" and
    /// "wash" are words.
    static let states: Set<String> = [
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md",
        "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "vt", "va", "wash",
        "wis", "wyo",
    ]

    /// Never the end of a sentence, whatever follows ("e.g. Russia").
    static let neverFinal: Set<String> = ["e.g", "i.e", "viz", "approx", "cf"]

    /// Words that commonly open a sentence: after an ambiguous abbreviation or
    /// an initial, a following starter means the sentence really ended.
    static let sentenceStarters: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "or", "so", "yet", "in",
        "on", "at", "by", "for", "from", "to", "with", "as", "if", "when", "while", "after", "before", "since",
        "although", "though", "however", "meanwhile", "this", "that", "these", "those", "there", "here", "his",
        "her", "its", "their", "our", "my", "some", "many", "most", "several", "no", "not", "one", "two",
        "three", "officials", "police", "according", "earlier", "later", "last", "on", "now", "then", "still",
        "also", "both", "each", "all", "what", "who", "why", "how", "where", "despite", "under", "over", "during",
        "shares", "analysts",
    ]
}

extension Abbreviations {
    /// An ASCII word lowercased and packed into an integer (words of up to
    /// eight bytes; longer ones pack to 0, which no list holds), so that a
    /// full stop is judged without building a string: the segmenter meets one
    /// in nearly every sentence.
    struct Key {
        let packed: UInt64
        let containsDot: Bool

        /// Nil for a word with non-ASCII bytes, which takes the string path.
        init?(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            var packed: UInt64 = 0, dot = false, shift: UInt64 = 0
            for index in range {
                let byte = bytes[index]
                guard byte < 0x80 else { return nil }
                if byte == 0x2E { dot = true }
                if shift < 64 {
                    packed |= UInt64((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) << shift
                    shift += 8
                }
            }
            self.packed = range.count > 8 ? 0 : packed
            containsDot = dot
        }
    }

    /// A set of listed words as packed keys: open addressing over a small table.
    struct KeySet {
        private var slots: [UInt64]

        init(_ words: Set<String>) {
            var size = 64
            while size < words.count * 4 { size <<= 1 }
            slots = Array(repeating: 0, count: size)
            for word in words {
                var word = word
                guard let key = word.withUTF8({ Key($0, 0..<$0.count) }), key.packed != 0 else {
                    preconditionFailure("listed abbreviation '\(word)' is not a short ASCII word")
                }
                var slot = Self.slot(key.packed, slots.count)
                while slots[slot] != 0 && slots[slot] != key.packed { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = key.packed
            }
        }

        @inline(__always)
        static func slot(_ packed: UInt64, _ count: Int) -> Int {
            Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> 40) & (count - 1)
        }

        func contains(_ key: Key) -> Bool {
            guard key.packed != 0 else { return false }
            var slot = Self.slot(key.packed, slots.count)
            while slots[slot] != 0 {
                if slots[slot] == key.packed { return true }
                slot = (slot + 1) & (slots.count - 1)
            }
            return false
        }
    }

    static let titleKeys = KeySet(titles)
    static let beforeNumberKeys = KeySet(beforeNumbers.filter { $0.utf8.allSatisfy { $0 < 0x80 } })
    static let ambiguousKeys = KeySet(ambiguous)
    static let stateKeys = KeySet(states)
    static let neverFinalKeys = KeySet(neverFinal)
}
