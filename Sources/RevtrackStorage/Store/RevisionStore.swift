import Foundation

/// A revtrack repository: a bare git repository whose branches are tracks and
/// whose commits are revisions (`text.txt` + `meta.json`).
///
/// Holds one libgit2 handle, which must not be used from two threads at once:
/// open one store per task. Everything it returns is a `Sendable` value.
public final class RevisionStore {
    /// The repository folder as given by the user, used in every message.
    public let path: String
    let repository: GitRepository

    /// Marks a bare repository as revtrack's, so that `--repo` pointed at some
    /// other repository is refused rather than written into.
    static let formatKey = "revtrack.format"
    static let formatVersion = "1"

    private init(path: String, repository: GitRepository) {
        self.path = path
        self.repository = repository
    }

    /// Creates a new, empty revtrack repository (and missing parent folders).
    public static func create(at path: String) throws(StorageError) -> RevisionStore {
        if FileManager.default.fileExists(atPath: path) {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? ["?"]
            if !contents.isEmpty { throw .repositoryExists(path: path) }
        }
        do {
            let repository = try GitRepository.initBare(at: path)
            try repository.setConfig(formatKey, formatVersion)
            return RevisionStore(path: path, repository: repository)
        } catch {
            throw .git(path: path, error)
        }
    }

    /// Opens an existing revtrack repository, refusing anything else.
    public static func open(at path: String) throws(StorageError) -> RevisionStore {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .notARepository(path: path, reason: "no such folder (create one with 'revtrack init')")
        }
        guard isDirectory.boolValue else {
            throw .notARepository(path: path, reason: "it is a file, not a folder")
        }
        let repository: GitRepository
        do {
            repository = try GitRepository.open(at: path)
        } catch {
            if error.isNotFound {
                throw .notARepository(path: path, reason: "not a git repository")
            }
            throw .damagedRepository(path: path, detail: error.description)
        }
        guard repository.isBare else {
            throw .notARepository(path: path, reason: "a git work tree, not a bare revtrack repository")
        }
        let format: String?
        do { format = try repository.configString(formatKey) } catch {
            throw .damagedRepository(path: path, detail: error.description)
        }
        guard let format else {
            // Config does not travel: a plain `git clone --bare` of a revtrack archive has none. What
            // travels is the tracks' commits; a branch whose tip holds meta.json and text.txt is one.
            guard holdsRevisions(repository) else {
                throw .notARepository(path: path, reason: "a git repository without '\(formatKey)' in its config and no revtrack tracks")
            }
            try? repository.setConfig(formatKey, formatVersion)      // a read-only mirror opens all the same
            return RevisionStore(path: path, repository: repository)
        }
        guard format == formatVersion else {
            throw .notARepository(path: path, reason: "repository format \(format) is newer than this revtrack (\(formatVersion))")
        }
        return RevisionStore(path: path, repository: repository)
    }

    /// Whether some branch's tip is a revtrack revision (its tree holds meta.json and text.txt).
    private static func holdsRevisions(_ repository: GitRepository) -> Bool {
        guard let names = try? repository.branchReferenceNames() else { return false }
        for name in names.prefix(20) {
            guard let tip = try? repository.referenceTarget(name), let commit = try? repository.commit(tip),
                  (try? repository.treeEntry(commit.tree, named: "meta.json")) ?? nil != nil,
                  (try? repository.treeEntry(commit.tree, named: "text.txt")) ?? nil != nil else { continue }
            return true
        }
        return false
    }

    /// Runs libgit2 work, reporting failures against this repository.
    func git<T>(_ body: () throws(GitError) -> T) throws(StorageError) -> T {
        do { return try body() } catch { throw .git(path: path, error) }
    }

    /// Like `git`, for reads of objects that must exist: a failure there means
    /// the repository is damaged (missing or corrupt objects).
    func read<T>(_ what: @autoclosure () -> String, _ body: () throws(GitError) -> T) throws(StorageError) -> T {
        do { return try body() } catch {
            throw .damagedRepository(path: path, detail: "\(what()): \(error.message) (\(error.function))")
        }
    }
}
