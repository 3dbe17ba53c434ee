import Foundation
import RevtrackLexicon

/// The generated data in `Resources/Generated/` (GeoNames, ISO 3166, US
/// Census names, nameparser titles, wordfreq; sources and licences in its
/// SOURCES.md), loaded once into lookups the extractors share.
///
/// The rules built on it are general: a capitalised run is a place when the
/// gazetteer knows it, a person only with evidence such as a given name, a
/// title or a verb of saying, and a word that is common English in lower case
/// ("Images", "Reserved") is not taken for a name without such evidence.
enum Gazetteer {
    /// Zipf frequency of lowercase English words (7 is "the", 3 is about one per million words).
    static let zipf: [String: Double] = {
        var table: [String: Double] = [:]
        table.reserveCapacity(60_000)
        forEachRow("word-frequency") { fields in
            guard fields.count > 1 else { return }
            // "4.75": parsed by hand, sixty thousand times at start-up.
            var value = 0.0, scale = 0.0
            for byte in fields[1] {
                if byte == 0x2E { scale = 1; continue }
                guard byte >= 0x30 && byte <= 0x39 else { continue }
                if scale > 0 { scale /= 10; value += Double(byte - 0x30) * scale } else { value = value * 10 + Double(byte - 0x30) }
            }
            table[String(decoding: fields[0], as: UTF8.self)] = value
        }
        return table
    }()

    /// How common a word is in lowercase English; 0 for words the list does not have.
    static func frequency(_ word: String) -> Double { zipf[word.lowercased()] ?? 0 }

    /// Ordinary English words (the lowercase entries of a spelling dictionary,
    /// which lists names capitalised): "images" and "brown" are, "texas" is not.

    /// Whether a word, whatever its case here, is an ordinary English word.
    static func isCommonWord(_ word: String) -> Bool { Lexicon.isWord(word) }

    /// Given names with their Census rank (1 = most frequent).
    static let givenNames: [String: Int] = ranked("given-names")
    /// The female list's share of each given name in the Census (1 for Mary,
    /// 0 for James), for telling which person "she" or "he" can be.
    static let femaleShares: [String: Double] = {
        var table: [String: Double] = [:]
        forEachRow("given-names") { fields in
            guard fields.count > 3, let share = Double(String(decoding: fields[3], as: UTF8.self)) else { return }
            table[String(decoding: fields[0], as: UTF8.self)] = share
        }
        return table
    }()

    /// Whether a person's given name, as the Census gives it, rules out a
    /// pronoun: "she" is not James (a share of 0.1 or less), "he" is not
    /// Mary (0.9 or more). A name the Census does not know (most invented
    /// and many foreign names) rules out nothing.
    static func nameRulesOut(pronoun: String, fullName: String) -> Bool {
        guard let first = fullName.split(separator: " ").first, let share = femaleShares[String(first)] else { return false }
        switch pronoun {
        case "she", "her": return share <= 0.1
        case "he", "him", "his": return share >= 0.9
        default: return false
        }
    }

    /// Surnames with their Census rank.
    static let surnames: [String: Int] = ranked("surnames", limit: 20_000)

    /// Whether a capitalised word reads as a given name: in the Census list
    /// and not far more common as an ordinary word ("Will", "May" need a surname after them).
    static func isGivenName(_ word: String) -> Bool {
        guard let rank = givenNames[word] else { return false }
        return rank <= 3000
    }

    /// Whether a word can end a person's name: a Census surname that is not
    /// mainly an ordinary word, or a word rare in English (most names are).
    static func isSurnameLike(_ word: String) -> Bool {
        if let rank = surnames[word], rank <= 2_000 { return true }
        // A rare dictionary word ("Lopes", "Hale") is a surname more often than a word.
        return !isCommonWord(word) || frequency(word) < 3.3
    }

    /// Places known by name alone, lowercased: countries and their common
    /// forms, ISO 3166-2 subdivisions, US counties, continents, cities of at
    /// least 100,000 people, and the hand list of regions (`places.txt`).
    /// Names that are common English words in lowercase ("Centre", "Mobile")
    /// are left out unless the hand list has them; context finds those.
    static let places: Set<String> = {
        var places = Set(rows("places").map { $0[0].lowercased() })
        func add(_ name: String) {
            let lower = name.lowercased()
            if !lower.contains(" "), Lexicon.isWord(lower) { return }
            places.insert(lower)
        }
        for file in ["places-countries", "places-continents", "places-subdivisions", "places-us-counties"] {
            forEachRow(file) { fields in
                guard fields[0].count > 3 || file != "places-subdivisions" else { return }
                add(String(decoding: fields[0], as: UTF8.self))
            }
        }
        for (name, population) in cities where population >= 100_000 {
            if isGivenName(name) || (surnames[name] ?? .max) <= 5_000 { continue }
            add(name)
        }
        return places
    }()

    /// The first four letters of every country, US state and continent name: a
    /// nationality adjective shares them ("Yemeni", "Lithuanian", "Texan").
    static let countryStems: Set<String> = {
        var stems = Set<String>()
        for file in ["places-countries", "places-continents", "us-state-abbreviations"] {
            forEachRow(file) { fields in
                let name = String(decoding: file == "us-state-abbreviations" ? fields[fields.count - 1] : fields[0], as: UTF8.self)
                stems.insert(String(name.lowercased().prefix(4)))
            }
        }
        return stems
    }()

    /// Cities of at least 15,000 people (GeoNames): places where the context
    /// says a place stands ("in Lytton", "Austin, Texas").
    static let cities: [String: Int] = {
        var cities: [String: Int] = [:]
        cities.reserveCapacity(40_000)
        forEachRow("places-cities") { fields in
            guard fields.count > 2 else { return }
            let name = String(decoding: fields[0], as: UTF8.self)
            let population = Int(String(decoding: fields[2], as: UTF8.self)) ?? 0
            if population > cities[name, default: -1] { cities[name] = population }
        }
        return cities
    }()

    /// US states and territories (names, lowercased).
    static let usStates: Set<String> = Set(rows("us-state-abbreviations").map { $0[2].lowercased() })

    /// AP abbreviations ("Ky.", "Calif.") and postal codes ("KY") → state name.
    static let stateAbbreviations: [String: String] = {
        var table: [String: String] = [:]
        for row in rows("us-state-abbreviations") where row.count > 2 {
            if row[0] != "-" { table[row[0]] = row[2]; table[String(row[0].dropLast())] = row[2] }
            table[row[1]] = row[2]
        }
        return table
    }()

    /// Titles and honorifics (nameparser's English lists), lowercased without dots.
    static let honorifics: Set<String> = Set(rows("honorifics").map { $0[0] })

    // MARK: - Loading

    /// Names with their rank, up to `limit` (rarer ones change no decision).
    private static func ranked(_ name: String, limit: Int = .max) -> [String: Int] {
        var table: [String: Int] = [:]
        forEachRow(name) { fields in
            guard fields.count > 2, let rank = Int(String(decoding: fields[2], as: UTF8.self)), rank <= limit else { return }
            table[String(decoding: fields[0], as: UTF8.self)] = rank
        }
        return table
    }

    /// Non-comment lines of `Resources/<name>.tsv|txt` split at tabs.
    private static func rows(_ name: String) -> [[String]] {
        var rows: [[String]] = []
        forEachRow(name) { fields in rows.append(fields.map { String(decoding: $0, as: UTF8.self) }) }
        return rows
    }

    private static func forEachRow(_ name: String, _ body: ([ArraySlice<UInt8>]) -> Void) {
        ResourceRows.forEach(name, in: .module, body)
    }
}
