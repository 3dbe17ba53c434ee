/// Numbered and lettered lists run together in one paragraph ("1.) The first
/// item 2.) The second item", "a. … b. …", "• 9. … • 10. …"): each item is a
/// sentence, and the full stop of a marker ends nothing. Markers count only
/// when the paragraph opens with one (or a colon introduces "1.") and they run
/// in sequence (1, 2, 3 or a, b, c), so "in 2. The" inside prose is never a list.
enum ListMarkers {
    /// The byte ranges of the paragraph's markers, in order; empty when it is not a list.
    static func find(_ bytes: UnsafeBufferPointer<UInt8>, in paragraph: Range<Int>) -> [Range<Int>] {
        find(bytes, at: paragraph.lowerBound, in: paragraph)
    }

    /// The same for a list that a colon introduces inside the paragraph, given
    /// the full stop of its "1." ("Steps: 1. Open the valve. 2. …"); asked only
    /// when the segmenter meets ": 1." or ": a.", so prose costs nothing.
    @inline(never)
    static func find(_ bytes: UnsafeBufferPointer<UInt8>, introducedAt dot: Int, in paragraph: Range<Int>) -> [Range<Int>] {
        guard dot >= paragraph.lowerBound + 3, bytes[dot - 2] == 0x20, bytes[dot - 3] == 0x3A else { return [] }
        return find(bytes, at: dot - 1, in: paragraph)
    }

    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, in paragraph: Range<Int>) -> [Range<Int>] {
        guard let first = marker(bytes, at: start, end: paragraph.upperBound), first.ordinal == 1 || start == paragraph.lowerBound
        else { return [] }
        var markers = [first.range]
        var expected = first.ordinal + 1
        var index = first.range.upperBound
        while index < paragraph.upperBound {
            if Whitespace.isSpace(bytes[index - 1]), let found = marker(bytes, at: index, end: paragraph.upperBound), found.ordinal == expected {
                markers.append(found.range)
                expected += 1
                index = found.range.upperBound
            } else {
                index += 1
            }
        }
        return markers.count >= 2 ? markers : []
    }

    /// Splits each range of `result` (from `first` on) before any of `starts` inside it.
    @inline(never)
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, _ result: inout [Range<Int>], from first: Int, at starts: [Int]) {
        var split: [Range<Int>] = []
        for range in result[first...] {
            var lower = range.lowerBound
            for start in starts where start > lower && start < range.upperBound {
                var upper = start
                while upper > lower, Whitespace.isSpace(bytes[upper - 1]) { upper -= 1 }
                split.append(lower..<upper)
                lower = start
            }
            split.append(lower..<range.upperBound)
        }
        result.replaceSubrange(first..., with: split)
    }

    /// A marker at `index`: an optional bullet ("•", "⁃") and space, then one
    /// or two digits or one lowercase letter, then ".", ")" or ".)", then a
    /// space and a capital letter.
    private static func marker(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (range: Range<Int>, ordinal: Int)? {
        var index = start
        if index + 2 < end, bytes[index] == 0xE2,
           bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA2 || bytes[index + 1] == 0x81 && bytes[index + 2] == 0x83 {
            index += 3
            while index < end, bytes[index] == 0x20 { index += 1 }
        }
        var ordinal = 0, digits = 0
        while index < end, (0x30...0x39).contains(bytes[index]), digits < 2 {
            ordinal = ordinal * 10 + Int(bytes[index] - 0x30)
            digits += 1
            index += 1
        }
        if digits == 0 {
            guard index < end, (0x61...0x7A).contains(bytes[index]) else { return nil }
            ordinal = Int(bytes[index] - 0x61) + 1
            index += 1
        }
        guard index < end, bytes[index] == 0x2E || bytes[index] == 0x29 else { return nil }
        if bytes[index] == 0x2E, index + 1 < end, bytes[index + 1] == 0x29 { index += 1 }
        index += 1
        guard index + 1 < end, bytes[index] == 0x20, (0x41...0x5A).contains(bytes[index + 1]) else { return nil }
        return (start..<index, ordinal)
    }
}
