import RevtrackText

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
