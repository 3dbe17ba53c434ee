internal import CLibGit2
import Foundation

/// One open libgit2 repository handle. Not for two threads at once (libgit2's
/// rule), hence not `Sendable`: open one per task.
///
/// Every method copies what it reads into Swift values and frees the C objects
/// before returning, so no C pointer outlives the call that made it.
final class GitRepository {
    let pointer: OpaquePointer
    let path: String

    private init(pointer: OpaquePointer, path: String) {
        self.pointer = pointer
        self.path = path
    }

    deinit { git_repository_free(pointer) }

    /// Creates a bare repository at `path` (and missing parent folders).
    static func initBare(at path: String) throws(GitError) -> GitRepository {
        ensureLibGit2()
        var options = git_repository_init_options()
        try check(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
                  "git_repository_init_options_init")
        options.flags = GIT_REPOSITORY_INIT_BARE.rawValue | GIT_REPOSITORY_INIT_MKPATH.rawValue
            | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
        var repo: OpaquePointer?
        try check(git_repository_init_ext(&repo, path, &options), "git_repository_init_ext")
        return GitRepository(pointer: repo!, path: path)
    }

    /// Opens exactly `path` (no search upwards through parent folders).
    static func open(at path: String) throws(GitError) -> GitRepository {
        ensureLibGit2()
        var repo: OpaquePointer?
        try check(git_repository_open_ext(&repo, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil),
                  "git_repository_open_ext")
        return GitRepository(pointer: repo!, path: path)
    }

    var isBare: Bool { git_repository_is_bare(pointer) == 1 }

    // MARK: - Config

    func configString(_ key: String) throws(GitError) -> String? {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, pointer), "git_repository_config_snapshot")
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        let result = git_config_get_string(&value, config, key)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_config_get_string")
        return value.map { String(cString: $0) }
    }

    func setConfig(_ key: String, _ value: String) throws(GitError) {
        var config: OpaquePointer?
        try check(git_repository_config(&config, pointer), "git_repository_config")
        defer { git_config_free(config) }
        try check(git_config_set_string(config, key, value), "git_config_set_string")
    }

    // MARK: - References

    /// The object a reference points at, or nil when the reference does not exist.
    func referenceTarget(_ name: String) throws(GitError) -> ObjectID? {
        var oid = git_oid()
        let result = git_reference_name_to_id(&oid, pointer, name)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_reference_name_to_id(\(name))")
        return ObjectID(oid)
    }

    /// `locked`: the ref's lock file exists (a writer holds it, or one died holding it).
    enum SwapOutcome { case updated, lostRace, locked }

    /// Moves `name` to `new` only if it still points at `expected` (nil: does
    /// not exist yet). A concurrent writer makes this return `.lostRace`.
    ///
    /// A missing reference is expected as the zero id rather than created with
    /// `git_reference_create(force: 0)`: that call tests for the file before
    /// taking its lock, so two processes creating one track could both pass
    /// the test and the second overwrite the first's revision. The zero id is
    /// compared under the lock, like any other expected value.
    func compareAndSwap(_ name: String, to new: ObjectID, expected: ObjectID?, logMessage: String)
        throws(GitError) -> SwapOutcome
    {
        var newOID = new.oid
        var expectedOID = expected?.oid ?? git_oid()
        var reference: OpaquePointer?
        let result = git_reference_create_matching(&reference, pointer, name, &newOID, 1, &expectedOID, logMessage)
        // The error is per thread and the next libgit2 call may replace it: read it first.
        let failure = result == 0 ? nil : GitError(code: result, function: "git_reference_create_matching(\(name))")
        git_reference_free(reference)
        switch result {
        case 0: return .updated
        case GIT_EMODIFIED.rawValue, GIT_EEXISTS.rawValue: return .lostRace
        case GIT_ELOCKED.rawValue: return .locked
        default: throw failure!
        }
    }

    /// Full names of all local branches (`refs/heads/...`) with the commits they point at.
    func branchTargets() throws(GitError) -> [(String, ObjectID)] {
        var iterator: OpaquePointer?
        try check(git_branch_iterator_new(&iterator, pointer, GIT_BRANCH_LOCAL), "git_branch_iterator_new")
        defer { git_branch_iterator_free(iterator) }
        var targets: [(String, ObjectID)] = []
        while true {
            var reference: OpaquePointer?
            var type = GIT_BRANCH_LOCAL
            let result = git_branch_next(&reference, &type, iterator)
            if result == GIT_ITEROVER.rawValue { break }
            try check(result, "git_branch_next")
            if let name = git_reference_name(reference), let oid = git_reference_target(reference) {
                targets.append((String(cString: name), ObjectID(oid.pointee)))
            }
            git_reference_free(reference)
        }
        return targets
    }

    /// Full names of all local branches (`refs/heads/...`).
    func branchReferenceNames() throws(GitError) -> [String] {
        try branchTargets().map(\.0)
    }

    // MARK: - Reading objects

    /// Refuses a truncated loose object before libgit2 reads it (libgit2 1.5
    /// would loop forever on it; see `revtrack_loose_object_state`).
    private func guardLooseObject(_ id: ObjectID) throws(GitError) {
        let hex = id.hex
        let gitDirectory = String(cString: git_repository_path(pointer))
        let file = gitDirectory + "objects/" + hex.prefix(2) + "/" + hex.dropFirst(2)
        if revtrack_loose_object_state(file) < 0 {
            throw GitError(code: GIT_ERROR.rawValue, errorClass: Int32(GIT_ERROR_ZLIB.rawValue),
                           message: "loose object \(hex) is truncated or corrupt", function: "inflate")
        }
    }

    struct Commit {
        let id: ObjectID
        let tree: ObjectID
        let parents: [ObjectID]
        /// Committer time, seconds since 1970.
        let time: Int64
        let message: String
    }

    func commit(_ id: ObjectID) throws(GitError) -> Commit {
        try guardLooseObject(id)
        var oid = id.oid
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup(\(id.short))")
        defer { git_commit_free(commit) }
        let parentCount = git_commit_parentcount(commit)
        var parents: [ObjectID] = []
        parents.reserveCapacity(Int(parentCount))
        for index in 0..<parentCount {
            if let parent = git_commit_parent_id(commit, index) { parents.append(ObjectID(parent.pointee)) }
        }
        return Commit(
            id: id,
            tree: ObjectID(git_commit_tree_id(commit).pointee),
            parents: parents,
            time: Int64(git_commit_time(commit)),
            message: git_commit_message(commit).map { String(cString: $0) } ?? ""
        )
    }

    /// The id of the blob named `name` at the top of tree `treeID`, if any.
    func treeEntry(_ treeID: ObjectID, named name: String) throws(GitError) -> ObjectID? {
        try guardLooseObject(treeID)
        var oid = treeID.oid
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, pointer, &oid), "git_tree_lookup(\(treeID.short))")
        defer { git_tree_free(tree) }
        guard let entry = git_tree_entry_byname(tree, name) else { return nil }
        return ObjectID(git_tree_entry_id(entry).pointee)
    }

    /// Refuses a truncated loose tree, or loose blob under it, before anything
    /// reads them: what a push is about to send goes through here first.
    func verifyTree(_ treeID: ObjectID) throws(GitError) {
        try guardLooseObject(treeID)
        var oid = treeID.oid
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, pointer, &oid), "git_tree_lookup(\(treeID.short))")
        defer { git_tree_free(tree) }
        for index in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, index) else { continue }
            try guardLooseObject(ObjectID(git_tree_entry_id(entry).pointee))
        }
    }

    func blobContents(_ id: ObjectID) throws(GitError) -> [UInt8] {
        try guardLooseObject(id)
        var oid = id.oid
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, pointer, &oid), "git_blob_lookup(\(id.short))")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }

    /// Resolves an abbreviated id (at least 4 hex digits) to a commit.
    func commitID(prefix: String) throws(GitError) -> ObjectID {
        var short = git_oid()
        try check(git_oid_fromstrn(&short, prefix, prefix.utf8.count), "git_oid_fromstrn(\(prefix))")
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "git_repository_odb")
        defer { git_odb_free(odb) }
        var full = git_oid()
        try check(git_odb_exists_prefix(&full, odb, &short, prefix.utf8.count), "git_odb_exists_prefix(\(prefix))")
        let id = ObjectID(full)
        try guardLooseObject(id)
        var object: OpaquePointer?
        try check(git_object_lookup(&object, pointer, &full, GIT_OBJECT_COMMIT), "git_object_lookup(\(prefix))")
        git_object_free(object)
        return id
    }

    // MARK: - Writing objects

    /// Sends later writes to memory until `flushMemoryObjects` packs them
    /// (a bulk import). The store lives as long as this repository handle.
    func attachMemoryObjects() throws(GitError) -> MemoryObjects {
        var backend: OpaquePointer?
        try check(revtrack_mempack_attach(pointer, &backend), "git_mempack_new")
        return MemoryObjects(backend: backend!)
    }

    /// Writes what is in memory as one pack and index into `objects/pack`, and empties the store.
    func flushMemoryObjects(_ objects: MemoryObjects, repositoryPath: String) throws(GitError) {
        try check(revtrack_mempack_flush(pointer, objects.backend, repositoryPath + "/objects/pack"), "git_mempack_dump")
    }

    /// The in-memory object store of a bulk import; its C pointer stays in this module.
    final class MemoryObjects {
        fileprivate let backend: OpaquePointer
        fileprivate init(backend: OpaquePointer) { self.backend = backend }
    }

    func writeBlob(_ bytes: [UInt8]) throws(GitError) -> ObjectID {
        var oid = git_oid()
        let result = bytes.withUnsafeBytes { raw in
            git_blob_create_from_buffer(&oid, pointer, raw.baseAddress, raw.count)
        }
        try check(result, "git_blob_create_from_buffer")
        return ObjectID(oid)
    }

    /// Writes a flat tree of regular files.
    func writeTree(_ entries: [(name: String, blob: ObjectID)]) throws(GitError) -> ObjectID {
        var builder: OpaquePointer?
        try check(git_treebuilder_new(&builder, pointer, nil), "git_treebuilder_new")
        defer { git_treebuilder_free(builder) }
        for entry in entries {
            var oid = entry.blob.oid
            try check(git_treebuilder_insert(nil, builder, entry.name, &oid, GIT_FILEMODE_BLOB),
                      "git_treebuilder_insert(\(entry.name))")
        }
        var oid = git_oid()
        try check(git_treebuilder_write(&oid, builder), "git_treebuilder_write")
        return ObjectID(oid)
    }

    /// Writes a commit without moving any reference: the caller publishes it
    /// with `compareAndSwap` once every object it needs is stored.
    func writeCommit(tree treeID: ObjectID, parent parentID: ObjectID?, message: String,
                     time: Int64, authorName: String, authorEmail: String) throws(GitError) -> ObjectID
    {
        var signature: UnsafeMutablePointer<git_signature>?
        try check(git_signature_new(&signature, authorName, authorEmail, git_time_t(time), 0), "git_signature_new")
        defer { git_signature_free(signature) }

        var treeOID = treeID.oid
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, pointer, &treeOID), "git_tree_lookup(\(treeID.short))")
        defer { git_tree_free(tree) }

        var parent: OpaquePointer?
        if let parentID {
            try guardLooseObject(parentID)
            var parentOID = parentID.oid
            try check(git_commit_lookup(&parent, pointer, &parentOID), "git_commit_lookup(\(parentID.short))")
        }
        defer { git_commit_free(parent) }

        var oid = git_oid()
        var parents: [OpaquePointer?] = parent.map { [$0] } ?? []
        let result = parents.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&oid, pointer, nil, signature, signature, nil, message, tree,
                              buffer.count, buffer.baseAddress)
        }
        try check(result, "git_commit_create")
        return ObjectID(oid)
    }
}
