import RevtrackText

/// A calendar day, enough to resolve "on Wednesday" or "last September".
public struct CivilDate: Sendable, Hashable, Comparable {
    public var year: Int, month: Int, day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }

    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// 1 = Sunday … 7 = Saturday.
    var weekday: Int { ((dayNumber % 7) + 11) % 7 + 1 }

    public var iso: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }
}

/// Dates and periods, absolute ("May 15, 2024", "February 2010", "fall of
/// 2020", "1990s") and relative ("on Wednesday", "last September", "last
/// year"), resolved against a reference date.
enum DateExtractor {
    static func extract(_ sentence: TokenizedSentence, reference: CivilDate) -> [Fact] {
        var facts: [Fact] = []
        let tokens = sentence.tokens, lower = sentence.lower
        var index = 0
        func add(_ first: Int, _ last: Int, _ resolved: String) {
            var fact = sentence.fact(.date, from: first, through: last)
            fact.resolved = resolved
            fact.value = resolved
            facts.append(fact)
            index = last + 1
        }
        while index < tokens.count {
            let word = lower[index]
            let bare = word.hasSuffix("'s") || word.hasSuffix("’s") ? String(word.dropLast(2)) : word
            // Month name: "May 15, 2024", "May 15", "February 2010", "May".
            if let month = Grammar.months[bare], tokens[index].text.first?.isUppercase == true,
               bare != "may" || (index + 1 < tokens.count && tokens[index + 1].kind == .number) {
                var last = index
                if last + 1 < tokens.count, tokens[last + 1].text == "." { last += 1 }   // "Oct."
                if last + 1 < tokens.count, tokens[last + 1].kind == .number, let day = Int(tokens[last + 1].text), (1...31).contains(day) {
                    last += 1
                    var year = reference.year
                    if last + 2 < tokens.count, tokens[last + 1].text == ",", let y = year4(tokens[last + 2]) { year = y; last += 2 }
                    else if last + 1 < tokens.count, let y = year4(tokens[last + 1]) { year = y; last += 1 }
                    add(index, last, CivilDate(year: year, month: month, day: day).iso)
                    continue
                }
                if last + 1 < tokens.count, let year = year4(tokens[last + 1]) {
                    add(index, last + 1, "\(year)-\(month < 10 ? "0" : "")\(month)")
                    continue
                }
                if index > 0, ["last", "this", "next"].contains(lower[index - 1]) {
                    let year: Int
                    switch lower[index - 1] {
                    case "last": year = month < reference.month ? reference.year : reference.year - 1
                    case "next": year = month > reference.month ? reference.year : reference.year + 1
                    default: year = reference.year
                    }
                    add(index - 1, index, "\(year)-\(month < 10 ? "0" : "")\(month)")
                    continue
                }
            }
            // Season of a year: "fall of 2020", "spring 2023".
            if Grammar.seasons[word] != nil {
                if index + 2 < tokens.count, lower[index + 1] == "of", let year = year4(tokens[index + 2]) {
                    add(index, index + 2, "\(year)-\(word)"); continue
                }
                if index + 1 < tokens.count, let year = year4(tokens[index + 1]) { add(index, index + 1, "\(year)-\(word)"); continue }
            }
            // Weekday: the latest such day on or before the reference date.
            if let weekday = Grammar.weekdays[bare], tokens[index].text.first?.isUppercase == true {
                let back = (reference.weekday - weekday + 7) % 7
                add(index, index, CivilDate(dayNumber: reference.dayNumber - back).iso)
                continue
            }
            // "last year", "this year", "yesterday", "today".
            if index + 1 < tokens.count, lower[index + 1] == "year", ["last", "this", "next"].contains(word) {
                add(index, index + 1, String(reference.year + (word == "last" ? -1 : word == "next" ? 1 : 0))); continue
            }
            if word == "yesterday" { add(index, index, CivilDate(dayNumber: reference.dayNumber - 1).iso); continue }
            if word == "today" { add(index, index, reference.iso); continue }
            // A bare year or decade: "in 2023", "the 1990s".
            if let year = year4(tokens[index]) { add(index, index, String(year)); continue }
            if word.count == 5, word.hasSuffix("s"), let decade = Int(word.dropLast()), (1800...2100).contains(decade), decade % 10 == 0 {
                add(index, index, "\(decade)s"); continue
            }
            index += 1
        }
        return facts
    }

    private static func year4(_ token: WordToken) -> Int? {
        guard token.kind == .number, token.text.count == 4, let year = Int(token.text), (1800...2100).contains(year) else { return nil }
        return year
    }

    /// The article's own date when it states one: the first full date with a
    /// year (a photo caption's "May 15, 2024"), else a dateline's month and day
    /// ("LISBON, Oct 14 (Reuters)") in the fallback's year.
    static func referenceDate(_ sentences: [TokenizedSentence], fallback: CivilDate) -> CivilDate {
        for sentence in sentences.prefix(6) {
            for fact in extract(sentence, reference: fallback) {
                if let resolved = fact.resolved, resolved.count == 10, fact.text.contains(","),
                   let year = Int(resolved.prefix(4)), let month = Int(resolved.dropFirst(5).prefix(2)), let day = Int(resolved.suffix(2)) {
                    return CivilDate(year: year, month: month, day: day)
                }
            }
        }
        for sentence in sentences.prefix(6) where sentence.sentence.text.contains("(Reuters)") || sentence.sentence.text.contains("(AP)")
            || sentence.sentence.text.contains("(AFP)") {
            if let fact = extract(sentence, reference: fallback).first(where: { $0.resolved?.count == 10 }),
               let resolved = fact.resolved, let month = Int(resolved.dropFirst(5).prefix(2)), let day = Int(resolved.suffix(2)) {
                return CivilDate(year: fallback.year, month: month, day: day)
            }
        }
        return fallback
    }
}
