internal import CLibGit2

/// A git object id (SHA-1), kept as plain integers so the public API never
/// exposes a C type.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    private var high: UInt64
    private var middle: UInt64
    private var low: UInt32

    init(_ oid: git_oid) {
        var copy = oid
        (high, middle, low) = withUnsafeBytes(of: &copy.id) { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        }
    }

    var oid: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { raw in
            raw.storeBytes(of: high, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: middle, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: low, toByteOffset: 16, as: UInt32.self)
        }
        return oid
    }

    /// Parses a full 40-digit hexadecimal id.
    public init?(hex: String) {
        guard hex.utf8.count == 40, hex.utf8.allSatisfy(\.isASCIIHexDigit) else { return nil }
        var oid = git_oid()
        guard git_oid_fromstr(&oid, hex) == 0 else { return nil }
        self.init(oid)
    }

    /// The 40-digit lowercase hexadecimal form git prints.
    public var hex: String {
        var oid = self.oid
        var buffer = [CChar](repeating: 0, count: 41)
        git_oid_fmt(&buffer, &oid)
        return String(decoding: buffer.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The abbreviated form shown to people (7 digits, like `git log --oneline`).
    public var short: String { String(hex.prefix(7)) }

    public var description: String { hex }
}

extension UInt8 {
    var isASCIIHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x61...0x66).contains(self) || (0x41...0x46).contains(self)
    }
}
