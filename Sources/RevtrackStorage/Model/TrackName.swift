/// A validated track name such as `reuters` or `karabakh/reuters`.
///
/// Names become git refs (`refs/heads/<name>`), and Swift compares strings by
/// canonical equivalence while git compares bytes, so only a small ASCII
/// alphabet is accepted: one spelling, one ref, on every file system.
public struct TrackName: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// The longest accepted name, well inside every file system's path limits.
    public static let maximumLength = 200

    public init(_ name: String) throws(StorageError) {
        if let problem = TrackName.problem(with: name) {
            throw .invalidTrackName(name, problem)
        }
        rawValue = name
    }

    /// The branch that holds the track.
    public var referenceName: String { "refs/heads/" + rawValue }

    /// The last path segment (`reuters` for `karabakh/reuters`), accepted as a
    /// short name where it is unambiguous.
    public var lastSegment: Substring {
        rawValue.split(separator: "/").last ?? Substring(rawValue)
    }

    public var description: String { rawValue }

    /// The track among `candidates` that `name` means: the exact name, or a
    /// last segment that names exactly one of them.
    static func match(_ name: String, among candidates: [TrackName]) throws(StorageError) -> TrackName {
        if let exact = candidates.first(where: { $0.rawValue == name }) { return exact }
        let bySegment = candidates.filter { $0.lastSegment == name }
        switch bySegment.count {
        case 1: return bySegment[0]
        case 0: throw .unknownTrack(name, known: candidates.map(\.rawValue).sorted())
        default: throw .ambiguousTrack(name, candidates: bySegment.map(\.rawValue).sorted())
        }
    }

    public static func < (lhs: TrackName, rhs: TrackName) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Why `name` cannot be a track name, or nil when it can.
    static func problem(with name: String) -> String? {
        if name.isEmpty { return "the name is empty" }
        if name.utf8.count > maximumLength { return "longer than \(maximumLength) characters" }
        for scalar in name.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", ".", "_", "-", "/": continue
            case "A"..."Z":
                return "use lowercase letters (\(name.lowercased()))"
            default:
                return "only lowercase letters, digits, '.', '_', '-' and '/' are allowed, not \(visible(scalar))"
            }
        }
        if name.hasPrefix("-") { return "a name cannot start with '-'" }
        if name.hasPrefix("/") || name.hasSuffix("/") { return "a name cannot start or end with '/'" }
        if name.contains("//") { return "a name cannot have an empty segment ('//')" }
        if name.contains("..") { return "a name cannot contain '..'" }
        for segment in name.split(separator: "/") {
            if segment.hasPrefix(".") { return "a segment cannot start with '.'" }
            if segment.hasSuffix(".") { return "a segment cannot end with '.'" }
            if segment.hasSuffix(".lock") { return "a segment cannot end with '.lock'" }
        }
        return nil
    }

    private static func visible(_ scalar: Unicode.Scalar) -> String {
        scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F
            ? "'\(scalar)'" : "U+" + String(scalar.value, radix: 16, uppercase: true)
    }
}
