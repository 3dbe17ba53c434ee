import RevtrackText

/// The pieces of a sentence that facts are read from. The segmenter joins
/// lines without final punctuation into one sentence ("Live updates / By
/// Jordan Blake / Updated 4:01 PM EDT"), which is right for a diff of wrapped
/// prose but wrong for facts: a byline, a timestamp and a headline are
/// separate lines. A line break starts a new unit when either side of it is
/// a short line (eight words or fewer) and the line before does not end
/// mid-phrase. Units keep their sentence's index and exact byte offsets.
enum ReadingUnits {
    static func split(_ sentence: Sentence) -> [Sentence] {
        let text = sentence.slice
        guard text.utf8.contains(0x0A) else { return [sentence] }
        var lines: [Substring] = text.split(separator: "\n", omittingEmptySubsequences: false)[...].map { $0 }
        lines = lines.filter { !$0.allSatisfy(\.isWhitespace) }
        guard lines.count > 1 else { return [sentence] }
        var groups: [[Substring]] = [[lines[0]]]
        for line in lines.dropFirst() {
            let previous = groups[groups.count - 1].last!
            if startsUnit(line, after: previous) { groups.append([line]) } else { groups[groups.count - 1].append(line) }
        }
        guard groups.count > 1 else { return [sentence] }
        return groups.map { group in
            let first = group[0], last = group[group.count - 1]
            let slice = text[first.startIndex..<last.endIndex]
            let start = sentence.utf8Range.lowerBound + text.utf8.distance(from: text.startIndex, to: first.startIndex)
            return Sentence(paragraph: sentence.paragraph, slice: slice, utf8Range: start..<(start + slice.utf8.count))
        }
    }

    private static func startsUnit(_ line: Substring, after previous: Substring) -> Bool {
        let before = previous.trimmingCharacters(in: .whitespaces)
        if let last = before.last, ",;:-–(".contains(last) { return false }
        if let lastWord = before.split(separator: " ").last?.lowercased(), joiners.contains(lastWord) { return false }
        return wordCount(previous) <= 8 || wordCount(line) <= 8
    }

    private static func wordCount(_ line: Substring) -> Int { line.split(whereSeparator: \.isWhitespace).count }

    private static let joiners: Set<String> = ["and", "or", "of", "the", "a", "an", "to", "in", "on", "for", "with", "by", "at", "from"]
}
