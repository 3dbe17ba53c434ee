/// Everything that can go wrong between the CLI and the repository, each with
/// a one-line message that names the problem and the thing it concerns.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidTrackName(String, String)
    case invalidRevisionSpec(String, String)
    case unknownTrack(String, known: [String])
    case ambiguousTrack(String, candidates: [String])
    case unknownRevision(String, String)
    case trackNameConflict(String, existing: String)
    case invalidText(String)
    case notARepository(path: String, reason: String)
    case repositoryExists(path: String)
    case damagedRepository(path: String, detail: String)
    case busy(track: String)
    case git(path: String, GitError)

    public var description: String {
        switch self {
        case let .invalidTrackName(name, reason):
            return "invalid track name '\(name)': \(reason)"
        case let .invalidRevisionSpec(spec, reason):
            return "invalid revision '\(spec)': \(reason)"
        case let .unknownTrack(name, known):
            if known.isEmpty { return "unknown track '\(name)': the repository has no tracks yet" }
            let list = known.prefix(8).joined(separator: ", ") + (known.count > 8 ? ", …" : "")
            return "unknown track '\(name)' (tracks: \(list))"
        case let .ambiguousTrack(name, candidates):
            return "ambiguous track '\(name)': it could be \(candidates.joined(separator: ", "))"
        case let .unknownRevision(spec, reason):
            return "unknown revision '\(spec)': \(reason)"
        case let .trackNameConflict(name, existing):
            return "track '\(name)' cannot exist beside track '\(existing)': one name would be a folder of the other"
        case let .invalidText(reason):
            return reason
        case let .notARepository(path, reason):
            return "'\(path)' is not a revtrack repository: \(reason)"
        case let .repositoryExists(path):
            return "a repository already exists at '\(path)'"
        case let .damagedRepository(path, detail):
            return "repository '\(path)' is damaged: \(detail)"
        case let .busy(track):
            return "track '\(track)' is being written by other processes; gave up after repeated retries"
        case let .git(path, error):
            return "repository '\(path)': \(error)"
        }
    }
}
