import RevtrackText

/// Dates and periods, absolute ("May 15, 2024", "14 March", "February 2010",
/// "fall of 2020", "third quarter of 2025", "1990s") and relative ("on
/// Wednesday", "Monday's summit", "last September", "earlier this month",
/// "last week", "the weekend", "two years ago"), resolved against the
/// article's own date.
///
/// A weekday or a bare month takes its direction from the clause: a future
/// ("will", "is expected to", "ahead of", "next") points forward, anything
/// else back, as a reader assumes in news copy. Weeks resolve to ISO weeks
/// (`2025-W37`), weekends to their Saturday–Sunday interval
/// (`2025-09-13..2025-09-14`), quarters to `2025-Q4` in the year that puts
/// them nearest to the article's date.
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
        func word(_ at: Int) -> String { at >= 0 && at < lower.count ? Grammar.strippingPossessive(lower[at]) : "" }
        while index < tokens.count {
            // Most words start no date: a set lookup rules them out before any other work.
            if tokens[index].kind == .punctuation { index += 1; continue }
            if tokens[index].kind == .word {
                let raw = lower[index]
                // Bytes, not Foundation's substring search: this runs for every word of the text.
                if !triggers.contains(raw), !raw.utf8.contains(where: { $0 == 0x27 || $0 == 0x2D || $0 == 0x99 }),
                   !(raw.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false),
                   !(index + 2 < lower.count && lower[index + 2] == "ago") { index += 1; continue }
            }
            let bare = word(index)
            let capitalized = tokens[index].text.first?.isUppercase == true
            // "mid-October", "early September", "late August".
            var monthWord = bare
            var lead = index
            for prefix in ["mid-", "early-", "late-"] where bare.hasPrefix(prefix) { monthWord = String(bare.dropFirst(prefix.count)) }
            if ["early", "late", "mid"].contains(bare), let next = Grammar.months[word(index + 1)], next > 0,
               index + 1 < tokens.count, tokens[index + 1].text.first?.isUppercase == true {
                monthWord = word(index + 1); lead = index + 1
            }
            // Month name: "May 15, 2024", "May 15", "February 2010", "last September", "in August".
            if let month = Grammar.months[monthWord], monthWord != bare || tokens[index].text.first?.isUppercase == true {
                var last = lead
                if last + 1 < tokens.count, tokens[last + 1].text == "." { last += 1 }   // "Oct."
                // "December 18", "December 18th", "December eighteenth" (said aloud), "December the 18th".
                let spokenDay = last + 2 < tokens.count && lower[last + 1] == "the" ? dayOrdinal(lower[last + 2]).map { ($0, 2) }
                    : last + 1 < tokens.count ? dayOrdinal(lower[last + 1]).map { ($0, 1) } : nil
                if let (day, width) = spokenDay ?? (last + 1 < tokens.count && tokens[last + 1].kind == .number
                                                    ? Int(tokens[last + 1].text).flatMap { (1...31).contains($0) ? ($0, 1) : nil } : nil) {
                    last += width
                    var year = nearestYear(month: month, day: day, reference: reference, direction: direction(sentence, at: index))
                    if last + 2 < tokens.count, tokens[last + 1].text == ",", let y = year4(tokens[last + 2]) { year = y; last += 2 }
                    else if last + 1 < tokens.count, let y = year4(tokens[last + 1]) { year = y; last += 1 }
                    add(index, last, CivilDate(year: year, month: month, day: min(day, CivilDate.daysInMonth(year, month))).iso)
                    continue
                }
                if last + 1 < tokens.count, let year = year4(tokens[last + 1]) {
                    add(index, last + 1, monthString(year, month)); continue
                }
                if last + 2 < tokens.count, lower[last + 1] == "of", let year = year4(tokens[last + 2]) {
                    add(index, last + 2, monthString(year, month)); continue
                }
                let before = word(index - 1)
                if ["last", "this", "next"].contains(before) {
                    let year: Int
                    switch before {
                    case "last": year = month < reference.month ? reference.year : reference.year - 1
                    case "next": year = month > reference.month ? reference.year : reference.year + 1
                    default: year = reference.year
                    }
                    add(index - 1, last, monthString(year, month)); continue
                }
                // A bare month ("in August"); "May" only where it cannot be the verb.
                let fullName = monthWord.count >= 5 || ["june", "july"].contains(monthWord) || monthWord != bare
                if fullName || monthWord == "may" && ["in", "since", "by", "until", "from", "of", "early", "late", "mid", "through", "before", "after"].contains(before) {
                    let year = nearestYear(month: month, day: 15, reference: reference, direction: direction(sentence, at: index))
                    add(index, last, monthString(year, month)); continue
                }
            }
            // "the eleventh of December", "18th December", "the 18th of December".
            let ordinalAt = lower[index] == "the" ? index + 1 : index
            if ordinalAt < tokens.count, let day = dayOrdinal(lower[ordinalAt]) {
                let monthAt = ordinalAt + 1 < tokens.count && lower[ordinalAt + 1] == "of" ? ordinalAt + 2 : ordinalAt + 1
                if monthAt < tokens.count, let month = Grammar.months[word(monthAt)], month > 0, tokens[monthAt].text.first?.isUppercase == true {
                    var last = monthAt
                    var year = nearestYear(month: month, day: day, reference: reference, direction: direction(sentence, at: index))
                    if last + 1 < tokens.count, let y = year4(tokens[last + 1]) { year = y; last += 1 }
                    add(index, last, CivilDate(year: year, month: month, day: min(day, CivilDate.daysInMonth(year, month))).iso)
                    continue
                }
            }
            // "14 March", "14 March 2025".
            if tokens[index].kind == .number, let day = Int(tokens[index].text), (1...31).contains(day),
               let month = Grammar.months[word(index + 1)], index + 1 < tokens.count, tokens[index + 1].text.first?.isUppercase == true {
                var last = index + 1
                var year = nearestYear(month: month, day: day, reference: reference, direction: direction(sentence, at: index))
                if last + 1 < tokens.count, let y = year4(tokens[last + 1]) { year = y; last += 1 }
                add(index, last, CivilDate(year: year, month: month, day: min(day, CivilDate.daysInMonth(year, month))).iso)
                continue
            }
            // Seasons: "fall of 2020", "spring 2023", "last spring", "next summer", "this summer", "the summer".
            if let seasonMonth = Grammar.seasons[bare] {
                let season = bare == "autumn" ? "fall" : bare
                if index + 2 < tokens.count, lower[index + 1] == "of", let year = year4(tokens[index + 2]) {
                    add(index, index + 2, "\(year)-\(season)"); continue
                }
                if index + 1 < tokens.count, let year = year4(tokens[index + 1]) { add(index, index + 1, "\(year)-\(season)"); continue }
                let before = word(index - 1)
                if ["last", "next", "this", "the", "past", "coming"].contains(before) {
                    let started = reference.month >= seasonMonth
                    let year: Int
                    switch before {
                    case "last", "past": year = started ? reference.year - (reference.month < seasonMonth + 3 ? 1 : 0) : reference.year - 1
                    case "next", "coming": year = started ? reference.year + 1 : reference.year
                    default: year = reference.year
                    }
                    add(index - 1, index, "\(year)-\(season)"); continue
                }
            }
            // Quarters: "third quarter", "fourth-quarter", "first quarter of 2026", "Q3 2025".
            if let (quarter, last) = quarter(at: index, sentence) {
                var end = last
                var year = nearestQuarterYear(quarter, reference: reference)
                if end + 2 < tokens.count, lower[end + 1] == "of", let y = year4(tokens[end + 2]) { year = y; end += 2 }
                else if end + 1 < tokens.count, let y = year4(tokens[end + 1]) { year = y; end += 1 }
                add(index, end, "\(year)-Q\(quarter)"); continue
            }
            // Weekday: back to the latest such day, or on to the next one in a future clause.
            if let weekday = Grammar.weekdays[bare], capitalized {
                let back = (reference.weekday - weekday + 7) % 7
                let ahead = (weekday - reference.weekday + 7) % 7
                let day = isFuture(sentence, at: index) && ahead > 0 ? reference.dayNumber + ahead : reference.dayNumber - back
                add(index, index, CivilDate(dayNumber: day).iso)
                continue
            }
            // Weeks, weekends, months and years named from the article's date.
            if let (resolved, last) = relative(at: index, sentence, reference: reference, future: { isFuture(sentence, at: index) }) {
                add(index, last, resolved); continue
            }
            if bare == "yesterday" { add(index, index, CivilDate(dayNumber: reference.dayNumber - 1).iso); continue }
            if bare == "tomorrow" { add(index, index, CivilDate(dayNumber: reference.dayNumber + 1).iso); continue }
            if bare == "today" || bare == "tonight", !isInQuote(index, sentence) { add(index, index, reference.iso); continue }
            // A bare year or decade: "in 2023", "the 1990s".
            if let year = year4(tokens[index]) { add(index, index, String(year)); continue }
            // A year said aloud, as transcripts write it: "in twenty sixteen", "since nineteen ninety-eight".
            if let year = spokenYear(lower, at: index) { add(index, index + 1, String(year)); index += 2; continue }
            if bare.count == 5, bare.hasSuffix("s"), let decade = Int(bare.dropLast()), (1800...2100).contains(decade), decade % 10 == 0 {
                add(index, index, "\(decade)s"); continue
            }
            index += 1
        }
        return facts
    }

    // MARK: - Relative periods

    /// "last week", "this past week", "next week", "the weekend", "last month",
    /// "earlier this month", "next month", "last year('s)", "this year",
    /// "the end of the year", "two years ago".
    private static func relative(at index: Int, _ sentence: TokenizedSentence, reference: CivilDate, future: () -> Bool) -> (String, Int)? {
        let lower = sentence.lower
        func word(_ at: Int) -> String { at >= 0 && at < lower.count ? Grammar.strippingPossessive(lower[at]) : "" }
        let first = word(index)
        // "two years ago", "three weeks ago", "10 days ago".
        if word(index + 2) == "ago", let count = count(at: index, sentence) {
            switch word(index + 1) {
            case "year", "years": return (String(reference.year - count), index + 2)
            case "month", "months":
                let months = reference.year * 12 + reference.month - 1 - count
                return (monthString(months / 12, months % 12 + 1), index + 2)
            case "week", "weeks": return (isoWeek(reference.dayNumber - 7 * count), index + 2)
            case "day", "days": return (CivilDate(dayNumber: reference.dayNumber - count).iso, index + 2)
            default: break
            }
        }
        // "the end of the year", "the end of this year".
        if first == "end", word(index + 1) == "of", ["the", "this"].contains(word(index + 2)), word(index + 3) == "year" {
            return (String(reference.year), index + 3)
        }
        var cursor = index
        var direction = 0
        switch first {
        case "last", "past", "previous": direction = -1
        case "next", "coming": direction = 1
        case "this", "the": direction = 0
        case "earlier", "later":
            guard word(index + 1) == "this" else { return nil }
            cursor += 1
        default: return nil
        }
        // "this past week", "the past week".
        if ["this", "the"].contains(first), ["past", "previous"].contains(word(cursor + 1)) { direction = -1; cursor += 1 }
        if ["this", "the"].contains(first), word(cursor + 1) == "coming" { direction = 1; cursor += 1 }
        let unit = word(cursor + 1)
        let last = cursor + 1
        switch unit {
        case "week":
            // "This Week", a programme's name, is not a date.
            if first == "the", direction == 0 { return nil }
            if sentence.tokens[cursor + 1].text == "Week" { return nil }
            return (isoWeek(reference.dayNumber + 7 * direction), last)
        case "weekend":
            // Saturday of the weekend meant: the one just past, the coming one, or this one if it is under way.
            let weekday = reference.weekday                      // 1 = Sunday … 7 = Saturday
            let pastSaturday = reference.dayNumber - (weekday == 7 ? 0 : weekday)
            let comingSaturday = weekday == 1 ? reference.dayNumber - 1 : reference.dayNumber + (7 - weekday)
            let saturday: Int
            switch direction {
            case -1: saturday = pastSaturday
            case 1: saturday = weekday == 7 ? reference.dayNumber + 7 : comingSaturday
            default: saturday = weekday == 1 || weekday == 7 ? pastSaturday : (future() ? comingSaturday : pastSaturday)
            }
            return (CivilDate(dayNumber: saturday).iso + ".." + CivilDate(dayNumber: saturday + 1).iso, last)
        case "month":
            if first == "the", direction == 0 { return nil }
            let months = reference.year * 12 + reference.month - 1 + direction
            return (monthString(months / 12, months % 12 + 1), last)
        case "year":
            if first == "the", direction == 0 { return nil }
            return (String(reference.year + direction), last)
        default:
            return nil
        }
    }

    /// "two", "three", "10": a small count before a unit.
    private static func count(at index: Int, _ sentence: TokenizedSentence) -> Int? {
        let token = sentence.tokens[index]
        if token.kind == .number { return Int(token.text) }
        if let entry = WordLists.numberWordsByFirst[sentence.lower[index]]?.first(where: { $0.words.count == 1 }), entry.low == entry.high {
            return Int(entry.low)
        }
        if sentence.lower[index] == "a" { return 1 }
        return nil
    }

    private static let ordinals: [String: Int] = ["first": 1, "second": 2, "third": 3, "fourth": 4]

    /// A day of the month as an ordinal: "18th", "1st", "eighteenth", "twenty-first".
    static func dayOrdinal(_ word: String) -> Int? {
        ReferentTerms.ordinalValue(word).flatMap { (1...31).contains($0) ? $0 : nil }
    }

    /// "third quarter", "fourth-quarter", "Q3".
    private static func quarter(at index: Int, _ sentence: TokenizedSentence) -> (Int, Int)? {
        let lower = sentence.lower
        let word = lower[index]
        if word.count == 2, word.hasPrefix("q"), let n = Int(word.dropFirst()), (1...4).contains(n) { return (n, index) }
        let parts = word.split(separator: "-")
        if parts.count == 2, parts[1] == "quarter", let n = ordinals[String(parts[0])] { return (n, index) }
        if let n = ordinals[word], index + 1 < lower.count, lower[index + 1] == "quarter" { return (n, index + 1) }
        return nil
    }

    /// The year that puts a quarter nearest to the reference date.
    private static func nearestQuarterYear(_ quarter: Int, reference: CivilDate) -> Int {
        let middleMonth = quarter * 3 - 1
        return nearestYear(month: middleMonth, day: 15, reference: reference, direction: 0)
    }

    /// The year a month (and day) without one falls in: the nearest such date
    /// to the reference, or the next/previous one when the clause says which.
    private static func nearestYear(month: Int, day: Int, reference: CivilDate, direction: Int) -> Int {
        let candidates = [reference.year - 1, reference.year, reference.year + 1]
        func distance(_ year: Int) -> Int {
            CivilDate(year: year, month: month, day: min(day, CivilDate.daysInMonth(year, month))).dayNumber - reference.dayNumber
        }
        if direction != 0, month != reference.month {
            return candidates.filter { direction > 0 ? distance($0) > 0 : distance($0) < 0 }.min { abs(distance($0)) < abs(distance($1)) }
                ?? reference.year
        }
        return candidates.min { abs(distance($0)) < abs(distance($1)) } ?? reference.year
    }

    /// Whether the date at `index` lies ahead: a cue right before it ("next",
    /// "until", "by", "ahead of", "due") or "since"/"last" for the past; else
    /// the verbs of its clause (a future, a forecast, or a present tense right
    /// before it: "Congress returns Tuesday") against a past tense ("said",
    /// "was", "-ed"); else a future elsewhere in the sentence. News copy
    /// defaults to the past.
    static func isFuture(_ sentence: TokenizedSentence, at index: Int) -> Bool { direction(sentence, at: index) > 0 }

    /// 1 ahead, -1 back (a past cue or tense), 0 when nothing says which.
    static func direction(_ sentence: TokenizedSentence, at index: Int) -> Int {
        let lower = sentence.lower, tokens = sentence.tokens
        for back in 1...4 where index - back >= 0 {
            let word = lower[index - back]
            if pastCues.contains(word) { return -1 }
            // "said on Monday", "announced Tuesday": the verb the day belongs to is past.
            if futureWords.contains(word) { return 1 }
            if pastWords.contains(word) || word.hasSuffix("ed") && word.count > 4 { return -1 }
            // "by Friday", "until Monday", "due Tuesday": a cue right before the day; "rescued by helicopter
            // on Sunday" is no deadline.
            if futureCues.contains(word), ((index - back + 1)..<index).allSatisfy({ between in
                tokens[between].kind != .word || ["the", "of", "on", "a.m", "p.m", "a.m.", "p.m.", "am", "pm", "noon", "midnight", "early", "late"]
                    .contains(lower[between])
            }) {
                return word != "from" || index - back - 1 >= 0 && ["starting", "beginning", "effective"].contains(lower[index - back - 1]) ? 1 : 0
            }
            // The full stop of "9 p.m. Thursday" ends no clause.
            if tokens[index - back].kind == .punctuation,
               !(lower[index - back] == "." && index - back >= 1 && ["a.m", "p.m"].contains(lower[index - back - 1])) { break }
        }
        // The clause: back and on to the nearest punctuation that ends one.
        let breaks = clauseBreaks
        var start = index, end = index
        while start > 0, !breaks.contains(tokens[start - 1].text), !subordinators.contains(lower[start - 1]) { start -= 1 }
        while end + 1 < tokens.count, !breaks.contains(tokens[end + 1].text), !subordinators.contains(lower[end + 1]) { end += 1 }
        let clause = lower[start...end]
        if clause.contains(where: { futureWords.contains($0) }) { return 1 }
        if zip(clause, clause.dropFirst()).contains(where: { ($0 == "ahead" && $1 == "of") || ($0 == "going" && $1 == "to") || ($0 == "set" && $1 == "to") }) {
            return 1
        }
        if clause.contains(where: { pastWords.contains($0) || ($0.hasSuffix("ed") && $0.count > 4 && !futureWords.contains($0)) }) { return -1 }
        // "for Monday's summit", "forecast for Tuesday".
        if index > 0, lower[index - 1] == "for" { return 1 }
        // "Congress returns Tuesday", "the team meets Friday": a present tense right before the day.
        if index > 0, tokens[index - 1].kind == .word, lower[index - 1].hasSuffix("s"), !notVerbs.contains(lower[index - 1]),
           !Gazetteer.isCommonWord(lower[index - 1]) || Gazetteer.isCommonWord(String(lower[index - 1].dropLast())) {
            return 1
        }
        // Elsewhere in the sentence, outside quotations: a plain future points ahead; a conditional or
        // forecast word does too unless a verb in the past says the sentence reports ("his office said
        // the districts would hold", "governors wrote that the cuts would hit").
        let unquoted = lower.indices.filter { !isInQuote($0, sentence) }
        if unquoted.contains(where: { strongFutureWords.contains(lower[$0]) }) { return 1 }
        let reportsPast = unquoted.contains { pastWords.contains(lower[$0]) || Self.isPastVerb(lower[$0]) }
        return !reportsPast && unquoted.contains(where: { futureWords.contains(lower[$0]) }) ? 1 : 0
    }

    /// "-ed" forms and the irregular past tenses reporting verbs take in news copy.
    private static func isPastVerb(_ word: String) -> Bool {
        word.hasSuffix("ed") && word.count > 4 && !futureWords.contains(word) || irregularPast.contains(word)
    }

    private static let irregularPast: Set<String> = [
        "wrote", "spoke", "told", "said", "gave", "took", "made", "met", "spent", "sent", "went", "came", "saw", "held",
        "left", "began", "brought", "found", "thought", "felt", "kept", "led", "lost", "paid", "put", "ran", "sat", "set",
        "stood", "struck", "won", "chose", "drew", "fell", "rose", "grew", "knew", "shot", "hit", "cut", "quit", "sought",
    ]

    private static let strongFutureWords: Set<String> = ["will", "shall", "'ll", "upcoming", "scheduled", "tomorrow", "next"]

    /// Words that can start a date: months, weekdays, seasons, relative words, quarters.
    private static let triggers: Set<String> = Set(Grammar.months.keys).union(Grammar.weekdays.keys).union(Grammar.seasons.keys)
        .union(["last", "this", "next", "past", "previous", "coming", "the", "earlier", "later", "end", "yesterday", "today",
                "tonight", "tomorrow", "eighteen", "nineteen", "twenty", "early", "late", "mid", "first", "second", "third", "fourth", "q1", "q2", "q3", "q4"])
    /// Words that open a clause of their own: what follows "said … that" is another clause's tense.
    private static let subordinators: Set<String> = ["that", "which", "who", "because", "although", "while", "whereas"]
    private static let notVerbs: Set<String> = ["is", "was", "has", "its", "his", "this", "us"]
    private static let pastCues: Set<String> = ["since", "last", "past", "ago", "previous"]
    private static let futureCues: Set<String> = ["next", "until", "through", "till", "by", "before", "ahead", "due", "coming", "upcoming", "from"]
    private static let clauseBreaks: Set<String> = [",", ";", ":", "—", "–", "(", ")", "\"", "“", "”"]
    private static let futureWords: Set<String> = [
        "will", "shall", "'ll", "upcoming", "scheduled", "expected", "expects", "due", "plans", "planned", "intends",
        "forecast", "forecasts", "predicted", "tomorrow", "next", "could", "should", "would", "might",
    ]
    private static let pastWords: Set<String> = ["said", "told", "was", "were", "had", "did", "ago", "since", "last", "earlier", "yesterday"]

    private static func isInQuote(_ index: Int, _ sentence: TokenizedSentence) -> Bool {
        let before = sentence.tokens[..<index].filter { Grammar.quoteMarks.contains($0.text) && $0.text != "'" && $0.text != "’" }.count
        return before % 2 == 1
    }

    private static func monthString(_ year: Int, _ month: Int) -> String {
        "\(year)-\(month < 10 ? "0" : "")\(month)"
    }

    /// `2025-W37`: the ISO 8601 week of a day.
    static func isoWeek(_ dayNumber: Int) -> String {
        let date = CivilDate(dayNumber: dayNumber)
        let isoWeekday = (date.weekday + 5) % 7 + 1                // Monday 1 … Sunday 7
        let thursday = CivilDate(dayNumber: dayNumber - isoWeekday + 4)
        let firstOfYear = CivilDate(year: thursday.year, month: 1, day: 1)
        let week = (thursday.dayNumber - firstOfYear.dayNumber) / 7 + 1
        return "\(thursday.year)-W\(week < 10 ? "0" : "")\(week)"
    }

    /// A year said aloud at `index`: its century ("nineteen", "twenty") and
    /// its last two digits ("sixteen", "ninety-eight") as two words, after a
    /// word that dates ("in", "since", "back in"). Two number words side by
    /// side are no count in English, so the quantities leave them too.
    static func spokenYear(_ lower: [String], at index: Int) -> Int? {
        let century: Int
        switch lower[index] {
        case "nineteen": century = 19
        case "twenty": century = 20
        case "eighteen": century = 18
        default: return nil
        }
        guard index > 0, index + 1 < lower.count, yearCues.contains(lower[index - 1]),
              let rest = ReferentTerms.numberValue(lower[index + 1]), lower[index + 1].first?.isLetter == true,
              (10...99).contains(rest), rest.rounded() == rest,
              index + 2 >= lower.count || Grammar.multipliers[lower[index + 2]] == nil else { return nil }
        return century * 100 + Int(rest)
    }

    private static let yearCues: Set<String> = ["in", "since", "from", "until", "till", "by", "of", "before", "after"]

    private static func year4(_ token: WordToken) -> Int? {
        guard token.kind == .number, token.text.count == 4, let year = Int(token.text), (1800...2100).contains(year) else { return nil }
        return year
    }

    /// The article's own date: a date line or dateline at the top of the text
    /// ("Feb 20, 2025, 1:14 PM EST", "LISBON, Oct 14 (Reuters) -", a photo
    /// caption's "May 15, 2024"), else the fallback (the page's published
    /// time or the capture time). A date further down the body never is: it
    /// is what the story is about, not when it was written.
    static func referenceDate(_ sentences: [TokenizedSentence], fallback: CivilDate) -> CivilDate {
        for sentence in sentences.prefix(6) {
            let text = sentence.sentence.text
            let isDateLine = sentence.tokens.count <= 14
            let isCaption = text.uppercased().hasPrefix("PHOTO") || text.contains("REUTERS/") || text.contains("AP Photo")
            guard isDateLine || isCaption else { continue }
            for fact in extract(sentence, reference: fallback) {
                if let resolved = fact.resolved, resolved.count == 10, fact.text.contains(","),
                   let year = Int(resolved.prefix(4)), let month = Int(resolved.dropFirst(5).prefix(2)), let day = Int(resolved.suffix(2)) {
                    return CivilDate(year: year, month: month, day: day)
                }
            }
        }
        for sentence in sentences.prefix(6) where sentence.sentence.text.contains("(Reuters)") || sentence.sentence.text.contains("(AP)")
            || sentence.sentence.text.contains("(AFP)") {
            let beforeAgency = sentence.tokens.prefix { $0.text != "(" }.count
            if let fact = extract(sentence, reference: fallback).first(where: {
                $0.resolved?.count == 10 && $0.start - sentence.sentence.utf8Range.lowerBound < (sentence.tokens.indices.contains(beforeAgency)
                    ? sentence.tokens[beforeAgency].utf8Range.lowerBound : 0) }),
               let resolved = fact.resolved, let month = Int(resolved.dropFirst(5).prefix(2)), let day = Int(resolved.suffix(2)) {
                return CivilDate(year: fallback.year, month: month, day: day)
            }
        }
        return fallback
    }
}
