import RevtrackLexicon
import RevtrackText

/// What kind of edit a modified sentence received, so readers can skip noise
/// and never skip a change of meaning. Ranked: `meaning` first, `cosmetic` last.
public enum EditKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Whitespace, punctuation, letter case or quote style only.
    case cosmetic
    /// One or two misspelt words corrected: each old word is not in the
    /// dictionary, the new one is, a small spelling edit apart (never a number).
    case typo
    /// Other rewording: tense, number, synonyms, added or dropped words.
    case wording
    /// A change a reader must see: a fact of the sentence changed (a number,
    /// date, name, quote, speaker or attribution). Set by the fact comparison,
    /// not here.
    case fact
    /// The sentence now says something else: negation added or removed,
    /// antonyms swapped (rose/fell, safe/unsafe), modality or attribution
    /// shifted (will/may, confirmed/reported).
    case meaning

    public static func < (a: EditKind, b: EditKind) -> Bool { a.rank < b.rank }

    private var rank: Int {
        switch self {
        case .cosmetic: 0
        case .typo: 1
        case .wording: 2
        case .fact: 3
        case .meaning: 4
        }
    }

    public static func classify(old: String, new: String) -> EditKind {
        var old = old, new = new
        return old.withUTF8 { oldBytes in
            new.withUTF8 { newBytes in classify(oldBytes, SentenceWords(oldBytes), newBytes, SentenceWords(newBytes)) }
        }
    }

    /// The same on sentences already tokenized (pairing classifies every
    /// edited sentence): the surface first, on bytes; the dictionary and the
    /// meaning words only for what the surface leaves open.
    static func classify(_ old: UnsafeBufferPointer<UInt8>, _ oldWords: SentenceWords,
                         _ new: UnsafeBufferPointer<UInt8>, _ newWords: SentenceWords) -> EditKind {
        let (surface, misspelt) = surfaceKind(old, oldWords.spans, new, newWords.spans)
        switch surface {
        case .cosmetic:
            return .cosmetic
        case .typo where misspelt.allSatisfy({ !Lexicon.isWord(old.utf8String($0.old)) && Lexicon.isWord(new.utf8String($0.new)) }):
            return .typo
        default:
            return MeaningShift.changesMeaning(old, oldWords.spans, oldWords.bag, new, newWords.spans, newWords.bag) ? .meaning : .wording
        }
    }

    /// The shape of the edit alone: `cosmetic`, `typo` (one or two words a
    /// small spelling edit apart, returned with their ranges) or `wording`.
    /// Words are read in place, punctuation skipped as it comes.
    static func surfaceKind(_ old: UnsafeBufferPointer<UInt8>, _ oldSpans: [TokenSpan],
                            _ new: UnsafeBufferPointer<UInt8>, _ newSpans: [TokenSpan])
        -> (EditKind, [(old: Range<Int>, new: Range<Int>)]) {
        if sameSkeleton(old, oldSpans, new, newSpans) { return (.cosmetic, []) }
        var i = 0, j = 0
        var differing: [(old: Range<Int>, new: Range<Int>)] = []
        while true {
            while i < oldSpans.count && oldSpans[i].kind == .punctuation { i += 1 }
            while j < newSpans.count && newSpans[j].kind == .punctuation { j += 1 }
            guard i < oldSpans.count, j < newSpans.count else {
                // Different word counts are never a typo.
                if i < oldSpans.count || j < newSpans.count { return (.wording, []) }
                return (differing.isEmpty ? .cosmetic : .typo, differing)
            }
            let a = oldSpans[i], b = newSpans[j]
            i += 1; j += 1
            if equalIgnoringCase(old, a.range, new, b.range) { continue }
            differing.append((a.range, b.range))
            guard differing.count <= 2, a.kind == .word, b.kind == .word, isSmallEdit(old, a.range, new, b.range) else {
                return (.wording, [])
            }
        }
    }

    /// At least three letters long and at most two letters off, case aside.
    private static func isSmallEdit(_ a: UnsafeBufferPointer<UInt8>, _ ra: Range<Int>,
                                    _ b: UnsafeBufferPointer<UInt8>, _ rb: Range<Int>) -> Bool {
        let x = a[ra], y = b[rb]
        if x.allSatisfy({ $0 < 0x80 }) && y.allSatisfy({ $0 < 0x80 }) {
            func lowered(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
                bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
            }
            return max(x.count, y.count) >= 3 && EditDistance.levenshtein(lowered(x), lowered(y)) <= 2
        }
        let aText = a.utf8String(ra), bText = b.utf8String(rb)
        return max(aText.count, bText.count) >= 3
            && EditDistance.levenshtein(Array(aText.lowercased()), Array(bText.lowercased())) <= 2
    }

    /// Bytes compared with ASCII case folded; words with other letters by
    /// their Unicode lowercase forms.
    private static func equalIgnoringCase(_ a: UnsafeBufferPointer<UInt8>, _ ra: Range<Int>,
                                          _ b: UnsafeBufferPointer<UInt8>, _ rb: Range<Int>) -> Bool {
        if ra.count == rb.count {
            var ascii = true
            for (i, j) in zip(ra, rb) {
                let x = a[i], y = b[j]
                if x >= 0x80 || y >= 0x80 { ascii = false; break }
                if x != y && (x | 0x20 != y | 0x20 || !(0x61...0x7A).contains(x | 0x20)) { return false }
            }
            if ascii { return true }
        }
        let aText = a.utf8String(ra), bText = b.utf8String(rb)
        if aText.utf8.allSatisfy({ $0 < 0x80 }) && bText.utf8.allSatisfy({ $0 < 0x80 }) { return false }
        return aText.lowercased() == bText.lowercased()
    }

    /// Whether both sides have the same letters and digits, lowercased: what
    /// survives a cosmetic edit. Read in step on both sides, so that the
    /// usual answer, no, comes at the first differing letter.
    static func sameSkeleton(_ old: UnsafeBufferPointer<UInt8>, _ oldWords: [TokenSpan],
                             _ new: UnsafeBufferPointer<UInt8>, _ newWords: [TokenSpan]) -> Bool {
        var a = Skeleton(bytes: old, words: oldWords), b = Skeleton(bytes: new, words: newWords)
        while true {
            let x = a.next(), y = b.next()
            if x != y { return false }
            if x == nil { return true }
        }
    }

    /// The letters and digits of a sentence's words, lowercased, one byte at
    /// a time (a word beyond ASCII goes through Unicode's lowercase mapping);
    /// punctuation tokens are skipped.
    struct Skeleton {
        let bytes: UnsafeBufferPointer<UInt8>
        let words: [TokenSpan]
        var word = -1
        var offset = 0
        var converted: [UInt8] = []
        var convertedOffset = 0

        init(bytes: UnsafeBufferPointer<UInt8>, words: [TokenSpan]) {
            self.bytes = bytes
            self.words = words
            nextWord()
        }

        private mutating func nextWord() {
            word += 1
            while word < words.count && words[word].kind == .punctuation { word += 1 }
            if word < words.count { offset = Int(words[word].start) }
            prepareWord()
        }

        mutating func next() -> UInt8? {
            while word < words.count {
                if !converted.isEmpty {
                    if convertedOffset < converted.count { convertedOffset += 1; return converted[convertedOffset - 1] }
                } else {
                    while offset < Int(words[word].end) {
                        let byte = bytes[offset]
                        offset += 1
                        switch byte {
                        case 0x41...0x5A: return byte | 0x20
                        case 0x61...0x7A, 0x30...0x39: return byte
                        default: continue
                        }
                    }
                }
                nextWord()
            }
            return nil
        }

        private mutating func prepareWord() {
            converted.removeAll(keepingCapacity: true)
            convertedOffset = 0
            guard word < words.count else { return }
            let range = words[word].range
            guard bytes[range].contains(where: { $0 >= 0x80 }) else { return }
            for scalar in bytes.utf8String(range).lowercased().unicodeScalars
            where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                converted.append(contentsOf: String(scalar).utf8)
            }
            // A word with no letters left still counts as converted (and empty).
            if converted.isEmpty { offset = range.upperBound }
        }
    }
}
