/// How a command names a revision: `TRACK` (latest), `TRACK@N` (N-th, 1 =
/// first), `TRACK~K` (K before the latest), or a commit id / unique prefix
/// of at least 7 hex digits.
public struct RevisionSpec: Hashable, Sendable, CustomStringConvertible {
    public enum Position: Hashable, Sendable {
        case latest
        case number(Int)
        case back(Int)
    }

    /// The track as written (full or short name); for a bare hex string this may
    /// also be a commit prefix, which resolution tries after the tracks.
    public let track: String
    public let position: Position
    public let text: String

    /// Shortest commit prefix accepted, so that short words are never taken for ids.
    public static let minimumCommitPrefix = 7

    public init(parsing text: String) throws(StorageError) {
        self.text = text
        if let at = text.lastIndex(of: "@") {
            track = String(text[..<at])
            let digits = text[text.index(after: at)...]
            guard let number = Int(digits), number >= 1, digits.allSatisfy(\.isASCII) else {
                throw .invalidRevisionSpec(text, "expected TRACK@N with N a revision number from 1")
            }
            position = .number(number)
        } else if let tilde = text.lastIndex(of: "~") {
            track = String(text[..<tilde])
            let digits = text[text.index(after: tilde)...]
            if digits.isEmpty {
                position = .back(1)
            } else {
                guard let count = Int(digits), count >= 0, digits.allSatisfy(\.isASCII) else {
                    throw .invalidRevisionSpec(text, "expected TRACK~K with K a whole number")
                }
                position = .back(count)
            }
        } else {
            track = text
            position = .latest
        }
        if track.isEmpty { throw .invalidRevisionSpec(text, "no track named") }
        if position == .latest, isCommitPrefix { return }
        if let problem = TrackName.problem(with: track) {
            throw .invalidRevisionSpec(text, "'\(track)' is not a track name (\(problem))")
        }
    }

    /// Whether the text could be an abbreviated commit id.
    public var isCommitPrefix: Bool {
        position == .latest && (Self.minimumCommitPrefix...40).contains(track.utf8.count)
            && track.utf8.allSatisfy(\.isASCIIHexDigit)
    }

    public var description: String { text }
}
