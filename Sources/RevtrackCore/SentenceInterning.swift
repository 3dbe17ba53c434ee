import RevtrackText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns the sentences of both texts to integers, comparing them after
/// whitespace normalization, straight from the texts' UTF-8 bytes: no
/// normalized copy of any sentence is made. Each side's sentences are hashed
/// on a core of its own, eight bytes at a time; then each half of the hash
/// space is interned on a core of its own. Ids are therefore not dense: they
/// lie below the returned `symbolCount`, which is all Myers needs.
///
/// By default two sentences with the same 64-bit hash get one id without
/// their bytes being compared: comparing them here would read each sentence's
/// first occurrence at random places in 10 MB texts. The caller checks every
/// pair it takes as identical instead, in order along both texts, and asks
/// for `exact` ids in the (astronomically rare) case that a check fails.
enum SentenceInterning {
    typealias Hash = @Sendable (UnsafeBufferPointer<UInt8>, Range<Int>) -> UInt64

    /// - Parameters:
    ///   - exact: compare the bytes of sentences whose hashes are equal.
    ///   - hashing: the sentence hash (tests pass a poor one to force collisions).
    static func intern(_ old: SegmentedText, _ oldBytes: UnsafeBufferPointer<UInt8>,
                       _ new: SegmentedText, _ newBytes: UnsafeBufferPointer<UInt8>, exact: Bool = false,
                       hashing: Hash = SentenceInterning.hash) -> (old: [Int32], new: [Int32], symbolCount: Int) {
        // Borrowed for this call and only read by the workers.
        nonisolated(unsafe) let texts = (oldBytes, newBytes)
        let hashes = Parallel.sides(bytes: oldBytes.count + newBytes.count) { side in
            let bytes = side == 0 ? texts.0 : texts.1
            return (side == 0 ? old : new).sentences.map { hashing(bytes, $0.utf8Range) }
        }
        // Two tables, one per half of the hash space, filled on two cores:
        // a sentence's id is its table's local id times two plus the half.
        var a = [Int32](repeating: 0, count: old.sentences.count)
        var b = [Int32](repeating: 0, count: new.sentences.count)
        let counts = a.withUnsafeMutableBufferPointer { a in
            b.withUnsafeMutableBufferPointer { b in
                // Each worker writes only the slots of its own half of the hash space.
                nonisolated(unsafe) let ids = (a, b)
                return Parallel.sides(bytes: oldBytes.count + newBytes.count) { half in
                    let high = UInt64(half)
                    var members = 0
                    for hash in hashes.0 where hash >> 63 == high { members += 1 }
                    for hash in hashes.1 where hash >> 63 == high { members += 1 }
                    var table = Table(capacity: members, texts: texts, exact: exact)
                    for index in hashes.0.indices where hashes.0[index] >> 63 == high {
                        ids.0[index] = table.intern(hashes.0[index], old.sentences[index].utf8Range, side: 0) << 1 | Int32(half)
                    }
                    for index in hashes.1.indices where hashes.1[index] >> 63 == high {
                        ids.1[index] = table.intern(hashes.1[index], new.sentences[index].utf8Range, side: 1) << 1 | Int32(half)
                    }
                    return table.count
                }
            }
        }
        return (a, b, 2 * max(counts.0, counts.1))
    }

    /// A hash of the sentence with each whitespace run counted as one
    /// separator: every run of non-space bytes is mixed in eight bytes at a
    /// time (a multiply per eight bytes, not per byte as FNV would), and word
    /// ends are found eight bytes at a time too.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var hash = WordHash.seed
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            while index < end && Whitespace.isSpace(bytes[index]) { index += 1 }
            guard index < end else { break }
            // One word: whole chunks while no byte below 0x21 appears.
            while true {
                guard end - index >= 8 else {
                    var chunk: UInt64 = 0, shift: UInt64 = 0
                    while index < end && !Whitespace.isSpace(bytes[index]) {
                        chunk |= UInt64(bytes[index]) << shift
                        shift += 8
                        index += 1
                    }
                    hash = WordHash.mix(hash, chunk ^ (shift << 56) ^ 0x20)
                    break
                }
                let chunk = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                let low = (chunk &- ones &* 0x21) & ~chunk & highs
                if low == 0 {
                    hash = WordHash.mix(hash, chunk)
                    index += 8
                    continue
                }
                let offset = low.trailingZeroBitCount / 8     // the first byte below 0x21
                guard Whitespace.isSpace(bytes[index + offset]) else { return bytewiseHash(bytes, range) }
                let shift = UInt64(offset * 8)
                let head = offset == 0 ? 0 : chunk & ((1 << shift) - 1)
                hash = WordHash.mix(hash, head ^ (shift << 56) ^ 0x20)
                index += offset
                break
            }
        }
        return hash
    }

    /// The same hash a byte at a time, for sentences holding control
    /// characters (which belong to words, unlike white space).
    static func bytewiseHash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash = WordHash.seed
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            while index < end && Whitespace.isSpace(bytes[index]) { index += 1 }
            guard index < end else { break }
            var chunk: UInt64 = 0, shift: UInt64 = 0
            while index < end {
                let byte = bytes[index]
                if Whitespace.isSpace(byte) { break }
                chunk |= UInt64(byte) << shift
                shift += 8
                index += 1
                if shift == 64 {
                    hash = WordHash.mix(hash, chunk)
                    chunk = 0
                    shift = 0
                }
            }
            // The word's tail, tagged with its length, then the separator.
            hash = WordHash.mix(hash, chunk ^ (shift << 56) ^ 0x20)
        }
        return hash
    }

    /// Whether two sentences are equal after whitespace normalization.
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ ra: Range<Int>, _ b: UnsafeBufferPointer<UInt8>, _ rb: Range<Int>) -> Bool {
        if ra.count == rb.count,
           memcmp(a.baseAddress! + ra.lowerBound, b.baseAddress! + rb.lowerBound, ra.count) == 0 { return true }
        var i = ra.lowerBound, j = rb.lowerBound
        while i < ra.upperBound && j < rb.upperBound {
            let x = a[i], y = b[j]
            if Whitespace.isSpace(x) && Whitespace.isSpace(y) {
                while i < ra.upperBound && Whitespace.isSpace(a[i]) { i += 1 }
                while j < rb.upperBound && Whitespace.isSpace(b[j]) { j += 1 }
                continue
            }
            if x != y { return false }
            i += 1; j += 1
        }
        return i == ra.upperBound && j == rb.upperBound
    }

    /// Open addressing; each slot holds the hash beside the id, so that a
    /// lookup touches one place in memory. The first sentence seen with each
    /// content is the entry's representative (compared in `exact` mode only).
    private struct Table {
        struct Slot {
            var hash: UInt64
            var id: Int32
        }
        var slots: [Slot]
        let mask: Int
        var sides: [Int8] = []
        var ranges: [Range<Int>] = []
        let texts: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>)
        let exact: Bool
        private(set) var count = 0

        init(capacity: Int, texts: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>), exact: Bool) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            slots = Array(repeating: Slot(hash: 0, id: -1), count: size)
            mask = size - 1
            self.texts = texts
            self.exact = exact
            if exact {
                sides.reserveCapacity(capacity)
                ranges.reserveCapacity(capacity)
            }
        }

        mutating func intern(_ hash: UInt64, _ range: Range<Int>, side: Int8) -> Int32 {
            var slot = Int(truncatingIfNeeded: hash >> 20) & mask
            while true {
                let entry = slots[slot]
                if entry.id < 0 { break }
                if entry.hash == hash {
                    guard exact else { return entry.id }
                    let bytes = side == 0 ? texts.0 : texts.1
                    let entryBytes = sides[Int(entry.id)] == 0 ? texts.0 : texts.1
                    if SentenceInterning.equal(bytes, range, entryBytes, ranges[Int(entry.id)]) { return entry.id }
                }
                slot = (slot + 1) & mask
            }
            let id = Int32(count)
            slots[slot] = Slot(hash: hash, id: id)
            count += 1
            if exact {
                sides.append(side)
                ranges.append(range)
            }
            return id
        }
    }
}
