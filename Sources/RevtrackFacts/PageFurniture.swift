import RevtrackText

/// Lines a web page wraps around an article (share and subscribe buttons,
/// navigation, "Advertisement", timestamps such as "Updated 9:20 AM ET" or
/// "19 min ago", copyright lines) and that text pasted from a page keeps.
/// They yield no facts: "Email Bio Follow" is not a person, "19 min ago" not
/// a count, "© 2018" not the story's date.
///
/// A line is furniture when it is short, has no sentence punctuation at its
/// end, and is made of interface words, times and separators; or when it is a
/// copyright or rights line. Interface words are the vocabulary of page
/// chrome, not of any one site.
public enum PageFurniture {
    /// Whether every line of a sentence is page furniture: what `diff`, `log
    /// --stat` and `watch` leave out by default (`--show-furniture` shows it).
    /// Photo and video credits ("(AP Photo/Jane Doe)", "Photo: Getty Images")
    /// count as furniture here: a diff need not show them.
    public static func isFurniture(_ sentence: Sentence) -> Bool {
        guard mayBeFurniture(sentence.slice.utf8) else { return false }
        return ReadingUnits.split(sentence).allSatisfy { unit in
            let tokenized = TokenizedSentence(index: 0, sentence: unit)
            return isFurniture(tokenized) || isCredit(tokenized)
        }
    }

    /// What a sentence must have to be furniture, read from its bytes without
    /// tokenizing it (a diff asks this of every changed sentence): a line
    /// break (lines are judged apart); a navigation mark or "©"; at most
    /// twelve words, and when they end like a sentence and are more than
    /// three, a first word of page chrome ("Sign up for our newsletter
    /// today!"), since such a line is furniture only if every word is; or, up
    /// to forty words, the wording of a rights line ("Copyright …", "All
    /// rights reserved", "This material may not be published, broadcast …").
    private static func mayBeFurniture(_ bytes: Substring.UTF8View) -> Bool {
        var words = 0, inWord = false, marked = false
        var previous: UInt8 = 0, last: UInt8 = 0
        var first: [UInt8] = []
        first.reserveCapacity(16)
        for byte in bytes {
            if byte == 0x0A { return true }
            let space = byte == 0x20 || byte == 0x09 || byte == 0x0D
            if !space, !inWord { words += 1 }
            inWord = !space
            if !space { last = byte }
            if words == 1, inWord, first.count < 16, byte != 0x2E, byte != 0x2C, byte != 0x3A {
                first.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            }
            // "|", "©" and "·" (C2 A9, C2 B7), "•" (E2 80 A2).
            if byte == 0x7C || previous == 0xC2 && (byte == 0xA9 || byte == 0xB7) || previous == 0x80 && byte == 0xA2 { marked = true }
            previous = byte
        }
        if words > 40 { return false }
        if marked { return true }
        if words <= 12, words <= 3 || ![0x2E, 0x21, 0x3F].contains(last) { return true }
        let opener = String(decoding: first, as: UTF8.self)
        if words <= 25, promotionOpeners.contains(opener) { return true }
        if words <= 12, chromeOpeners.contains(opener) || timeOfDay.contains(opener) || first.first.map({ (0x30...0x39).contains($0) }) == true {
            return true
        }
        return ["copyright", "all", "this"].contains(opener)
            && (containsASCII(bytes, "copyright") || containsASCII(bytes, "reserved") || containsASCII(bytes, "broadcast"))
    }

    /// Interface words that can open a line of chrome, without the function
    /// words ("the", "in", "for") that open most prose sentences too.
    private static let chromeOpeners: Set<String> = interface.subtracting([
        "the", "this", "a", "in", "on", "to", "and", "of", "for", "up", "your", "our", "us", "here", "now", "more", "most",
        "back", "top", "open", "get", "day", "days", "story", "stories", "content", "order", "view", "live", "last",
    ])

    /// Whether the bytes hold `word` in any ASCII case.
    private static func containsASCII(_ bytes: Substring.UTF8View, _ word: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        var matched = 0
        for byte in bytes {
            let lowered = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            matched = lowered == pattern[matched] ? matched + 1 : (lowered == pattern[0] ? 1 : 0)
            if matched == pattern.count { return true }
        }
        return false
    }

    /// Whether a line yields no facts: furniture that is not a credit, since
    /// a credit names a real agency and photographer, nor a line with a
    /// calendar date, since "Thursday 4 June 2026" or "April 29, 2026 9:14 AM
    /// EDT | Updated 38 minutes ago" dates the page.
    static func yieldsNoFacts(_ unit: TokenizedSentence) -> Bool {
        isFurniture(unit) && !isCredit(unit) && !isDateLine(unit.tokens[...])
    }

    /// A photo or video credit: a short line with "Photo", "Video", "Image"
    /// or "Credit" and a slash, colon or parentheses ("(AP Photo/Jane Doe)",
    /// "Photo: Getty Images", "Image credit: Reuters").
    static func isCredit(_ unit: TokenizedSentence) -> Bool {
        let words = unit.tokens.filter { $0.kind == .word }
        guard !words.isEmpty, words.count <= 8,
              unit.lower.contains(where: { ["photo", "photos", "video", "image", "images", "credit", "photograph"].contains($0) })
        else { return false }
        let text = unit.sentence.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.hasPrefix("(") && text.hasSuffix(")") || text.contains("/") || text.contains(":")
    }

    static func isFurniture(_ unit: TokenizedSentence) -> Bool {
        let content = unit.tokens.filter { $0.kind == .word || $0.kind == .number }
        guard !content.isEmpty else { return true }
        // Copyright and rights lines are short; prose is not searched for them.
        guard content.count <= 40 else { return false }
        // Foundation's trimming and lowercasing cost more than the rest: done only for lines that may need them.
        func trimmed() -> String { unit.sentence.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        if unit.lower.contains(where: { $0 == "©" || $0 == "copyright" || $0 == "reserved" || $0 == "broadcast" }) {
            let lower = trimmed().lowercased()
            if lower.hasPrefix("©") || lower.hasPrefix("copyright") || lower.contains("rights reserved")
                || lower.contains("may not be published, broadcast") { return true }
        }
        // Navigation: "Markets | Energy | Companies", "World · Middle East · Africa".
        let separators = unit.tokens.filter { Self.separators.contains($0.text) }.count
        if separators >= 2, content.count <= 16 { return true }
        if isPromotion(unit, words: content.count) { return true }
        guard content.count <= 12 else { return false }
        let trimmed = trimmed(), lower = trimmed.lowercased()
        let tokens = unit.tokens
        let (chrome, timeWords) = chromeAndTimeWords(tokens[...])
        let rest = content.count - chrome - timeWords
        // All interface or time words: "Share this article", "Updated 9:20 AM ET", "1 hr ago",
        // "Sign up for our newsletter today!" (sentence punctuation or not), a date line
        // ("Thursday 4 June 2026", "Last updated 14:20 GMT, Tuesday").
        if rest == 0 { return chrome > 0 || timeWords > 0 && (lower.rangeOfTimeStamp || isDateLine(tokens[...])) }
        // "Most read 1.": a list's numbering, not the end of a sentence.
        let numbered = trimmed.hasSuffix(".") && content.last?.kind == .number
        let endsSentence = !numbered && (trimmed.last.map { ".!?\"”’".contains($0) } ?? false)
        // A list's number alone, the line broken after it: "1.".
        if numbered, content.count == 1 { return true }
        // A line ending a sentence with more than three words is prose.
        if endsSentence, content.count > 3, !lower.hasSuffix("a.m."), !lower.hasSuffix("p.m.") {
            return false
        }
        // A kicker or date line cut by one separator, one part of it chrome or a date:
        // "Vell Valley Health Desk | Explainer", "Tuesday 15 September 2026 | Volume 412".
        if separators >= 1, !endsSentence, tokens.split(whereSeparator: { Self.separators.contains($0.text) }).contains(where: { part in
            let words = part.filter { $0.kind == .word || $0.kind == .number }.count
            let (chrome, time) = chromeAndTimeWords(part)
            return words > 0 && chrome + time == words && (chrome > 0 || isDateLine(part))
        }) { return true }
        // Short sentences ("And no wonder.", "What happens next?") are prose, whatever their words.
        if endsSentence { return false }
        // Mostly interface words, none of them a verb of news: "Email Bio Follow", "Read Next".
        if chrome >= 2 && rest <= 1 && content.count <= 6 { return true }
        // A section label: "Local News", "Read Schools" (an interface word and ordinary words, no name).
        return chrome >= 1 && content.count <= 3 && content.allSatisfy {
            let word = $0.text.lowercased()
            return interface.contains(word) || Gazetteer.isCommonWord(word) && !Gazetteer.places.contains(word)
        }
    }

    /// How many words of a line are interface words and how many are words
    /// of a time or date; a number counts as either by its neighbours ("9:20",
    /// "19 min", "2 hours ago", "Comments (31)", a day or year beside a month).
    private static func chromeAndTimeWords(_ tokens: ArraySlice<WordToken>) -> (chrome: Int, time: Int) {
        var chrome = 0, timeWords = 0
        for index in tokens.indices where tokens[index].kind == .word || tokens[index].kind == .number {
            let token = tokens[index]
            let word = token.text.lowercased()
            if interface.contains(word) { chrome += 1; continue }
            if timeOfDay.contains(word) || Grammar.weekdays[word] != nil || Grammar.months[word] != nil { timeWords += 1; continue }
            // "2:35pm", "9am": a clock time written as one word (or its minutes and "pm" after a colon).
            if word.count > 2, word.hasSuffix("am") || word.hasSuffix("pm"), word.dropLast(2).allSatisfy({ $0.isNumber || $0 == ":" || $0 == "." }) {
                timeWords += 1; continue
            }
            guard token.kind == .number else { continue }
            let next = index + 1 < tokens.endIndex ? tokens[index + 1].text.lowercased() : ""
            let previous = index > tokens.startIndex ? tokens[index - 1].text.lowercased() : ""
            let beforeParenthesis = index - 1 > tokens.startIndex ? tokens[index - 2].text.lowercased() : ""
            if previous == "(", next == ")", interface.contains(beforeParenthesis) { chrome += 1; continue }
            // The year of "March 12, 2026": a month, its day and a comma before it.
            let yearOfDate = previous == "," && index - 3 >= tokens.startIndex && tokens[index - 2].kind == .number
                && Grammar.months[tokens[index - 3].text.lowercased()] != nil
            if token.text.contains(":") || next == ":" || previous == ":" || timeOfDay.contains(next) || interface.contains(next)
                || Grammar.months[next] != nil || Grammar.months[previous] != nil || yearOfDate { timeWords += 1 }
        }
        return (chrome, timeWords)
    }

    /// Whether words of time make a date rather than a bare number or month:
    /// a weekday, or a month with a day or year ("4 June 2026", "March 2024").
    private static func isDateLine(_ tokens: ArraySlice<WordToken>) -> Bool {
        let words = tokens.map { $0.text.lowercased() }
        return words.contains { Grammar.weekdays[$0] != nil }
            || words.contains { Grammar.months[$0] != nil } && tokens.contains { $0.kind == .number }
    }

    /// A line that sells the outlet's own products: "Sign up for Transport
    /// Weekly, our newsletter on strikes", "Get Health Desk in your inbox every
    /// Friday." It opens with an imperative of page chrome and, unless that is
    /// "sign up" or "subscribe", names a newsletter, inbox or alert.
    private static func isPromotion(_ unit: TokenizedSentence, words: Int) -> Bool {
        guard words <= 25, let opener = unit.lower.first, promotionOpeners.contains(opener) else { return false }
        if opener == "subscribe" || opener == "sign" && unit.lower.dropFirst().first == "up" { return true }
        return unit.lower.contains { ["newsletter", "newsletters", "inbox", "alerts", "podcast", "app"].contains($0) }
    }

    /// What divides the items of a navigation line or a kicker.
    private static let separators: Set<String> = ["|", "·", "•"]

    /// First words of a promotion line.
    private static let promotionOpeners: Set<String> = ["sign", "subscribe", "get", "join", "follow", "download"]

    /// The vocabulary of page chrome: buttons, navigation, labels.
    static let interface: Set<String> = [
        "share", "shared", "shares", "email", "e-mail", "print", "follow", "following", "subscribe", "subscribed", "sign", "signup",
        "login", "log", "newsletter", "newsletters", "alerts", "alert", "advertisement", "advertising", "ad", "ads",
        "sponsored", "related", "content", "stories", "story", "read", "more", "next", "previous", "continue",
        "reading", "below", "above", "comments", "comment", "copy", "copied", "link", "reprint", "reprints",
        "order", "purchase", "licensing", "rights", "reserved", "bio", "listen", "playlist", "transcript",
        "download", "embed", "save", "saved", "tweet", "facebook", "twitter", "x", "whatsapp", "linkedin",
        "reddit", "pinterest", "flipboard", "menu", "search", "home", "close", "skip", "main", "live", "updates",
        "update", "updated", "published", "posted", "photo", "photos", "video", "videos", "watch", "audio",
        "podcast", "podcasts", "breaking", "news", "emails", "get", "ago", "min", "mins", "minute", "minutes",
        "hr", "hrs", "hour", "hours", "sec", "secs", "seconds", "day", "days", "the", "this", "article", "page",
        "gallery", "view", "open", "up", "in", "on", "to", "and", "of", "for", "a", "your", "our", "us", "here",
        "now", "free", "trial", "account", "manage", "settings", "privacy", "policy", "terms", "cookies",
        "accept", "options", "feedback", "toggle", "expand", "collapse", "back", "top", "topics", "latest",
        "trending", "popular", "most", "recommended", "loading", "load", "caption", "credit", "enlarge",
        "image", "images", "graphic", "opinion", "analysis", "explainer", "sections", "url", "last",
    ]

    /// Words of a clock time: "9:20 AM ET", "5:32 a.m. PDT".
    static let timeOfDay: Set<String> = [
        "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "et", "edt", "est", "ct", "cdt", "cst", "mt", "mdt", "mst", "pt",
        "pdt", "pst", "gmt", "bst", "cet", "cest", "utc", "noon", "midnight", "today", "yesterday",
    ]
}

private extension String {
    /// A clock time or an "ago": what makes a line of numbers a time stamp.
    var rangeOfTimeStamp: Bool {
        contains(":") || contains(" ago") || contains("a.m") || contains("p.m") || contains(" am") || contains(" pm")
    }
}
