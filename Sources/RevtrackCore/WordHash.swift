import RevtrackText

/// 64-bit hashes of tokens straight from UTF-8 bytes, eight bytes per
/// multiply: pairing compares the words of tens of thousands of sentences and
/// must not build a string, or look one up in a dictionary, per word.
enum WordHash {
    @inline(__always)
    static func mix(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        let product = (hash ^ value).multipliedFullWidth(by: 0x9FB2_1C65_1E98_DF25)
        return product.high ^ product.low
    }

    static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ 0xCBF2_9CE4_8422_2325

    /// The token's bytes as they are: word diffs compare exact tokens.
    static func exact(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash = seed
        var index = range.lowerBound
        while range.upperBound - index >= 8 {
            hash = mix(hash, UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
            index += 8
        }
        return mix(hash, tail(bytes, index, range.upperBound))
    }

    /// The lowercased word (the exact hash of its lowercase form): ASCII
    /// folded eight bytes at a time, anything else through Unicode's
    /// lowercase mapping. Equal for "Army" and "army".
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash = seed
        var index = range.lowerBound
        while range.upperBound - index >= 8 {
            let chunk = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
            guard chunk & 0x8080_8080_8080_8080 == 0 else { return unicodeLowercased(bytes, range) }
            hash = mix(hash, foldASCII(chunk))
            index += 8
        }
        let last = tail(bytes, index, range.upperBound)
        guard last & 0x0080_8080_8080_8080 == 0 else { return unicodeLowercased(bytes, range) }
        return mix(hash, foldASCII(last & 0x00FF_FFFF_FFFF_FFFF) | (last & 0xFF00_0000_0000_0000))
    }

    /// Up to seven bytes, tagged with their count in the top byte.
    @inline(__always)
    private static func tail(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var chunk: UInt64 = 0
        var shift: UInt64 = 0
        for index in start..<end {
            chunk |= UInt64(bytes[index]) << shift
            shift += 8
        }
        return chunk | (UInt64(end - start) << 56)
    }

    /// ASCII "A"–"Z" to lowercase in all eight bytes at once (bytes below 0x80).
    @inline(__always)
    private static func foldASCII(_ chunk: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let atLeastA = chunk &+ ones &* (0x80 - 0x41)
        let aboveZ = chunk &+ ones &* (0x80 - 0x5B)
        let upper = atLeastA & ~aboveZ & (ones &* 0x80)
        return chunk | (upper >> 2)
    }

    private static func unicodeLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var lower = bytes.utf8String(range).lowercased()
        // The same value the ASCII path gives: the hash of the lowercased bytes.
        return lower.withUTF8 { exact($0, 0..<$0.count) }
    }
}
