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
    case invalidRemote(String, String)
    case unknownRemote(String, known: [String])
    /// The remote could not be reached or read (network, authentication, damage).
    case remote(name: String, url: String, GitError)
    case notARevtrackRemote(name: String, url: String, reason: String)
    case diverged(remote: String, tracks: [String])
    case pushRejected(remote: String, track: String, reason: String)
    /// The remote's branch is locked: a push is running there, or one died.
    case remoteLocked(remote: String, file: String)
    /// An `add` whose capture time is before the track's latest revision.
    case outOfOrder(track: String, captured: String, latest: String, latestSpec: String)

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
        case let .invalidRemote(name, reason):
            return "remote '\(name)': \(reason)"
        case let .unknownRemote(name, known):
            if known.isEmpty { return "unknown remote '\(name)': no remotes are configured (add one with 'revtrack remote add NAME URL')" }
            return "unknown remote '\(name)' (remotes: \(known.joined(separator: ", ")))"
        case let .remote(name, url, error):
            return "remote '\(name)' (\(url)): \(error.message)"
        case let .notARevtrackRemote(name, url, reason):
            return "remote '\(name)' (\(url)) is not a revtrack repository: \(reason); nothing was changed"
        case let .diverged(remote, tracks):
            let list = tracks.prefix(5).joined(separator: ", ") + (tracks.count > 5 ? ", …" : "")
            return "push refused: \(tracks.count == 1 ? "track" : "tracks") \(list) \(tracks.count == 1 ? "has" : "have") revisions on '\(remote)' that are not here; run 'revtrack pull \(remote)' first (nothing was sent)"
        case let .pushRejected(remote, track, reason):
            return "push to '\(remote)' rejected for track '\(track)': \(reason); run 'revtrack pull \(remote)' and push again"
        case let .remoteLocked(remote, file):
            return "push to '\(remote)' failed: its branch is locked by \(file); another push is running there, or one died: retry in a moment, and if none is running, remove that file on the remote (nothing was changed here)"
        case let .outOfOrder(track, captured, latest, latestSpec):
            return "track '\(track)': capture time \(captured) is before its latest revision \(latestSpec) (captured \(latest)); nothing was stored (add --insert places it in capture order)"
        }
    }
}
