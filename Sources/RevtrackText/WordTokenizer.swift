/// A word, number or punctuation mark inside a sentence.
public struct WordToken: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case word, number, punctuation }

    public let text: String
    public let kind: Kind
    /// Byte offsets into the sentence's UTF-8.
    public let utf8Range: Range<Int>
}

/// Splits a sentence into tokens that read naturally in a word-level diff:
/// numbers keep their separators ("1,960", "3.5"), hyphenated words and
/// contractions stay whole ("two-year", "Azerbaijan’s", "don't"), acronyms keep
/// inner dots ("U.S"), and each punctuation mark is its own token.
public enum WordTokenizer {
    public static func tokenize(_ sentence: String) -> [WordToken] {
        let scalars = Array(sentence.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var byte = 0
        for scalar in scalars { offsets.append(byte); byte += UTF8.width(scalar) }
        offsets.append(byte)

        var tokens: [WordToken] = []
        var index = 0
        func isAlphanumeric(_ i: Int) -> Bool {
            i < scalars.count && (scalars[i].properties.isAlphabetic || scalars[i].properties.numericType != nil
                                  || scalars[i].properties.generalCategory == .nonspacingMark)
        }
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < scalars.count && ("0"..."9").contains(scalars[i]) }
        func emit(_ start: Int, _ end: Int, _ kind: WordToken.Kind) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            tokens.append(WordToken(text: String(view), kind: kind, utf8Range: offsets[start]..<offsets[end]))
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace { index += 1; continue }
            if isAlphanumeric(index) {
                let start = index
                var allDigits = true
                while index < scalars.count {
                    if isAlphanumeric(index) {
                        if !isDigit(index) { allDigits = false }
                        index += 1
                        continue
                    }
                    let connector = scalars[index]
                    let nextIsAlphanumeric = isAlphanumeric(index + 1)
                    if (connector == "," || connector == ".") && isDigit(index - 1) && isDigit(index + 1) {
                        index += 1                         // 1,960 · 3.5
                    } else if (connector == "'" || connector == "’" || connector == "-" || connector == "‑") && nextIsAlphanumeric {
                        allDigits = false
                        index += 1                         // Azerbaijan’s · two-year
                    } else if connector == ".", nextIsAlphanumeric, index + 2 <= scalars.count,
                              index - start == 1 || scalars[index - 2] == ".",
                              index + 2 == scalars.count || !isAlphanumeric(index + 2) {
                        allDigits = false
                        index += 1                         // U.S · a.m
                    } else {
                        break
                    }
                }
                emit(start, index, allDigits ? .number : .word)
                continue
            }
            // Punctuation: runs of the same mark ("...", "--") are one token.
            let start = index
            index += 1
            while index < scalars.count && scalars[index] == scalar && (scalar == "." || scalar == "-") { index += 1 }
            emit(start, index, .punctuation)
        }
        return tokens
    }
}
