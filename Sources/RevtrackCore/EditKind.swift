import RevtrackText

/// What kind of edit a modified sentence received, so readers can skip noise.
public enum EditKind: String, Sendable, Hashable, Codable {
    /// Whitespace, punctuation, letter case or quote style only.
    case cosmetic
    /// One or two words changed by a small spelling edit (never a number).
    case typo
    /// Anything else.
    case wording

    public static func classify(old: String, new: String) -> EditKind {
        classify(old: old, new: new, oldTokens: WordTokenizer.tokenize(old), newTokens: WordTokenizer.tokenize(new))
    }

    /// The same, for callers that already tokenized both sentences.
    public static func classify(old: String, new: String, oldTokens: [WordToken], newTokens: [WordToken]) -> EditKind {
        let oldWords = oldTokens.filter { $0.kind != .punctuation }
        let newWords = newTokens.filter { $0.kind != .punctuation }
        if skeleton(oldWords) == skeleton(newWords) { return .cosmetic }
        guard oldWords.count == newWords.count else { return .wording }
        var differing = 0
        for (a, b) in zip(oldWords, newWords) where a.text.lowercased() != b.text.lowercased() {
            differing += 1
            guard differing <= 2, a.kind == .word, b.kind == .word,
                  max(a.text.count, b.text.count) >= 3,
                  editDistance(Array(a.text.lowercased()), Array(b.text.lowercased())) <= 2 else { return .wording }
        }
        return differing == 0 ? .cosmetic : .typo
    }

    /// Letters and digits only, lowercased: what survives a cosmetic edit.
    static func skeleton(_ words: [WordToken]) -> String {
        var bytes: [UInt8] = []
        for word in words {
            if word.text.utf8.allSatisfy({ $0 < 0x80 }) {
                for byte in word.text.utf8 {
                    switch byte {
                    case 0x41...0x5A: bytes.append(byte | 0x20)
                    case 0x61...0x7A, 0x30...0x39: bytes.append(byte)
                    default: break
                    }
                }
            } else {
                let kept = word.text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
                for scalar in kept { bytes.append(contentsOf: Array(String(scalar).utf8)) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Levenshtein distance on short words.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
