import RevtrackText

/// A sentence's tokens and its word bag: what pairing, edit kinds and word
/// diffs need, computed once per removed or added sentence.
struct SentenceWords: Sendable {
    let spans: [TokenSpan]
    let bag: WordBag

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        spans = WordTokenizer.spans(bytes)
        bag = WordBag(bytes, spans)
    }
}

/// The words of some of a text's sentences (the removed or added ones),
/// found by sentence index: a dense array plus a 32-bit slot per sentence,
/// rather than an optional per sentence.
struct PreparedWords {
    private let slots: [Int32]
    private let words: [SentenceWords]

    init() { slots = []; words = [] }

    init(_ words: [SentenceWords], of indices: [Int], sentenceCount: Int) {
        var slots = [Int32](repeating: -1, count: sentenceCount)
        for (k, index) in indices.enumerated() { slots[index] = Int32(k) }
        self.slots = slots
        self.words = words
    }

    subscript(index: Int) -> SentenceWords? {
        let slot = slots[index]
        return slot >= 0 ? words[Int(slot)] : nil
    }
}
