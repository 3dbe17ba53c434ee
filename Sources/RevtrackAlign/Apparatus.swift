import RevtrackFacts
import RevtrackText

/// Lines of a story's apparatus that report nothing of the event and so pair
/// with nothing: bylines ("By Nailia Bagirova"), credits ("(Reporting by …;
/// Editing by …)", "REUTERS/Aziz Karimov") and labelled lines of the page
/// ("PHOTO CAPTION: …", "Read more: …", "Related: …"). Page furniture
/// proper is left out by the caller's filter; these are the lines that look
/// like prose to it.
enum Apparatus {
    /// A sentence of several lines (a byline run into a date line and share
    /// buttons: "By Imogen Threlfall, Companies Reporter⏎Saturday 22 August
    /// 2026⏎[Share] [Save]") is apparatus when each line is apparatus or furniture.
    static func contains(_ sentence: Sentence) -> Bool {
        // Below the headline, a short line cut by a separator is a kicker, a section
        // or the masthead and its section ("Talvik Business Daily | Economy",
        // "Sports · Soccer", "Press Release | Westbridge, June 12, 2025").
        if sentence.paragraph > 0, isKicker(sentence.text) { return true }
        guard sentence.text.utf8.contains(0x0A) else { return contains(line: sentence.text) }
        let lines = SentenceSegmenter.segment(sentence.text.replacingOccurrences(of: "\n", with: "\n\n")).sentences
        let chrome = lines.filter { contains(line: $0.text) || PageFurniture.isFurniture($0) }
        // A masthead run into the navigation under it ("Meridian Wire⏎World | Business | …⏎Sign in"):
        // a short name in capitals among lines of chrome.
        return chrome.count == lines.count || !chrome.isEmpty && lines.allSatisfy { chrome.contains($0) || isMasthead($0.text) }
    }

    private static func isKicker(_ text: String) -> Bool {
        // Most sentences hold no separator: "|", or "·" and "•", whose UTF-8 ends in B7 and A2.
        guard text.utf8.contains(where: { $0 == 0x7C || $0 == 0xB7 || $0 == 0xA2 }) else { return false }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = trimmed.last, !".!?\"\u{201D}".contains(last) else { return false }
        let words = WordTokenizer.tokenize(trimmed)
        return words.contains { ["|", "\u{00B7}", "\u{2022}"].contains($0.text) } && words.filter { $0.kind != .punctuation }.count <= 8
    }

    /// A site's name on a line of its own: a few capitalised words, no sentence punctuation ("THE EVENING COURIER").
    private static func isMasthead(_ line: String) -> Bool {
        let words = WordTokenizer.tokenize(line)
        return (1...4).contains(words.count) && words.allSatisfy { $0.kind == .word && $0.text.first?.isUppercase == true }
    }

    private static func contains(line text: String) -> Bool {
        let words = WordTokenizer.tokenize(text)
        guard !words.isEmpty else { return true }
        let lowered = words.prefix(4).map { $0.text.lowercased() }
        let wordCount = words.filter { $0.kind != .punctuation }.count
        // "By Nailia Bagirova", "By Carla Ruiz and Tom Lee".
        if lowered.first == "by", wordCount <= 7, words.dropFirst().filter({ $0.kind == .word }).allSatisfy({ $0.text.first!.isUppercase || $0.text == "and" }) {
            return true
        }
        // "Live reporting by Maja Hren", "Words by …": a credit line's label, then names.
        // ("Live reporting by Maja Ternes in Dolvany, Lukas Brenn and Oksana Dray in Veldra").
        if let by = lowered.firstIndex(of: "by"), by > 0, lowered[..<by].allSatisfy({ creditLabels.contains($0) }), wordCount <= 16,
           words.dropFirst(by + 1).filter({ $0.kind == .word }).allSatisfy({ $0.text.first!.isUppercase || ["and", "in"].contains($0.text) }) {
            return true
        }
        // "(Reporting by …", "Writing by …", "Additional reporting by …".
        let opening = lowered.filter { $0 != "(" }
        if opening.count >= 2, ["reporting", "writing", "editing", "additional"].contains(opening[0]), opening.contains("by") { return true }
        if isAgencyCredit(words, text) { return true }
        // A press release's end mark on a line of its own: "END", "ENDS", "###", "-30-".
        if ["end", "ends", "###", "-30-"].contains(text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()) { return true }
        // A link under a label without its colon: "Related coverage Marevia appeals for tents …", "Read more …".
        if lowered.count >= 2, linkLabels.contains(lowered[0] + " " + lowered[1]) { return true }
        // A label of up to three words before a colon, opening with a word of page
        // apparatus: "PHOTO CAPTION:", "Read more:", "Related coverage:", "See also:".
        if let colon = words.prefix(4).firstIndex(where: { $0.text == ":" }), colon > 0,
           labelOpeners.contains(words[0].text.lowercased()) {
            return true
        }
        return false
    }

    /// "REUTERS/Aziz Karimov", "AP Photo/Jane Doe": an agency's credit.
    private static func isAgencyCredit(_ words: [WordToken], _ text: String) -> Bool {
        guard let first = words.first else { return false }
        return words.filter { $0.kind != .punctuation }.count <= 6 && text.utf8.contains(0x2F)
            && (first.text.allSatisfy { $0.isUppercase || !$0.isLetter } || words.prefix(4).contains { $0.text.lowercased() == "photo" })
    }

    /// The sentences of photo captions: a paragraph of one or two sentences
    /// that ends in an agency's credit ("Staff walk past the entrance at
    /// Wenlow General Hospital. HARBOURLINE/Kofi Brannagh") describes a
    /// picture, not the event, though it reads as prose.
    static func captions(in text: SegmentedText) -> Set<Int> {
        var found: Set<Int> = []
        var start = 0
        for index in text.sentences.indices {
            let sentence = text.sentences[index]
            guard index + 1 == text.sentences.count || text.sentences[index + 1].paragraph != sentence.paragraph else { continue }
            defer { start = index + 1 }
            let line = sentence.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard index > start, index - start <= 2, line.utf8.contains(0x2F), isAgencyCredit(WordTokenizer.tokenize(line), line) else { continue }
            found.formUnion(start...index)
        }
        return found
    }

    /// Two words that label a list of links.
    private static let linkLabels: Set<String> = ["related coverage", "related stories", "related content", "read more", "see also", "more on"]

    /// Words that label a credit line before its "by".
    private static let creditLabels: Set<String> = ["live", "reporting", "words", "text", "story", "report", "written", "updates", "coverage", "("]

    private static let labelOpeners: Set<String> = [
        "photo", "photos", "caption", "image", "images", "picture", "file", "video", "watch", "listen", "read", "more",
        "related", "see", "also", "recommended", "advertisement", "sponsored", "trending",
    ]
}
