import RevtrackDiff
import RevtrackText

/// One piece of a word-level change inside a sentence.
public struct WordSegment: Sendable, Hashable {
    public enum Operation: String, Sendable, Hashable { case equal, delete, insert }
    public let operation: Operation
    /// The exact text from its side (old for `delete`, new otherwise).
    public let text: String
    /// Whether whitespace precedes it in its side: renderers keep spacing natural.
    public let spaceBefore: Bool
}

/// Word-level comparison of two sentences with the Myers engine, followed by a
/// semantic clean-up so a change reads as whole phrases, not as scattered
/// one-token matches such as "the" or ",".
public enum WordDiff {
    public static func compare(_ old: String, _ new: String) -> [WordSegment] {
        var old = old, new = new
        return old.withUTF8 { oldBytes in
            new.withUTF8 { newBytes in
                compare(oldBytes, WordTokenizer.spans(oldBytes), newBytes, WordTokenizer.spans(newBytes))
            }
        }
    }

    /// The same on bytes already tokenized (pairing has the spans of every
    /// edited sentence); tokens are interned by their exact bytes.
    static func compare(_ old: UnsafeBufferPointer<UInt8>, _ oldSpans: [TokenSpan],
                        _ new: UnsafeBufferPointer<UInt8>, _ newSpans: [TokenSpan]) -> [WordSegment] {
        let (a, b, symbolCount) = TokenInterning.intern(old, oldSpans, new, newSpans)
        let script = Difference.script(fromInterned: a, to: b, symbolCount: symbolCount)
        let runs = semanticCleanup(script.runs, oldLengths: characterCounts(old, oldSpans),
                                   newLengths: characterCounts(new, newSpans))
        var segments: [WordSegment] = []
        for run in runs {
            switch run.operation {
            case .equal: segments.append(segment(.equal, run.new, newSpans, new))
            case .delete: segments.append(segment(.delete, run.old, oldSpans, old))
            case .insert: segments.append(segment(.insert, run.new, newSpans, new))
            }
        }
        return segments
    }

    private static func segment(_ operation: WordSegment.Operation, _ range: Range<Int>, _ spans: [TokenSpan],
                                _ bytes: UnsafeBufferPointer<UInt8>) -> WordSegment {
        let start = Int(spans[range.lowerBound].start)
        let end = Int(spans[range.upperBound - 1].end)
        let spaceBefore = start > 0 && [0x20, 0x0A, 0x09].contains(bytes[start - 1])
        return WordSegment(operation: operation, text: bytes.utf8String(start..<end),
                           spaceBefore: spaceBefore)
    }

    /// Characters (Unicode scalars) per token, for the clean-up's weighing.
    private static func characterCounts(_ bytes: UnsafeBufferPointer<UInt8>, _ spans: [TokenSpan]) -> [Int] {
        spans.map { span in bytes[span.range].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
    }

    /// diff-match-patch's semantic clean-up on token runs: an equality no longer
    /// (in characters) than the changes on each side of it becomes part of them.
    static func semanticCleanup(_ runs: [EditScript.Run], oldLengths: [Int], newLengths: [Int]) -> [EditScript.Run] {
        func characters(_ range: Range<Int>, _ lengths: [Int]) -> Int {
            lengths[range].reduce(0, +)
        }
        // Work on hunks: (deleted old range, inserted new range) separated by equal runs.
        struct Block { var old: Range<Int>; var new: Range<Int>; var isEqual: Bool }
        var blocks: [Block] = []
        for run in runs {
            let isEqual = run.operation == .equal
            if !isEqual, let last = blocks.last, !last.isEqual {
                blocks[blocks.count - 1].old = last.old.lowerBound..<run.old.upperBound
                blocks[blocks.count - 1].new = last.new.lowerBound..<run.new.upperBound
            } else {
                blocks.append(Block(old: run.old, new: run.new, isEqual: isEqual))
            }
        }
        var changed = true
        while changed {
            changed = false
            var index = 1
            while index + 1 < blocks.count {
                let before = blocks[index - 1], equal = blocks[index], after = blocks[index + 1]
                if equal.isEqual && !before.isEqual && !after.isEqual {
                    let size = characters(equal.new, newLengths)
                    let left = max(characters(before.old, oldLengths), characters(before.new, newLengths))
                    let right = max(characters(after.old, oldLengths), characters(after.new, newLengths))
                    if size <= left && size <= right {
                        blocks[index - 1] = Block(old: before.old.lowerBound..<after.old.upperBound,
                                                  new: before.new.lowerBound..<after.new.upperBound, isEqual: false)
                        blocks.removeSubrange(index...(index + 1))
                        changed = true
                        continue
                    }
                }
                index += 1
            }
        }
        var result: [EditScript.Run] = []
        for block in blocks {
            if block.isEqual {
                result.append(.init(.equal, old: block.old, new: block.new))
            } else {
                if !block.old.isEmpty { result.append(.init(.delete, old: block.old, new: block.new.lowerBound..<block.new.lowerBound)) }
                if !block.new.isEmpty { result.append(.init(.insert, old: block.old.upperBound..<block.old.upperBound, new: block.new)) }
            }
        }
        return result
    }
}
