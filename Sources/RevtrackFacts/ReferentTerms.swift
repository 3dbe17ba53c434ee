import Foundation
import RevtrackText

/// The words of a sentence that survive paraphrase, weighted by how much they
/// say: two outlets reporting one event share its rare words ("Khojaly",
/// "peacekeepers") and its numbers, not its wording. What aligns two
/// outlets' sentences, where the Dice coefficient that pairs revisions of one
/// text fails.
///
/// - A word's weight is its rarity in English (7 minus its Zipf frequency in
///   wordfreq's list; a word the list lacks, such as most names, weighs most),
///   so "the" and "said" count for nothing and "withdrawal" for much.
/// - Inflections meet in one stem ("deployed", "deploy", "deploying").
/// - The nouns a count groups (troops, personnel, peacekeepers) and the
///   members of one framing family (recaptured, liberated; offensive,
///   operation) meet in one term, since outlets choose among them for one referent.
public enum ReferentTerms {
    public struct Term: Sendable, Hashable {
        public let key: String
        public let weight: Double
    }

    /// Weighted terms of one sentence, each key once (its heaviest weight).
    public static func terms(of sentence: String) -> [Term] {
        var best: [String: Double] = [:]
        var order: [String] = []
        func add(_ term: Term) {
            if let existing = best[term.key] {
                best[term.key] = max(existing, term.weight)
            } else {
                best[term.key] = term.weight
                order.append(term.key)
            }
        }
        let tokens = WordTokenizer.tokenize(sentence)
        for (index, token) in tokens.enumerated() where token.kind != .punctuation {
            guard let term = term(token) else { continue }
            add(term)
            if let rounded = roundedNumber(tokens, at: index) { add(rounded) }
        }
        return order.map { Term(key: $0, weight: best[$0]!) }
    }

    /// A count to one significant figure, beside its exact term: outlets
    /// round ("1,960" / "nearly 2,000", "3,000" / "three thousand", "8.4%" /
    /// "above eight percent", "14" / "a dozen"), and a rounded count ties two
    /// sentences almost as surely as an exact one. Counts under ten (but for
    /// percentages) and years are left out: too many sentences hold them.
    static func roundedNumber(_ tokens: [WordToken], at index: Int) -> Term? {
        let token = tokens[index]
        var value: Double
        if token.kind == .number {
            let digits = token.text.filter { $0 != "," }
            guard let parsed = Double(digits) else { return nil }
            if !token.text.contains(","), !token.text.contains("."), digits.count == 4, (1000...2100).contains(parsed) { return nil }
            value = parsed
        } else if let digits = numberWord[token.text.lowercased()], let parsed = Double(digits) {
            value = parsed
        } else {
            return nil
        }
        if index + 1 < tokens.count, let factor = Grammar.multipliers[tokens[index + 1].text.lowercased()] { value *= factor }
        let next = index + 1 < tokens.count ? tokens[index + 1].text.lowercased() : ""
        guard value >= Self.roundedFrom || value >= 1 && (next == "%" || next == "percent") else { return nil }
        let scale = pow(10, (log10(value)).rounded(.down))
        return Term(key: "~" + QuantityExtractor.format((value / scale).rounded() * scale), weight: Self.roundedWeight)
    }

    /// The smallest rounded count, and its term's weight, that of a word of middling rarity
    /// (set on Samples/outlets/dev).
    static let roundedFrom = 10.0, roundedWeight = 2.0

    /// Whether a lowercase word says something of its own: not a stop word,
    /// a speech verb or one of the commonest words.
    public static func carriesMeaning(_ word: String) -> Bool { weight(of: word) > 0.4 }

    /// The words a copy detector compares: lowercased, numbers without
    /// separators ("1,960" → "1960"), possessives dropped.
    public static func copyWords(of sentence: String) -> [String] {
        WordTokenizer.tokenize(sentence).compactMap { token in
            switch token.kind {
            case .punctuation: return nil
            case .number: return token.text.filter { $0 != "," }
            case .word: return Grammar.strippingPossessive(token.text.lowercased())
            }
        }
    }

    static func term(_ token: WordToken) -> Term? {
        if token.kind == .number {
            // "34th" and "thirty-fourth" are one place in a series, not the count 34.
            if let place = ordinalValue(token.text) { return Term(key: "#th\(place)", weight: 3) }
            // Years and counts tie sentences; "2,000" and "2000" are one.
            return Term(key: "#" + token.text.filter { $0 != "," }, weight: 3)
        }
        let word = Grammar.strippingPossessive(token.text.lowercased())
        guard word.count > 1 || word.first?.isLetter == true else { return nil }
        if let number = numberWord[word] { return Term(key: "#" + number, weight: 2) }
        // "First" and "second" alone more often mean the earliest and a unit of time.
        if word != "first", word != "second", let place = ordinalValue(word) { return Term(key: "#th\(place)", weight: 2) }
        let rarity = weight(of: word)
        guard rarity > 0.4 else { return nil }
        if let group = WordLists.countedGroups[word] ?? WordLists.countedGroups[stem(word)] {
            return Term(key: "group:\(group)", weight: max(rarity, 2))
        }
        if let family = FramingLexicon.shared.familyIndex(ofWord: word) {
            return Term(key: "family:\(family)", weight: max(rarity, 2))
        }
        return Term(key: stem(word), weight: rarity)
    }

    /// 7 minus the word's Zipf frequency, at most 5 (a word too rare for the list).
    static func weight(of word: String) -> Double {
        if Grammar.stops.contains(word) || WordLists.speechVerbs.contains(word) { return 0 }
        guard let zipf = Gazetteer.zipf[word] else { return word.allSatisfy(\.isLetter) ? 5 : 3 }
        return min(5, max(0, 7 - zipf))
    }

    /// A light stem: plural, past and -ing endings off, then a final "e", so
    /// "closing", "closed" and "close" meet in "clos".
    public static func stem(_ word: String) -> String {
        // On bytes: a diff stems every word of both texts, and generic
        // suffix tests on strings cost more than all the rest.
        var bytes = Array(word.utf8)
        func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard bytes.count >= count else { return false }
            let tail = UnsafeBufferPointer(start: suffix.utf8Start, count: count)
            for index in 0..<count where bytes[bytes.count - count + index] != tail[index] { return false }
            return true
        }
        func drop(_ suffix: StaticString, keeping minimum: Int = 3) -> Bool {
            guard ends(suffix), bytes.count - suffix.utf8CodeUnitCount >= minimum else { return false }
            bytes.removeLast(suffix.utf8CodeUnitCount)
            return true
        }
        if drop("ies") || drop("ied") { bytes.append(UInt8(ascii: "y")) }
        else if ends("ss") {} else if drop("es") || drop("s") {}
        if drop("ing") || drop("ed"), let last = bytes.last, bytes.count >= 2, bytes[bytes.count - 2] == last,
           !"aeiouslz".utf8.contains(last) {
            bytes.removeLast()      // a doubled consonant: "stopped", "planning"
        }
        if bytes.count > 3, bytes.last == UInt8(ascii: "e") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a word negates what follows it: "not", "never", or a
    /// contraction in n't ("hasn't", "won't", "didn’t").
    public static func isNegation(_ word: String) -> Bool {
        word == "not" || word == "never" || word == "n't" || word.hasSuffix("n't") || word.hasSuffix("n\u{2019}t")
    }

    /// Adverbs of a rate and the unit of time each names: "2.4 million pounds
    /// annually" is a yearly amount, "13,000 vehicles daily" a count per day.
    public static let rateAdverbs: [String: String] = [
        "hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year",
    ]

    /// The value of one word that is an ordinal: digits with their ending
    /// ("18th", "1st") or an ordinal word up to ninety-ninth ("ninth",
    /// "eighteenth", "twenty-first", "thirty-fourth"): days of a month said
    /// aloud, places in a table, the minute of a match.
    public static func ordinalValue(_ word: String) -> Int? {
        let word = word.lowercased()
        if let suffix = ["st", "nd", "rd", "th"].first(where: { word.hasSuffix($0) }), let value = Int(word.dropLast(suffix.count)) {
            return value
        }
        return ordinalWords[word]
    }

    /// Ordinal words from first to ninety-ninth and "hundredth", built from the grammar of English numbers.
    private static let ordinalWords: [String: Int] = {
        let units = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
        let teens = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                     "eighteenth", "nineteenth"]
        let tens = [("twenty", "twentieth"), ("thirty", "thirtieth"), ("forty", "fortieth"), ("fifty", "fiftieth"),
                    ("sixty", "sixtieth"), ("seventy", "seventieth"), ("eighty", "eightieth"), ("ninety", "ninetieth")]
        var table: [String: Int] = ["hundredth": 100]
        for (offset, word) in units.enumerated() { table[word] = offset + 1 }
        for (offset, word) in teens.enumerated() { table[word] = 10 + offset }
        for (index, (cardinal, ordinal)) in tens.enumerated() {
            table[ordinal] = 20 + 10 * index
            for (offset, word) in units.enumerated() { table[cardinal + "-" + word] = 21 + 10 * index + offset }
        }
        return table
    }()

    /// The value of one word that is a number: digits ("1,150", "44"), a
    /// number word ("six") or tens and units joined ("forty-six").
    public static func numberValue(_ word: String) -> Double? {
        let lower = word.lowercased()
        if lower.first?.isNumber == true { return Double(lower.filter { $0 != "," }) }
        if let digits = numberWord[lower] { return Double(digits) }
        let parts = lower.split(separator: "-")
        guard parts.count == 2, let tens = numberWord[String(parts[0])].flatMap(Double.init),
              let units = numberWord[String(parts[1])].flatMap(Double.init),
              (20...90).contains(tens), tens.truncatingRemainder(dividingBy: 10) == 0, (1...9).contains(units) else { return nil }
        return tens + units
    }

    /// Number words as the digits a count would be written in.
    private static let numberWord: [String: String] = {
        var table: [String: String] = [:]
        for entry in WordLists.numberWords where entry.words.count == 1 && entry.low == entry.high {
            table[entry.words[0]] = String(Int(entry.low))
        }
        return table
    }()
}

extension FramingLexicon {
    /// The family a single word belongs to, through its inflections.
    func familyIndex(ofWord word: String) -> Int? {
        guard let base = baseForm(of: word) else { return nil }
        return familyIndex(ofTerm: base)
    }
}
