/// Interns strings by their UTF-8 bytes with FNV-1a and open addressing:
/// several times faster than a `[String: Int32]` for the millions of short
/// word tokens of a large text. Strings that differ in bytes get different ids
/// even when Swift would call them canonically equivalent, which is what a diff
/// wants (git compares bytes too).
struct StringInterner {
    private var slots: [Int32]
    private var mask: Int
    private var hashes: [UInt64] = []
    private var keys: [String] = []
    var count: Int { keys.count }

    init(capacity: Int) {
        var size = 1024
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    mutating func intern<C: Collection>(_ strings: C) -> [Int32] where C.Element == String {
        var result: [Int32] = []
        result.reserveCapacity(strings.count)
        for string in strings { result.append(intern(string)) }
        return result
    }

    mutating func intern(_ string: String) -> Int32 {
        let hash = Self.hash(string)
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash && keys[Int(id)] == string { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(keys.count)
        slots[slot] = id
        hashes.append(hash)
        keys.append(string)
        if keys.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    static func hash(_ string: String) -> UInt64 {
        let fast = string.utf8.withContiguousStorageIfAvailable { bytes -> UInt64 in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01B3 }
            return hash
        }
        if let fast { return fast }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in string.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01B3 }
        return hash
    }
}
