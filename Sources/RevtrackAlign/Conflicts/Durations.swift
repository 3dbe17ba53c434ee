import RevtrackFacts
import RevtrackText

/// Durations and start years as a sentence gives them, for checking one
/// outlet's "two-year mission" against another's "deployed in 2020".
enum Durations {
    /// The first duration of a month or more, in years: "two-year", "2-year",
    /// "for three years", "18 months", "a decade", "half a century"; what a
    /// start year can be checked against.
    static func first(in sentence: SentenceWords) -> (years: Double, phrase: String, at: Int)? {
        all(in: sentence).first { $0.years >= 1.0 / 12 }
    }

    /// Every duration of a sentence, in order, down to minutes: "a 48-hour
    /// strike", "lasted three days", "week-long", "a decade-old agreement",
    /// "two and a half years", "half an hour".
    static func all(in sentence: SentenceWords) -> [(years: Double, phrase: String, at: Int)] {
        let words = sentence.lower
        var found: [(years: Double, phrase: String, at: Int)] = []
        for (index, word) in words.enumerated() {
            // "two-year", "18-month", "50-year-old": one token; "decade-old", "week-long": a unit alone is one.
            // (Bytes, not String.contains: this runs for every word of every pair.)
            if word.utf8.contains(0x2D) {
                var parts = word.split(separator: "-").map(String.init)
                if parts.count >= 2, ["old", "long"].contains(parts.last!) { parts.removeLast() }
                if parts.count == 2, let count = ReferentTerms.numberValue(parts[0]), let unit = years(per: parts[1]) { found.append((count * unit, word, index)); continue }
                if parts.count == 1, let unit = years(per: parts[0]) { found.append((unit, word, index)); continue }
            }
            // "three years ago" dates a moment; it lasts nothing.
            guard let unit = years(per: word), index > 0, index + 1 == words.count || words[index + 1] != "ago" else { continue }
            let before = words[index - 1]
            // "two and a half years".
            if before == "half", index > 3, words[index - 2] == "a", words[index - 3] == "and", let count = ReferentTerms.numberValue(words[index - 4]) {
                found.append(((count + 0.5) * unit, words[(index - 4)...index].joined(separator: " "), index)); continue
            }
            if let count = ReferentTerms.numberValue(before) { found.append((count * unit, before + " " + word, index)); continue }
            if before == "a" || before == "an" || before == "one" {
                // "half a day", "half an hour".
                if index > 1, words[index - 2] == "half" { found.append((unit / 2, "half " + before + " " + word, index)); continue }
                if unit >= 10 { found.append((unit, before + " " + word, index)) }   // "a decade", "a century"; "a year" says little
            }
        }
        return found
    }

    /// A past year the sentence starts something at: "in 1987", "in the fall of 2020", "since 2019".
    static func startYear(in sentence: SentenceWords) -> (year: Double, words: String, at: Int)? {
        let words = sentence.lower
        for (index, word) in words.enumerated() {
            guard word.count == 4, let year = Int(word), (1900...2100).contains(year), index > 0 else { continue }
            let window = words[max(0, index - 4)..<index]
            guard window.contains(where: { ["in", "since", "from"].contains($0) }) else { continue }
            let season = window.lazy.compactMap { seasons[$0] }.first ?? 0
            return (Double(year) + season, words[max(0, index - 4)...index].joined(separator: " "), index)
        }
        return nil
    }

    private static let seasons: [String: Double] = ["spring": 0.25, "summer": 0.5, "fall": 0.75, "autumn": 0.75, "winter": 0.95]

    static func years(per unit: String) -> Double? {
        switch unit {
        case "year", "years": 1
        case "month", "months": 1.0 / 12
        case "decade", "decades": 10
        case "century", "centuries": 100
        case "week", "weeks": 7.0 / 365
        case "day", "days": 1.0 / 365
        case "hour", "hours": 1.0 / (365 * 24)
        case "minute", "minutes": 1.0 / (365 * 24 * 60)
        default: nil
        }
    }

    /// Spans between two dates a sentence joins: "ran from September 8 to
    /// December 1", "between January 12 and May 28", "from February 2022 to
    /// July 2023". The span holds the shortest and longest reading of the two
    /// dates, in days (a month names any of its days). A date moved from one
    /// day to another ("postponed from February 17 to February 19") is no span.
    static func spans(in sentence: SentenceWords, dates: [Fact]) -> [(days: ClosedRange<Int>, words: String, at: Int)] {
        guard !sentence.lower.contains(where: { word in movedWords.contains { word.hasPrefix($0) } }) else { return [] }
        let placed = dates.compactMap { date -> (at: Int, end: Int, days: ClosedRange<Int>, text: String, year: Bool)? in
            guard date.kind == .date, date.isWrittenOut, let days = date.days,
                  let (at, length) = sentence.position(of: date) else { return nil }
            return (at, at + length, days, date.text, ConflictFinder.writesYear(date))
        }.sorted { $0.at < $1.at }
        var found: [(days: ClosedRange<Int>, words: String, at: Int)] = []
        for (first, second) in zip(placed, placed.dropFirst()) {
            guard second.at == first.end + 1, first.at > 0 else { continue }
            let (opener, joiner) = (sentence.lower[first.at - 1], sentence.lower[first.end])
            guard opener == "from" && ["to", "until", "till", "through"].contains(joiner) || opener == "between" && joiner == "and" else { continue }
            // Without a year, "from November 20 to January 10" runs into the next year, and
            // "from May 3 to May 9, 1987" starts in the year the end gives.
            var (start, last) = (first.days, second.days)
            if !first.year, second.year, start.lowerBound > last.upperBound {
                let years = (Double(start.lowerBound - last.upperBound) / 365.2425).rounded(.up)
                let shift = Int((years * 365.2425).rounded())
                start = (start.lowerBound - shift)...(start.upperBound - shift)
            }
            if last.upperBound < start.lowerBound { last = (last.lowerBound + 365)...(last.upperBound + 365) }
            let shortest = max(0, last.lowerBound - start.upperBound), longest = last.upperBound - start.lowerBound + 1
            guard shortest <= longest else { continue }
            found.append((shortest...longest, "\(opener) \(first.text) \(joiner) \(second.text)", first.at))
        }
        return found
    }

    /// Beginnings of words that make "from … to …" a change of date, not a span.
    private static let movedWords = ["postpon", "delay", "moved", "moving", "resched", "brought", "push", "shift", "chang"]
}
