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
        var old = old, new = new
        return old.withUTF8 { oldBytes in
            new.withUTF8 { newBytes in
                classify(oldBytes, WordTokenizer.spans(oldBytes), newBytes, WordTokenizer.spans(newBytes))
            }
        }
    }

    /// The same on bytes already tokenized: pairing classifies every edited
    /// sentence, and only the words that differ ever become strings.
    static func classify(_ old: UnsafeBufferPointer<UInt8>, _ oldSpans: [TokenSpan],
                         _ new: UnsafeBufferPointer<UInt8>, _ newSpans: [TokenSpan]) -> EditKind {
        let oldWords = oldSpans.filter { $0.kind != .punctuation }
        let newWords = newSpans.filter { $0.kind != .punctuation }
        if skeleton(old, oldWords) == skeleton(new, newWords) { return .cosmetic }
        guard oldWords.count == newWords.count else { return .wording }
        var differing = 0
        for (a, b) in zip(oldWords, newWords) where !equalIgnoringCase(old, a.range, new, b.range) {
            differing += 1
            let aText = text(old, a.range), bText = text(new, b.range)
            guard differing <= 2, a.kind == .word, b.kind == .word,
                  max(aText.count, bText.count) >= 3,
                  editDistance(Array(aText.lowercased()), Array(bText.lowercased())) <= 2 else { return .wording }
        }
        return differing == 0 ? .cosmetic : .typo
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
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
        let aText = text(a, ra), bText = text(b, rb)
        if aText.utf8.allSatisfy({ $0 < 0x80 }) && bText.utf8.allSatisfy({ $0 < 0x80 }) { return false }
        return aText.lowercased() == bText.lowercased()
    }

    /// Letters and digits only, lowercased: what survives a cosmetic edit.
    static func skeleton(_ bytes: UnsafeBufferPointer<UInt8>, _ words: [TokenSpan]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for word in words {
            let range = word.range
            if bytes[range].allSatisfy({ $0 < 0x80 }) {
                for byte in bytes[range] {
                    switch byte {
                    case 0x41...0x5A: result.append(byte | 0x20)
                    case 0x61...0x7A, 0x30...0x39: result.append(byte)
                    default: break
                    }
                }
            } else {
                for scalar in text(bytes, range).lowercased().unicodeScalars
                where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    result.append(contentsOf: String(scalar).utf8)
                }
            }
        }
        return result
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
