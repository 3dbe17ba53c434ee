import Foundation
import RevtrackStorage

/// Where the repository is and how a task opens it: `--repo`, else
/// `$REVTRACK_REPO`, else `.revtrack` in the current folder. Each task opens
/// its own store, since a libgit2 handle is not shared between threads.
public struct RepositoryLocation: Sendable, Hashable {
    public let path: String

    /// - Parameter explicit: the path the user gave, if any (empty counts as none).
    public init(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let explicit, !explicit.isEmpty {
            path = explicit
        } else if let variable = environment["REVTRACK_REPO"], !variable.isEmpty {
            path = variable
        } else {
            path = ".revtrack"
        }
    }

    public init(path: String) { self.path = path }

    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

    public func open() throws -> RevisionStore {
        try RevisionStore.open(at: path)
    }

    /// Opens the repository, creating it first when there is none; `created`
    /// says which, so the caller can tell the user.
    public func openOrCreate() throws -> (store: RevisionStore, created: Bool) {
        if exists { return (try open(), false) }
        return (try RevisionStore.create(at: path), true)
    }
}
