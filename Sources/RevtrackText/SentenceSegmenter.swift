#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits news prose into paragraphs and sentences.
///
/// Works on UTF-8 bytes and looks at words only around a candidate full stop,
/// so it runs at memory speed. News-specific rules: titles and initials
/// ("Col. Gen. Yevgeny Nikiforov", "J. R. R. Tolkien"), acronyms ("U.S."),
/// decimals and amounts ("3.5%", "$1.2 billion"), sentences that end inside
/// quotation marks (`…," he said.` stays one sentence), ellipses, headlines and
/// captions without a full stop (a line is a paragraph), and hard-wrapped text
/// (blank-line paragraphs whose lines are joined).
public enum SentenceSegmenter {
    public static func segment(_ text: String) -> SegmentedText {
        var contiguous = text
        contiguous.makeContiguousUTF8()
        // Sentences are views into the text, not copies; boundaries always fall between scalars.
        let shared = contiguous
        let utf8 = shared.utf8
        let (sentences, paragraphCount) = contiguous.withUTF8 { bytes in
            var sentences: [Sentence] = []
            sentences.reserveCapacity(bytes.count / 64)
            var ranges: [Range<Int>] = []
            let paragraphs = paragraphRanges(bytes)
            for (index, paragraph) in paragraphs.enumerated() {
                ranges.removeAll(keepingCapacity: true)
                sentenceRanges(bytes, in: paragraph, into: &ranges)
                for range in ranges {
                    let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                    let upper = utf8.index(lower, offsetBy: range.count)
                    sentences.append(Sentence(paragraph: index, slice: Substring(utf8[lower..<upper]), utf8Range: range))
                }
            }
            return (sentences, paragraphs.count)
        }
        return SegmentedText(text: shared, sentences: sentences, paragraphCount: paragraphCount)
    }

    // MARK: - Paragraphs

    /// Paragraph byte ranges, trimmed. Each line is a paragraph, except that a
    /// line continues the previous one when the text is hard-wrapped (blank
    /// lines separate paragraphs and most lines break mid-sentence), or when it
    /// starts in lowercase after a line without closing punctuation.
    static func paragraphRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        // Hard-wrapped text: blank lines exist and most lines inside blocks end mid-sentence.
        var blankLines = 0, innerLines = 0, innerOpen = 0, lineCount = 0
        var previous: Range<Int>? = nil
        var seenText = false, pendingBlank = false
        forEachLine(bytes) { line in
            lineCount += 1
            // Blank lines between text, not a trailing newline, separate paragraphs.
            if line.isEmpty { pendingBlank = seenText } else {
                if pendingBlank { blankLines += 1 }
                pendingBlank = false
                seenText = true
            }
            if let previous, !previous.isEmpty, !line.isEmpty {
                innerLines += 1
                if !endsClosed(bytes, previous) { innerOpen += 1 }
            }
            previous = line
        }
        let wrapped = blankLines > 0 && innerLines >= 2 && innerOpen * 10 >= innerLines * 6

        // A lowercase line continues a sentence only if that sentence ends somewhere before the
        // next blank line ("a sentence\ncut off … pdf."), while "features\ncontact manager" is a
        // list. Looked up only when a lowercase line follows an open one; what a look-ahead
        // learnt is kept, so a long block is read once.
        var knownClosedUntil = -1, knownOpenUntil = -1
        func closedAhead(_ line: Range<Int>) -> Bool {
            if line.lowerBound < knownClosedUntil { return true }
            if line.lowerBound < knownOpenUntil { return false }
            var start = line.lowerBound
            while start < bytes.count {
                var stop = bytes.count
                if let newline = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) {
                    stop = bytes.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                }
                let next = trim(bytes, start..<stop)
                if next.isEmpty { break }
                if endsClosed(bytes, next) { knownClosedUntil = stop; return true }
                start = stop + 1
            }
            knownOpenUntil = start
            return false
        }

        var paragraphs: [Range<Int>] = []
        paragraphs.reserveCapacity(lineCount - blankLines)
        var current: Range<Int>? = nil
        forEachLine(bytes) { line in
            if line.isEmpty {
                if let paragraph = current { paragraphs.append(paragraph); current = nil }
                return
            }
            if let paragraph = current {
                let continues = wrapped || (!endsClosed(bytes, paragraph) && startsLowercase(bytes, line) && closedAhead(line))
                if continues {
                    current = paragraph.lowerBound..<line.upperBound
                    return
                }
                paragraphs.append(paragraph)
            }
            current = line
        }
        if let paragraph = current { paragraphs.append(paragraph) }
        return paragraphs
    }

    /// Each line's trimmed range, in order (an empty range for a blank line).
    @inline(__always)
    private static func forEachLine(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var start = 0
        while start <= bytes.count {
            var end = bytes.count
            if start < bytes.count, let newline = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) {
                end = bytes.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            }
            body(trim(bytes, start..<end))
            start = end + 1
        }
    }

    // MARK: - Sentences

    /// Appends the paragraph's non-empty sentence ranges to `result`.
    static func sentenceRanges(_ bytes: UnsafeBufferPointer<UInt8>, in paragraph: Range<Int>, into result: inout [Range<Int>]) {
        // A list opens with a digit, a lowercase letter or a bullet; most paragraphs open with a capital.
        let opener = paragraph.isEmpty ? 0 : bytes[paragraph.lowerBound]
        var listMarkers = (0x30...0x39).contains(opener) || (0x61...0x7A).contains(opener) || opener == 0xE2
            ? ListMarkers.find(bytes, in: paragraph) : []
        let first = result.count
        defer { if listMarkers.count > 1 { ListMarkers.split(bytes, &result, from: first, at: listMarkers.dropFirst().map(\.lowerBound)) } }
        var sentenceStart = paragraph.lowerBound
        let end = paragraph.upperBound
        var index = paragraph.lowerBound
        while index < end {
            // Eight bytes at a time past text that holds no terminator candidate.
            while end - index >= 8 && !mayEndSentence(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            guard index < end else { break }
            let byte = bytes[index]
            let isEllipsis = byte == 0xE2 && index + 2 < end && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA6
            guard byte == 0x2E || byte == 0x21 || byte == 0x3F || isEllipsis else {
                index += 1
                continue
            }
            // The run of terminators: ".", "?!", "...", "…", and the spaced ellipsis ". . ." of quotations.
            let terminatorStart = index
            var dots = 0, strong = false, ellipsis = isEllipsis, spaced = false
            while index < end {
                let b = bytes[index]
                if b == 0x2E { dots += 1; index += 1 }
                else if b == 0x21 || b == 0x3F { strong = true; index += 1 }
                else if b == 0xE2 && index + 2 < end && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA6 {
                    ellipsis = true; index += 3
                } else if b == 0x20, dots > 0, index + 1 < end, bytes[index + 1] == 0x2E,
                          dots > 1 || index + 2 < end && (bytes[index + 2] == 0x20 || bytes[index + 2] == 0x2E) {
                    spaced = true; index += 1
                } else { break }
            }
            if dots >= 3 { ellipsis = true }
            // "[...]": an omission inside brackets ends nothing.
            if ellipsis, terminatorStart > paragraph.lowerBound, bytes[terminatorStart - 1] == 0x5B { continue }
            // Inside a list marker ("1.", "2.)", "a."): not a full stop.
            if listMarkers.isEmpty, dots == 1, terminatorStart >= paragraph.lowerBound + 3, bytes[terminatorStart - 2] == 0x20,
               bytes[terminatorStart - 3] == 0x3A {
                listMarkers = ListMarkers.find(bytes, introducedAt: terminatorStart, in: paragraph)
            }
            if !listMarkers.isEmpty, listMarkers.contains(where: { $0.contains(terminatorStart) }) { continue }
            // Closing quotes and brackets belong to the sentence they close.
            var closeEnd = index
            while closeEnd < end, let width = closerWidth(bytes, closeEnd, end) { closeEnd += width }
            guard closeEnd < end else { break }
            guard isSpace(bytes[closeEnd]) else {
                // "3.5", "U.S.-led", "REUTERS/x" go on; "…Russia.After a call…" and "…future.\"The largest…",
                // sentences glued without a space (scraped teasers), end here.
                if (0x41...0x5A).contains(bytes[closeEnd]), isGlued(bytes, terminatorStart: terminatorStart, next: closeEnd, end: end, sentenceStart: sentenceStart) {
                    result.append(sentenceStart..<closeEnd)
                    sentenceStart = closeEnd
                }
                continue
            }
            var next = closeEnd
            while next < end && isSpace(bytes[next]) { next += 1 }
            let attached = terminatorStart > sentenceStart && !isSpace(bytes[terminatorStart - 1])
            if spaced {
                // ". . ." leaves a sentence open; ". . . ." ends one; "compounds. . . . The" is a full stop
                // and then an ellipsis that opens the next sentence.
                let nextClass = characterClass(bytes, skippingOpenersFrom: next, end: end)
                if dots >= 4, nextClass == .uppercase || nextClass == .other {
                    if attached {
                        result.append(sentenceStart..<(terminatorStart + 1))
                        sentenceStart = terminatorStart + 2
                    } else {
                        if sentenceStart < closeEnd { result.append(sentenceStart..<closeEnd) }
                        sentenceStart = next
                    }
                }
                index = next
                continue
            }
            let decision = isBoundary(bytes, terminatorStart: terminatorStart, dots: dots, strong: strong,
                                      ellipsis: ellipsis, next: next, end: end, sentenceStart: sentenceStart)
            if decision {
                if sentenceStart < closeEnd { result.append(sentenceStart..<closeEnd) }
                sentenceStart = next
            }
            index = next
        }
        if sentenceStart < end {
            let last = trim(bytes, sentenceStart..<end)
            if !last.isEmpty { result.append(last) }
        }
    }

    private static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, terminatorStart: Int, dots: Int, strong: Bool,
                                   ellipsis: Bool, next: Int, end: Int, sentenceStart: Int) -> Bool {
        let nextClass = characterClass(bytes, skippingOpenersFrom: next, end: end)
        if nextClass == .lowercase { return false }
        if strong || ellipsis { return nextClass != .digit || strong }
        // A single full stop: look at the word it ends.
        let previous = wordBefore(bytes, terminatorStart, lowerLimit: sentenceStart)
        if previous.isEmpty { return true }
        func nextIsStarter() -> Bool {
            Abbreviations.sentenceStarters.contains(word(bytes, startingAt: next, end: end).lowercased())
        }
        /// A web address ("…/content.html. Please") or a number with dots ("1026.253.553. That"),
        /// asked only of a word with a dot in it.
        func endsAddressOrNumber() -> Bool {
            nextClass == .uppercase && (bytes[previous].allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2E })
                || endsWebAddress(bytes, before: terminatorStart, lowerLimit: sentenceStart))
        }
        guard let key = Abbreviations.Key(bytes, previous) else {
            if bytes[previous].contains(0x2E), endsAddressOrNumber() { return true }
            return isBoundary(after: bytes.utf8String(previous),
                              nextClass: nextClass, nextIsStarter: nextIsStarter)
        }
        // ASCII words of at most eight bytes: the lists are consulted on the packed word.
        if Abbreviations.neverFinalKeys.contains(key) { return false }
        if Abbreviations.titleKeys.contains(key), (0x41...0x5A).contains(bytes[previous.lowerBound]) { return false }
        if Abbreviations.beforeNumberKeys.contains(key), nextClass == .digit { return false }
        if previous.lowerBound >= 2, bytes[previous.lowerBound - 2] == 0x2C, (0x41...0x5A).contains(bytes[previous.lowerBound]),
           Abbreviations.stateKeys.contains(key) { return nextIsStarter() }
        // An initial ("J.") or an acronym with inner dots ("U.S", "a.m").
        let isInitial = previous.count == 1 && (0x41...0x5A).contains(bytes[previous.lowerBound])
        if isInitial || key.containsDot || Abbreviations.ambiguousKeys.contains(key) {
            if key.containsDot, endsAddressOrNumber() { return true }
            // "you and I. Did": the pronoun after a lowercase word, not an initial ("Albert I. Jones").
            if isInitial, bytes[previous.lowerBound] == 0x49, nextClass == .uppercase, previous.lowerBound >= 2,
               let before = wordBefore(bytes, previous.lowerBound - 1, lowerLimit: sentenceStart).first,
               (0x61...0x7A).contains(bytes[before]) { return true }
            return nextIsStarter()
        }
        return true
    }

    /// The same decision for a word that is long or not ASCII, on its string.
    private static func isBoundary(after previous: String, nextClass: CharacterClass, nextIsStarter: () -> Bool) -> Bool {
        let lower = previous.lowercased()
        if Abbreviations.neverFinal.contains(lower) { return false }
        if Abbreviations.titles.contains(lower), previous.first?.isUppercase == true { return false }
        if Abbreviations.beforeNumbers.contains(lower), nextClass == .digit { return false }
        let isInitial = previous.count == 1 && previous.first!.isLetter && previous.first!.isUppercase
        if isInitial || previous.contains(".") || Abbreviations.ambiguous.contains(lower) { return nextIsStarter() }
        return true
    }

    /// Whether a full stop, "?" or "!" with no space after it ends a sentence
    /// glued to the next: a word of two or more lowercase letters (or a number)
    /// before it, and a capitalised word of lowercase letters after it
    /// ("world.Today", "1,000.That", "future.\"The"); not "U.S.Army",
    /// "Mr.Smith", "example.Com" or "ASP.NET".
    @inline(never)
    private static func isGlued(_ bytes: UnsafeBufferPointer<UInt8>, terminatorStart: Int, next: Int, end: Int,
                                sentenceStart: Int) -> Bool {
        guard terminatorStart >= sentenceStart + 2, next + 1 < end, (0x41...0x5A).contains(bytes[next]),
              (0x61...0x7A).contains(bytes[next + 1]) else { return false }
        let previous = wordBefore(bytes, terminatorStart, lowerLimit: sentenceStart)
        guard previous.count >= 2, !bytes[previous].contains(0x2E), !endsWebAddress(bytes, before: terminatorStart, lowerLimit: sentenceStart)
        else { return false }
        let last = bytes[previous.upperBound - 1], beforeLast = bytes[previous.upperBound - 2]
        let lowercaseWord = (0x61...0x7A).contains(last) && (0x61...0x7A).contains(beforeLast)
        let number = (0x30...0x39).contains(last)
        guard lowercaseWord || number else { return false }
        if lowercaseWord, let key = Abbreviations.Key(bytes, previous),
           Abbreviations.neverFinalKeys.contains(key) || Abbreviations.titleKeys.contains(key) { return false }
        // Not an e-mail or web address ("Jane.Doe@example.com", "site.Com/page").
        var tokenEnd = next
        while tokenEnd < end, !isSpace(bytes[tokenEnd]) {
            if bytes[tokenEnd] == 0x40 || bytes[tokenEnd] == 0x2F { return false }
            tokenEnd += 1
        }
        // The word after must go on in lowercase for a while: "Today", not "Com" of a domain.
        var stop = next + 1
        while stop < end, (0x61...0x7A).contains(bytes[stop]) { stop += 1 }
        if stop < end, bytes[stop] == 0x2E, let key = Abbreviations.Key(bytes, next..<stop), Abbreviations.titleKeys.contains(key) {
            return true    // "Tuesday.Mr. Smith"
        }
        return stop == end || bytes[stop] != 0x2E || stop - next >= 4
    }

    /// Whether the text just before `position` is a web address ("https://…",
    /// "www.…"): the token holds "://" or starts with "www.". Read in place,
    /// since every sentence boundary asks.
    @inline(never)
    private static func endsWebAddress(_ bytes: UnsafeBufferPointer<UInt8>, before position: Int, lowerLimit: Int) -> Bool {
        var start = position
        var scheme = false
        while start > lowerLimit, !isSpace(bytes[start - 1]), position - start < 2_048 {
            start -= 1
            if bytes[start] == 0x3A, start + 2 < position, bytes[start + 1] == 0x2F, bytes[start + 2] == 0x2F { scheme = true }
        }
        if scheme { return true }
        return position - start > 4 && bytes[start] | 0x20 == 0x77 && bytes[start + 1] | 0x20 == 0x77
            && bytes[start + 2] | 0x20 == 0x77 && bytes[start + 3] == 0x2E
    }

    // MARK: - Byte helpers

    /// Whether any of the eight bytes is ".", "!", "?" or 0xE2 (the lead byte
    /// of "…"): the usual zero-byte test on the bytes XORed with each.
    @inline(__always)
    private static func mayEndSentence(_ chunk: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) func zeroBytes(_ candidate: UInt64) -> UInt64 {
            let bytes = chunk ^ (ones &* candidate)
            return (bytes &- ones) & ~bytes
        }
        return (zeroBytes(0x2E) | zeroBytes(0x21) | zeroBytes(0x3F) | zeroBytes(0xE2)) & (ones &* 0x80) != 0
    }

    enum CharacterClass { case uppercase, lowercase, digit, other, none }

    private static func characterClass(_ bytes: UnsafeBufferPointer<UInt8>, skippingOpenersFrom start: Int, end: Int) -> CharacterClass {
        var index = start
        while index < end, let width = openerWidth(bytes, index, end) { index += width }
        guard index < end else { return .none }
        let byte = bytes[index]
        switch byte {
        case 0x41...0x5A: return .uppercase
        case 0x61...0x7A: return .lowercase
        case 0x30...0x39: return .digit
        case 0x00..<0x80: return .other
        default:
            var iterator = UnsafeBufferPointer(rebasing: bytes[index..<min(end, index + 4)]).makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) {
                if scalar.properties.isUppercase { return .uppercase }
                if scalar.properties.isLowercase { return .lowercase }
            }
            return .other
        }
    }

    /// The word that starts at `start` (after openers), letters only, up to 20 bytes.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, startingAt start: Int, end: Int) -> String {
        var index = start
        while index < end, let width = openerWidth(bytes, index, end) { index += width }
        var stop = index
        while stop < end && stop - index < 20 && isWordByte(bytes[stop]) { stop += 1 }
        return bytes.utf8String(index..<stop)
    }

    /// The token just before a full stop, without leading punctuation ("U.S" in "(U.S.").
    private static func wordBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int, lowerLimit: Int) -> Range<Int> {
        var start = position
        while start > lowerLimit && !isSpace(bytes[start - 1]) && start > position - 24 { start -= 1 }
        while start < position && !isWordByte(bytes[start]) { start += 1 }
        return start..<position
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
            || byte == 0x2E || byte >= 0x80
    }

    static func isSpace(_ byte: UInt8) -> Bool { Whitespace.isSpace(byte) }

    private static func closerWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int? {
        switch bytes[index] {
        case 0x22, 0x27, 0x29, 0x5D: return 1                  // " ' ) ]
        case 0xE2 where index + 2 < end && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x9D || bytes[index + 2] == 0x99):
            return 3                                            // ” ’
        case 0xC2 where index + 1 < end && bytes[index + 1] == 0xBB: return 2   // »
        default: return nil
        }
    }

    private static func openerWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int? {
        switch bytes[index] {
        case 0x22, 0x27, 0x28, 0x5B: return 1                  // " ' ( [
        case 0xE2 where index + 2 < end && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x9C || bytes[index + 2] == 0x98):
            return 3                                            // “ ‘
        case 0xC2 where index + 1 < end && bytes[index + 1] == 0xAB: return 2   // «
        default: return nil
        }
    }

    private static func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper && isSpace(bytes[lower]) { lower += 1 }
        while upper > lower && isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// Whether a line ends like a finished sentence or a heading label.
    private static func endsClosed(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var index = line.upperBound
        while index > line.lowerBound, let _ = closerWidth(bytes, index - 1, line.upperBound) { index -= 1 }
        // Walk back over a multi-byte closer's continuation bytes.
        while index > line.lowerBound && bytes[index - 1] & 0xC0 == 0x80 { index -= 1 }
        guard index > line.lowerBound else { return true }
        switch bytes[index - 1] {
        case 0x2E, 0x21, 0x3F, 0x3A, 0x3B: return true
        case 0xE2: return true    // "…", or a curly closer's lead byte
        default: return false
        }
    }

    private static func startsLowercase(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard !line.isEmpty else { return false }
        return (0x61...0x7A).contains(bytes[line.lowerBound])
    }
}
