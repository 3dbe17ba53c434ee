import RevtrackText

/// A sentence with its word tokens, lowercased forms and place in the text:
/// what every extractor reads.
struct TokenizedSentence {
    let index: Int
    let sentence: Sentence
    let tokens: [WordToken]
    let lower: [String]
    private let bytes: [UInt8]

    init(index: Int, sentence: Sentence) {
        self.index = index
        self.sentence = sentence
        tokens = WordTokenizer.tokenize(sentence.text)
        lower = tokens.map { $0.text.lowercased() }
        bytes = Array(sentence.text.utf8)
    }

    /// The source text from token `first` through token `last`.
    func text(from first: Int, through last: Int) -> String {
        String(decoding: bytes[tokens[first].utf8Range.lowerBound..<tokens[last].utf8Range.upperBound], as: UTF8.self)
    }

    func fact(_ kind: Fact.Kind, from first: Int, through last: Int) -> Fact {
        let text = text(from: first, through: last)
        return Fact(kind: kind, text: text, value: text, sentence: index,
                    start: sentence.utf8Range.lowerBound + tokens[first].utf8Range.lowerBound,
                    end: sentence.utf8Range.lowerBound + tokens[last].utf8Range.upperBound)
    }
}
