import RevtrackDiff
import RevtrackText

/// Interns the tokens of two sentences by their exact bytes: a small open
/// addressing table per comparison, verified byte for byte.
enum TokenInterning {
    static func intern(_ old: UnsafeBufferPointer<UInt8>, _ oldSpans: [TokenSpan],
                       _ new: UnsafeBufferPointer<UInt8>, _ newSpans: [TokenSpan]) -> (old: [Int32], new: [Int32], symbolCount: Int) {
        var size = 16
        while size < (oldSpans.count + newSpans.count) * 2 { size <<= 1 }
        var slots = [Int32](repeating: -1, count: size)
        var representatives: [(hash: UInt64, bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>)] = []
        func intern(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32 {
            let hash = WordHash.exact(bytes, range)
            var slot = Int(truncatingIfNeeded: hash >> 17) & (size - 1)
            while slots[slot] >= 0 {
                let entry = representatives[Int(slots[slot])]
                if entry.hash == hash && entry.bytes[entry.range].elementsEqual(bytes[range]) { return slots[slot] }
                slot = (slot + 1) & (size - 1)
            }
            slots[slot] = Int32(representatives.count)
            representatives.append((hash, bytes, range))
            return slots[slot]
        }
        let a = oldSpans.map { intern(old, $0.range) }
        let b = newSpans.map { intern(new, $0.range) }
        return (a, b, representatives.count)
    }
}
