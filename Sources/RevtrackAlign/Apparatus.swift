import RevtrackText

/// Lines of a story's apparatus that report nothing of the event and so pair
/// with nothing: bylines ("By Nailia Bagirova"), credits ("(Reporting by …;
/// Editing by …)", "REUTERS/Aziz Karimov") and labelled lines of the page
/// ("PHOTO CAPTION: …", "Read more: …", "Related: …"). Page furniture
/// proper is left out by the caller's filter; these are the lines that look
/// like prose to it.
enum Apparatus {
    static func contains(_ sentence: Sentence) -> Bool {
        let words = WordTokenizer.tokenize(sentence.text)
        guard let first = words.first else { return true }
        let lowered = words.prefix(4).map { $0.text.lowercased() }
        let wordCount = words.filter { $0.kind != .punctuation }.count
        // "By Nailia Bagirova", "By Carla Ruiz and Tom Lee".
        if lowered.first == "by", wordCount <= 7, words.dropFirst().filter({ $0.kind == .word }).allSatisfy({ $0.text.first!.isUppercase || $0.text == "and" }) {
            return true
        }
        // "(Reporting by …", "Writing by …", "Additional reporting by …".
        let opening = lowered.filter { $0 != "(" }
        if opening.count >= 2, ["reporting", "writing", "editing", "additional"].contains(opening[0]), opening.contains("by") { return true }
        // "REUTERS/Aziz Karimov", "AP Photo/Jane Doe": an agency's credit.
        if wordCount <= 6, sentence.text.contains("/"), first.text.allSatisfy({ $0.isUppercase || !$0.isLetter }) || lowered.contains("photo") { return true }
        // A label before a colon: "PHOTO CAPTION:", "Read more:", "Related:".
        if let colon = words.prefix(4).firstIndex(where: { $0.text == ":" }) {
            let label = words[..<colon].map { $0.text.lowercased() }.joined(separator: " ")
            if labels.contains(label) { return true }
        }
        return false
    }

    private static let labels: Set<String> = [
        "photo", "photo caption", "caption", "image", "picture", "file photo", "video", "watch", "listen", "read more",
        "more", "related", "see also", "also read", "read also", "recommended", "editor's note", "correction",
    ]
}
