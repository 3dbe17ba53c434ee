import Foundation

/// The word lists in `Resources/`, loaded once. Each file says where its
/// entries come from; code holds no lists of its own.
enum WordLists {
    static let qualifiers: [(words: [String], lower: Double, upper: Double?)] = rows("qualifiers", "tsv").map { row in
        (row[0].split(separator: " ").map(String.init), Double(row[1]) ?? 1, row[2] == "inf" ? nil : Double(row[2]))
    }.sorted { $0.words.count > $1.words.count }

    static let numberWords: [(words: [String], low: Double, high: Double)] = rows("number-words", "tsv").map { row in
        let parts = row[1].split(separator: "-").compactMap { Double($0) }
        return (row[0].split(separator: " ").map(String.init), parts[0], parts.count > 1 ? parts[1] : parts[0])
    }.sorted { $0.words.count > $1.words.count }

    /// Number words by their first word, longest phrase first: one dictionary
    /// lookup per token instead of a scan of the whole list.
    static let numberWordsByFirst: [String: [(words: [String], low: Double, high: Double)]] =
        Dictionary(grouping: numberWords, by: { $0.words[0] })

    /// Qualifiers by their last word (the one right before the number).
    static let qualifiersByLast: [String: [(words: [String], lower: Double, upper: Double?)]] =
        Dictionary(grouping: qualifiers, by: { $0.words[$0.words.count - 1] })

    /// Noun → group id, for matching what is counted across wordings.
    static let countedGroups: [String: Int] = {
        var groups: [String: Int] = [:]
        for (index, row) in rows("counted-groups", "tsv").enumerated() {
            for noun in row { groups[noun.hasPrefix("!") ? String(noun.dropFirst()) : noun] = index }
        }
        return groups
    }()

    /// State word → the state's name, the first word of its "!" line ("kills" → "dead").
    static let states: [String: String] = {
        var states: [String: String] = [:]
        for row in rows("counted-groups", "tsv") where row.first?.hasPrefix("!") == true {
            let name = String(row[0].dropFirst())
            for word in row { states[word.hasPrefix("!") ? name : word] = name }
        }
        return states
    }()

    /// Organisations known by name alone, lowercased.
    static let organisations: Set<String> = Set(rows("organisations", "txt").map { $0[0].lowercased() })
    /// The same names as the list writes them, by their lowercased form: "REUTERS/" is Reuters.
    static let organisationNames: [String: String] = Dictionary(rows("organisations", "txt").map { ($0[0].lowercased(), $0[0]) },
                                                                uniquingKeysWith: { a, _ in a })
    /// Last words that make a name an organisation, as written ("Party", "AG").
    static let organisationHeads: Set<String> = Set(rows("organisation-heads", "txt").map { $0[0] })
    /// Nationality adjective (lowercased) → its place, or "-".
    static let demonyms: [String: String] = Dictionary(rows("demonyms", "tsv").map { ($0[0].lowercased(), $0[1]) },
                                                       uniquingKeysWith: { a, _ in a })
    /// Verbs of reported speech and belief → base form ("accused" → "accuse").
    static let claimVerbs: [String: String] = Dictionary(rows("claim-verbs", "tsv").map { ($0[0], $0[1]) },
                                                         uniquingKeysWith: { a, _ in a })

    /// Word families for framing contrasts: name, "verb" or "noun", members.
    static let framingFamilies: [[String]] = rows("framing-terms", "tsv")

    static let speechVerbs: Set<String> = Set(rows("speech-verbs", "txt").map { $0[0] })

    static let roles: Set<String> = Set(rows("roles", "txt").map { $0[0] })

    /// Non-comment lines split at tabs.
    private static func rows(_ name: String, _ ext: String) -> [[String]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.split(separator: "\t").map { String($0).trimmingCharacters(in: .whitespaces) } }
    }
}

/// Small closed word classes the extractors consult; grammar, not data.
enum Grammar {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let weekdays: [String: Int] = [
        "sunday": 1, "monday": 2, "tuesday": 3, "wednesday": 4, "thursday": 5, "friday": 6, "saturday": 7,
    ]
    static let seasons: [String: Int] = ["spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12]
    static let determiners: Set<String> = ["the", "its", "their", "his", "her", "our", "my", "your", "a", "an", "these", "those"]
    /// Words that end a counted noun phrase.
    static let stops: Set<String> = [
        "had", "have", "has", "was", "were", "is", "are", "be", "been", "will", "would", "could", "can", "may",
        "in", "at", "on", "to", "for", "from", "by", "with", "and", "or", "but", "that", "who", "which", "as",
        "near", "outside", "inside", "off", "along", "against", "among", "amid", "behind", "beyond", "through",
        "throughout", "toward", "towards", "within", "without", "via", "upon", "under", "over", "around",
        "than", "since", "after", "before", "during", "into", "across", "per", "each", "a", "an", "the", "this",
        "it", "they", "he", "she", "we", "said", "says", "between", "while", "when", "where", "if", "not",
        "years", "year", "months", "month", "days", "day", "weeks", "week", "hours", "hour", "percent", "%",
        "remain", "remains", "remained",
    ]
    /// Nouns a number labels rather than counts ("paragraph 5", "No. 10").
    static let labels: Set<String> = [
        "paragraph", "page", "section", "chapter", "article", "no", "number", "point", "item", "version",
        "revision", "route", "highway", "flight", "room", "platform", "gate", "line", "table", "figure",
    ]
    /// Words between a count and its state ("23 people were killed", "five people reported missing").
    static let stateLinks: Set<String> = [
        "were", "was", "are", "is", "have", "has", "had", "been", "being", "reported", "confirmed", "believed",
        "feared", "presumed", "still", "now", "left", "later", "remain", "remains", "remained",
    ]
    /// Words capitalized only because they open a sentence or a quotation.
    static let openers: Set<String> = [
        "the", "a", "an", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "i", "you",
        "his", "her", "their", "our", "my", "your", "but", "and", "or", "so", "yet", "in", "on", "at", "as", "by",
        "for", "from", "after", "before", "despite", "during", "with", "without", "while", "when", "where", "if",
        "although", "though", "since", "until", "today", "yesterday", "tomorrow", "there", "here", "what", "who",
        "which", "why", "how", "some", "many", "most", "more", "all", "every", "each", "no", "not", "one", "two",
        "however", "meanwhile", "also", "still", "now", "then", "firstly", "secondly", "finally", "of", "to",
        "nearly", "about", "around", "almost", "only", "even", "just", "once", "both", "either", "neither",
        "reporting", "writing", "editing", "additional", "photo", "caption", "by",
        "here's", "here’s", "there's", "there’s", "it's", "it’s", "that's", "that’s",
    ]
    /// Named events, not people ("Storm Elena", "Operation Iron Swords").
    static let eventNouns: Set<String> = ["storm", "hurricane", "typhoon", "cyclone", "tropical", "operation", "battle", "war", "treaty", "summit", "festival", "cup", "prize", "award"]
    /// Nouns that stand for a claim denied or disputed ("a claim the ministry denies").
    static let claimNouns: Set<String> = ["claim", "charge", "something", "allegation", "accusation", "assertion", "view", "report"]
    /// Words between a subject and its verb ("has also said", "now expects").
    static let auxiliaries: Set<String> = [
        "has", "have", "had", "is", "are", "was", "were", "be", "been", "also", "now", "still", "repeatedly", "previously",
        "later", "already", "again", "would", "will", "could", "may", "might", "did", "does", "do", "not", "never", "widely",
    ]
    /// Words that end a subject phrase when walking back from its verb.
    static let clauseBreaks: Set<String> = ["and", "but", "while", "whereas", "although", "because", "as", "after", "when", "if", "what"]
    static let quoteMarks: Set<String> = ["\"", "“", "”", "'", "‘", "’"]
    /// Nouns after which "of X" names a place ("the town of Darende").
    static let placeNouns: Set<String> = [
        "town", "city", "village", "province", "region", "district", "county", "state", "port", "capital", "island",
        "republic", "suburb", "outskirts", "area", "municipality",
    ]
    /// "Azerbaijan’s" → "Azerbaijan".
    static func strippingPossessive(_ word: String) -> String {
        for suffix in ["'s", "’s"] where word.hasSuffix(suffix) { return String(word.dropLast(2)) }
        return word
    }
    static func isDateWord(_ word: String) -> Bool {
        months[word] != nil || weekdays[word] != nil || weekdays[word.replacingOccurrences(of: "'s", with: "")] != nil
    }
    static let multipliers: [String: Double] = ["dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12]
    static let currencies: Set<String> = ["$", "€", "£", "¥"]
    /// Currencies named after an amount, as the sign a key uses ("pounds" is
    /// left out: it is also a weight).
    static let currencyWords: [String: String] = [
        "dollars": "$", "dollar": "$", "euros": "€", "euro": "€", "yen": "¥", "sterling": "£",
    ]
}
