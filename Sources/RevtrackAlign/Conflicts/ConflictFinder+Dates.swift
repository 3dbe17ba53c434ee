import RevtrackFacts
import RevtrackText

/// Dates: which two dates of two outlets can be one date told two ways, and
/// which name a report, a record, a start or an end rather than the event.
extension ConflictFinder {
    /// Whether a date starts something ("since", "from") or ends it ("until",
    /// "by the end of"), by the words just before it; nil for a plain date.
    static func dateRole(_ date: Fact, in sentence: SentenceWords) -> Bool? {
        guard let (at, _) = sentence.position(of: date) else { return nil }
        let before = sentence.lower[max(0, at - 4)..<at]
        if let last = before.last(where: { ["since", "from", "until", "till", "through", "by", "end"].contains($0) }) {
            return ["since", "from"].contains(last)
        }
        return nil
    }

    /// Whether a date is a dateline's ("KELLBRIDGE, Jan. 15 (Meridian Wire) -"):
    /// a place in capitals before it, the agency or a dash after it.
    static func isDateline(_ date: Fact, in sentence: Sentence) -> Bool {
        let bytes = Array(sentence.text.utf8), offset = sentence.utf8Range.lowerBound
        guard date.start >= offset, date.end - offset <= bytes.count else { return false }
        let before = String(decoding: bytes[..<(date.start - offset)], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        let after = String(decoding: bytes[(date.end - offset)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return before.hasSuffix(",") && before.contains(where: \.isLetter) && !before.contains(where: \.isLowercase)
            && (after.hasPrefix("(") || after.hasPrefix("-") || after.hasPrefix("\u{2013}") || after.hasPrefix("\u{2014}"))
    }

    /// A date in a post's or an update's time stamp, the label that opens the
    /// sentence with a clock time ("nightshift_lou (5 June, 07:15): …",
    /// "[07:50 TUE 14 APR] PUBLIC MEETING: …", "12 Feb 18:03 | …"): when it
    /// was written, not when what it tells happened.
    static func isStamp(_ date: Fact, in sentence: Sentence) -> Bool {
        let bytes = Array(sentence.text.utf8.prefix(80)), offset = sentence.utf8Range.lowerBound
        var end: Int? = nil
        for index in bytes.indices.dropLast() where bytes[index + 1] == 0x20 && [0x3A, 0x7C, 0x5D].contains(bytes[index]) {
            end = index; break   // ": ", "| ", "] "
        }
        guard let end, date.end - offset <= end + 1 else { return false }
        let label = bytes[..<end]
        return label.indices.dropFirst().dropLast().contains { index in
            label[index] == 0x3A && (0x30...0x39).contains(label[index - 1]) && (0x30...0x39).contains(label[index + 1])
        }
    }

    /// The record a date after "since" marks ("the deadliest … since 1998" →
    /// "deadliest", "the first … since 2016" → "first"), nil for any other date.
    static func record(before date: Fact, in sentence: SentenceWords) -> String? {
        guard let (at, _) = sentence.position(of: date), at > 0, sentence.lower[at - 1] == "since" else { return nil }
        return sentence.lower[..<(at - 1)].last { word in
            ["first", "last", "worst", "best", "most", "least", "only"].contains(word) || word.count > 5 && word.hasSuffix("est")
        }
    }

    /// Whether two dates mark two different records; a record date against a plain one may still disagree.
    static func isTwoRecords(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        return a != b
    }

    /// Whether a date's words give its year ("March 2024", "'24"), not only a month or day.
    static func writesYear(_ date: Fact) -> Bool {
        SentenceWords(date.text).lower.contains { word in
            word.count == 4 && Int(word).map { (1000...2999).contains($0) } == true || word.hasPrefix("'") && word.dropFirst().allSatisfy(\.isNumber)
        }
    }
}
