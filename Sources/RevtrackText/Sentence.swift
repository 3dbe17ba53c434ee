/// One sentence of a text, with its exact place in the original.
public struct Sentence: Sendable, Hashable {
    /// 0-based paragraph number.
    public let paragraph: Int
    /// Byte offsets into the original text's UTF-8.
    public let utf8Range: Range<Int>
    /// The sentence as a view into the segmented text's storage: a 10 MB
    /// text has over a hundred thousand sentences, and copying each into a
    /// string of its own cost more than segmenting it.
    public let slice: Substring

    public init(paragraph: Int, slice: Substring, utf8Range: Range<Int>) {
        self.paragraph = paragraph
        self.slice = slice
        self.utf8Range = utf8Range
    }

    /// The sentence exactly as written (inner line breaks of wrapped text included).
    public var text: String { String(slice) }

    /// The text with every run of whitespace turned into one space: two
    /// sentences that differ only in spacing or line wrapping compare equal.
    public var normalized: String { Whitespace.collapse(text) }
}

/// A text split into paragraphs and sentences.
public struct SegmentedText: Sendable {
    public let text: String
    public let sentences: [Sentence]
    public let paragraphCount: Int

    public init(text: String, sentences: [Sentence], paragraphCount: Int) {
        self.text = text
        self.sentences = sentences
        self.paragraphCount = paragraphCount
    }

    /// Sentence ranges as Unicode scalar offsets (what Python's `str` indexes),
    /// computed in one pass for JSON output.
    public func scalarRanges() -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(sentences.count)
        var scalarOffset = 0
        var byteOffset = 0
        let utf8 = Array(text.utf8)
        func advance(to target: Int) {
            while byteOffset < target {
                // Count only scalar-leading bytes.
                if utf8[byteOffset] & 0xC0 != 0x80 { scalarOffset += 1 }
                byteOffset += 1
            }
        }
        for sentence in sentences {
            advance(to: sentence.utf8Range.lowerBound)
            let start = scalarOffset
            advance(to: sentence.utf8Range.upperBound)
            result.append(start..<scalarOffset)
        }
        return result
    }
}

public enum Whitespace {
    /// The white space sentence comparison ignores and display collapses:
    /// ASCII space, tab, line feed and carriage return.
    @inlinable @inline(__always)
    public static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    /// Collapses runs of ASCII white space (space, tab, line feed, carriage
    /// return) to one space and trims both ends: the same white space that
    /// sentence comparison ignores, so two sentences that compare equal also
    /// print the same.
    public static func collapse(_ text: String) -> String {
        var needsWork = false
        var previousWasSpace = true
        for byte in text.utf8 {
            let space = isSpace(byte)
            if space && (previousWasSpace || byte != 0x20) { needsWork = true; break }
            previousWasSpace = space
        }
        if !needsWork && !previousWasSpace { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if isSpace(byte) {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20); pendingSpace = false }
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The UTF-8 bytes in `range` as a string: for the few tokens and words
    /// the byte-level code paths ever need as text.
    @inlinable
    public func utf8String(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self)
    }
}
