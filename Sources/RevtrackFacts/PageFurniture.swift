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
        ReadingUnits.split(sentence).allSatisfy { unit in
            let tokenized = TokenizedSentence(index: 0, sentence: unit)
            return isFurniture(tokenized) || isCredit(tokenized)
        }
    }

    /// Whether a line yields no facts: furniture that is not a credit, since
    /// a credit names a real agency and photographer.
    static func yieldsNoFacts(_ unit: TokenizedSentence) -> Bool {
        isFurniture(unit) && !isCredit(unit)
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
        let trimmed = unit.sentence.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        if unit.lower.contains(where: { $0 == "©" || $0 == "copyright" || $0 == "reserved" || $0 == "broadcast" }),
           lower.hasPrefix("©") || lower.hasPrefix("copyright") || lower.contains("rights reserved")
            || lower.contains("may not be published, broadcast") { return true }
        // Navigation: "Markets | Energy | Companies", "World · Middle East · Africa".
        if unit.tokens.filter({ $0.text == "|" || $0.text == "·" || $0.text == "•" }).count >= 2, content.count <= 16 { return true }
        guard content.count <= 12 else { return false }
        var chrome = 0, timeWords = 0
        let tokens = unit.tokens
        for (index, token) in tokens.enumerated() where token.kind == .word || token.kind == .number {
            let word = token.text.lowercased()
            if interface.contains(word) { chrome += 1; continue }
            if timeOfDay.contains(word) || Grammar.weekdays[word] != nil || Grammar.months[word] != nil { timeWords += 1; continue }
            if token.kind == .number {
                // "9:20", "19 min", "2 hours ago", a year in a date line.
                let next = index + 1 < tokens.count ? tokens[index + 1].text.lowercased() : ""
                let previous = index > 0 ? tokens[index - 1].text.lowercased() : ""
                if token.text.contains(":") || next == ":" || previous == ":" || timeOfDay.contains(next) || interface.contains(next)
                    || Grammar.months[next] != nil || Grammar.months[previous] != nil { timeWords += 1; continue }
            }
        }
        let rest = content.count - chrome - timeWords
        // All interface or time words: "Share this article", "Updated 9:20 AM ET", "1 hr ago",
        // "Sign up for our newsletter today!" (sentence punctuation or not).
        if rest == 0 { return chrome > 0 || timeWords > 0 && lower.rangeOfTimeStamp }
        // A line ending a sentence with more than three words is prose.
        if let last = trimmed.last, ".!?\"”’".contains(last), content.count > 3, !lower.hasSuffix("a.m."), !lower.hasSuffix("p.m.") {
            return false
        }
        // Mostly interface words, none of them a verb of news: "Email Bio Follow", "Read Next".
        if chrome >= 2 && rest <= 1 && content.count <= 6 { return true }
        // A section label: "Local News", "Read Schools" (an interface word and ordinary words, no name).
        return chrome >= 1 && content.count <= 3 && content.allSatisfy {
            let word = $0.text.lowercased()
            return interface.contains(word) || Gazetteer.isCommonWord(word) && !Gazetteer.places.contains(word)
        }
    }

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
        "image", "images", "graphic", "opinion", "analysis", "explainer", "sections", "url",
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
