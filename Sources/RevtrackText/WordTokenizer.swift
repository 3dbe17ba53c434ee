/// A word, number or punctuation mark inside a sentence.
public struct WordToken: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case word, number, punctuation }

    public let text: String
    public let kind: Kind
    /// Byte offsets into the sentence's UTF-8.
    public let utf8Range: Range<Int>

    public init(text: String, kind: Kind, utf8Range: Range<Int>) {
        self.text = text
        self.kind = kind
        self.utf8Range = utf8Range
    }
}

/// A token as a byte range of its sentence and its kind, without its text:
/// eight bytes, so that the tokens of every changed sentence of a large
/// comparison stay small.
public struct TokenSpan: Sendable, Hashable {
    public let start: Int32
    /// The end offset in the low 30 bits (texts are at most 64 MiB), the kind above.
    private let endAndKind: UInt32

    public init(_ start: Int, _ end: Int, _ kind: WordToken.Kind) {
        self.start = Int32(start)
        let code: UInt32 = switch kind {
        case .word: 0
        case .number: 1
        case .punctuation: 2
        }
        endAndKind = UInt32(end) | code << 30
    }

    public var end: Int32 { Int32(endAndKind & 0x3FFF_FFFF) }

    public var kind: WordToken.Kind {
        switch endAndKind >> 30 {
        case 0: .word
        case 1: .number
        default: .punctuation
        }
    }

    public var range: Range<Int> { Int(start)..<Int(end) }
}

/// Splits a sentence into tokens that read naturally in a word-level diff:
/// numbers keep their separators ("1,960", "3.5"), hyphenated words and
/// contractions stay whole ("two-year", "Azerbaijan’s", "don't"), acronyms keep
/// inner dots ("U.S"), and each punctuation mark is its own token.
///
/// Scans UTF-8 bytes with an ASCII fast path; only non-ASCII characters are
/// decoded and looked up in Unicode's tables.
public enum WordTokenizer {
    public static func tokenize(_ sentence: String) -> [WordToken] {
        var sentence = sentence
        return sentence.withUTF8 { bytes in tokenize(bytes) }
    }

    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [WordToken] {
        spans(bytes).map { span in
            WordToken(text: bytes.utf8String(span.range),
                      kind: span.kind, utf8Range: span.range)
        }
    }

    /// The tokens as byte ranges only: for callers that tokenize many
    /// sentences and read few of the tokens' texts (pairing, edit kinds).
    public static func spans(_ bytes: UnsafeBufferPointer<UInt8>) -> [TokenSpan] {
        var tokens: [TokenSpan] = []
        tokens.reserveCapacity(bytes.count / 5)
        let count = bytes.count
        var index = 0
        while index < count {
            let (kind, width) = classify(bytes, index)
            switch kind {
            case .space:
                index += width
            case .alphanumeric, .digit:
                let start = index
                var allDigits = kind == .digit
                index += width
                while index < count {
                    let (next, nextWidth) = classify(bytes, index)
                    if next == .alphanumeric || next == .digit {
                        if next != .digit { allDigits = false }
                        index += nextWidth
                        continue
                    }
                    // A connector joins when an alphanumeric follows it.
                    let (after, _) = index + nextWidth < count ? classify(bytes, index + nextWidth) : (.space, 0)
                    let afterIsAlphanumeric = after == .alphanumeric || after == .digit
                    let previousIsDigit = isDigit(bytes[index - 1])
                    let byte = bytes[index]
                    if (byte == 0x2C || byte == 0x2E) && previousIsDigit && after == .digit {
                        index += 1                                  // 1,960 · 3.5
                    } else if isJoiner(bytes, index) && afterIsAlphanumeric {
                        allDigits = false
                        index += nextWidth                          // Azerbaijan’s · two-year · don't
                    } else if byte == 0x2E, afterIsAlphanumeric, isAcronymDot(bytes, start: start, dot: index) {
                        allDigits = false
                        index += 1                                  // U.S · a.m
                    } else {
                        break
                    }
                }
                tokens.append(TokenSpan(start, index, allDigits ? .number : .word))
            case .other:
                // Punctuation: runs of "." or "-" are one token ("...", "--").
                let start = index
                index += width
                if bytes[start] == 0x2E || bytes[start] == 0x2D {
                    while index < count && bytes[index] == bytes[start] { index += 1 }
                }
                tokens.append(TokenSpan(start, index, .punctuation))
            }
        }
        return tokens
    }

    private enum Class { case space, alphanumeric, digit, other }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The class of the character at `index` and its width in bytes.
    @inline(__always)
    private static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (Class, Int) {
        let byte = bytes[index]
        guard byte < 0x80 else { return classifyNonASCII(bytes, index) }
        switch byte {
        case 0x30...0x39: return (.digit, 1)
        case 0x41...0x5A, 0x61...0x7A: return (.alphanumeric, 1)
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return (.space, 1)
        default: return (.other, 1)
        }
    }

    @inline(never)
    private static func classifyNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (Class, Int) {
        var iterator = UnsafeBufferPointer(rebasing: bytes[index..<min(bytes.count, index + 4)]).makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return (.other, 1) }
        let width = UTF8.width(scalar)
        let properties = scalar.properties
        if properties.isWhitespace { return (.space, width) }
        if properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark {
            return (.alphanumeric, width)
        }
        return (.other, width)
    }

    /// Apostrophes (straight and curly) and hyphens (ASCII and non-breaking).
    @inline(__always)
    private static func isJoiner(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte == 0x27 || byte == 0x2D { return true }
        guard byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return false }
        return bytes[index + 2] == 0x99 || bytes[index + 2] == 0x91   // ’ ‑
    }

    /// "U.S", "a.m": single letters separated by dots.
    private static func isAcronymDot(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, dot: Int) -> Bool {
        let singleLetterBefore = dot - start == 1 || (dot >= 2 && bytes[dot - 2] == 0x2E)
        let singleLetterAfter = dot + 2 >= bytes.count || classify(bytes, dot + 2).0 != .alphanumeric
        return singleLetterBefore && singleLetterAfter
    }
}
