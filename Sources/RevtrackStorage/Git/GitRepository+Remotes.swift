internal import CLibGit2
import Foundation

/// Counts a fetch or push reports while it runs.
public struct TransferProgress: Sendable, Hashable {
    public enum Phase: Sendable, Hashable { case receiving, resolving, sending }
    public var phase: Phase
    public var current: Int
    public var total: Int
    public var bytes: Int
}

/// Carries Swift state through libgit2's C callbacks (their `payload`):
/// progress reports, credentials tried so far, and rejected ref updates.
final class TransferSession {
    let progress: ((TransferProgress) -> Void)?
    private var triedAgent = false
    private var triedPassword = false
    /// Why the last credential request failed, for the error message.
    private(set) var credentialProblem: String?
    /// Refs the remote refused during a push, with its reason.
    private(set) var rejected: [(ref: String, reason: String)] = []
    private(set) var lastReceived = git_indexer_progress()
    /// Forced updates allowed only while the remote's ref is still at this
    /// value (a lease): checked when libgit2 has learnt the remote's refs,
    /// just before it sends anything, so a push from elsewhere is never lost.
    var leases: [String: ObjectID] = [:]
    /// The ref whose lease no longer held, when a push was stopped for it.
    private(set) var brokenLease: String?

    init(progress: ((TransferProgress) -> Void)?) { self.progress = progress }

    /// The callbacks every fetch and push installs.
    func callbacks() -> git_remote_callbacks {
        var callbacks = git_remote_callbacks()
        git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION))
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.transfer_progress = { stats, payload in
            guard let stats, let payload else { return 0 }
            Unmanaged<TransferSession>.fromOpaque(payload).takeUnretainedValue().received(stats.pointee)
            return 0
        }
        callbacks.push_transfer_progress = { current, total, bytes, payload in
            guard let payload else { return 0 }
            let session = Unmanaged<TransferSession>.fromOpaque(payload).takeUnretainedValue()
            session.progress?(TransferProgress(phase: .sending, current: Int(current), total: Int(total), bytes: bytes))
            return 0
        }
        callbacks.push_update_reference = { reference, status, payload in
            guard let payload, let reference, let status else { return 0 }
            Unmanaged<TransferSession>.fromOpaque(payload).takeUnretainedValue()
                .rejected.append((String(cString: reference), String(cString: status)))
            return 0
        }
        callbacks.push_negotiation = { updates, count, payload in
            guard let payload, let updates else { return 0 }
            let session = Unmanaged<TransferSession>.fromOpaque(payload).takeUnretainedValue()
            for index in 0..<count {
                guard let update = updates[index]?.pointee, let name = update.dst_refname,
                      let expected = session.leases[String(cString: name)] else { continue }
                if ObjectID(update.src) != expected {
                    session.brokenLease = String(cString: name)
                    return -1
                }
            }
            return 0
        }
        callbacks.credentials = { out, url, username, allowed, payload in
            guard let out, let payload else { return GIT_PASSTHROUGH.rawValue }
            return Unmanaged<TransferSession>.fromOpaque(payload).takeUnretainedValue()
                .credential(out, username: username.map { String(cString: $0) }, allowed: allowed)
        }
        return callbacks
    }

    private func received(_ stats: git_indexer_progress) {
        lastReceived = stats
        guard let progress, stats.total_objects > 0 else { return }
        if stats.received_objects < stats.total_objects {
            progress(TransferProgress(phase: .receiving, current: Int(stats.received_objects),
                                      total: Int(stats.total_objects), bytes: stats.received_bytes))
        } else {
            progress(TransferProgress(phase: .resolving, current: Int(stats.indexed_deltas),
                                      total: Int(stats.total_deltas), bytes: stats.received_bytes))
        }
    }

    /// ssh: the keys in ssh-agent, once. https: REVTRACK_GIT_USERNAME and
    /// REVTRACK_GIT_PASSWORD (a token), once. Anything else fails with a
    /// message saying what was tried, instead of libgit2 asking forever.
    private func credential(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>,
                            username: String?, allowed: UInt32) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
            if !triedAgent, environment["SSH_AUTH_SOCK"] != nil {
                triedAgent = true
                return git_credential_ssh_key_from_agent(out, username ?? "git")
            }
            credentialProblem = triedAgent ? "no key in ssh-agent was accepted"
                : "ssh needs a key from ssh-agent, and SSH_AUTH_SOCK is not set"
            return GIT_EAUTH.rawValue
        }
        if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0 {
            if !triedPassword, let user = environment["REVTRACK_GIT_USERNAME"] ?? username,
               let password = environment["REVTRACK_GIT_PASSWORD"] {
                triedPassword = true
                return git_credential_userpass_plaintext_new(out, user, password)
            }
            credentialProblem = triedPassword ? "the server refused REVTRACK_GIT_USERNAME/REVTRACK_GIT_PASSWORD"
                : "the server asks for a user name and password: set REVTRACK_GIT_USERNAME and REVTRACK_GIT_PASSWORD (a token)"
            return GIT_EAUTH.rawValue
        }
        credentialProblem = "the server asks for a kind of credential revtrack does not support"
        return GIT_EAUTH.rawValue
    }

    /// A libgit2 failure, with the credential problem when that was the cause.
    func error(_ code: Int32, _ function: String) -> GitError {
        let error = GitError(code: code, function: function)
        guard let credentialProblem else { return error }
        return GitError(code: error.code, errorClass: error.errorClass,
                        message: "authentication failed: \(credentialProblem)", function: function)
    }
}

extension GitRepository {
    // MARK: - Remotes

    /// Names and URLs of the configured remotes.
    func remotes() throws(GitError) -> [(name: String, url: String)] {
        var names = git_strarray()
        try check(git_remote_list(&names, pointer), "git_remote_list")
        defer { git_strarray_dispose(&names) }
        var out: [(String, String)] = []
        for index in 0..<names.count {
            guard let raw = names.strings[index] else { continue }
            let name = String(cString: raw)
            out.append((name, try remoteURL(name) ?? ""))
        }
        return out
    }

    func remoteURL(_ name: String) throws(GitError) -> String? {
        var remote: OpaquePointer?
        let result = git_remote_lookup(&remote, pointer, name)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_remote_lookup(\(name))")
        defer { git_remote_free(remote) }
        return git_remote_url(remote).map { String(cString: $0) }
    }

    static func isValidRemoteName(_ name: String) -> Bool {
        ensureLibGit2()
        var valid: Int32 = 0
        return git_remote_name_is_valid(&valid, name) == 0 && valid == 1
    }

    /// A remote whose branches are fetched to `refs/remotes/NAME/…` (forced:
    /// those refs mirror the remote, the local tracks are never forced).
    func createRemote(_ name: String, url: String) throws(GitError) {
        var remote: OpaquePointer?
        try check(git_remote_create_with_fetchspec(&remote, pointer, name, url, "+refs/heads/*:refs/remotes/\(name)/*"),
                  "git_remote_create(\(name))")
        git_remote_free(remote)
    }

    func deleteRemote(_ name: String) throws(GitError) {
        try check(git_remote_delete(pointer, name), "git_remote_delete(\(name))")
    }

    /// Looks up a remote for one transfer, after refusing a damaged remote on
    /// this machine: libgit2 1.5 reads such a remote's objects directly and
    /// would loop forever on a truncated loose object (`revtrack_loose_object_state`).
    private func withRemote<T>(_ name: String, _ body: (OpaquePointer?) throws(GitError) -> T) throws(GitError) -> T {
        var remote: OpaquePointer?
        try check(git_remote_lookup(&remote, pointer, name), "git_remote_lookup(\(name))")
        defer { git_remote_free(remote) }
        let url = git_remote_url(remote).map { String(cString: $0) } ?? ""
        let localPath = url.hasPrefix("file://") ? String(url.dropFirst("file://".count)) : url.hasPrefix("/") ? url : nil
        if let localPath, let object = Self.damagedLooseObject(inRepositoryAt: localPath) {
            throw GitError(code: GIT_ERROR.rawValue, errorClass: Int32(GIT_ERROR_ZLIB.rawValue),
                           message: "the repository is damaged: loose object \(object) is truncated or corrupt", function: "inflate")
        }
        return try body(remote)
    }

    /// Fetches the remote's branches into `refs/remotes/NAME/`. Returns the
    /// number of objects received.
    func fetch(remote name: String, session: TransferSession) throws(GitError) -> Int {
        try withRemote(name) { (remote) throws(GitError) in
            var options = git_fetch_options()
            try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "git_fetch_options_init")
            options.callbacks = session.callbacks()
            options.prune = GIT_FETCH_PRUNE
            options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
            options.update_fetchhead = 0
            // Branches as git fetches them, plus revtrack's own refs (watch
            // list, capture logs) into a namespace of their own.
            let refspecs = ["+refs/heads/*:refs/remotes/\(name)/*", "+refs/revtrack/*:refs/revtrack-remotes/\(name)/*"]
            let result = withStringArray(refspecs) { array in
                withExtendedLifetime(session) { git_remote_fetch(remote, &array, &options, "revtrack fetch") }
            }
            if result < 0 { throw session.error(result, "git_remote_fetch(\(name))") }
            return Int(session.lastReceived.received_objects)
        }
    }

    /// Pushes each `refs/heads/T` to the same name on the remote: a
    /// fast-forward, or, for the refs in `session.leases`, a forced update that
    /// goes through only while the remote's ref is still at its lease. Returns
    /// the refs the remote rejected, with its reason.
    func push(remote name: String, references: [String], session: TransferSession) throws(GitError) -> [(ref: String, reason: String)] {
        try withRemote(name) { (remote) throws(GitError) in
            var options = git_push_options()
            try check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "git_push_options_init")
            options.callbacks = session.callbacks()
            let refspecs = references.map { (session.leases[$0] == nil ? "" : "+") + "\($0):\($0)" }
            let result = withStringArray(refspecs) { array in
                withExtendedLifetime(session) { git_remote_push(remote, &array, &options) }
            }
            if result < 0, let broken = session.brokenLease {
                return [(broken, "the remote changed since it was fetched")]
            }
            if result < 0 { throw session.error(result, "git_remote_push(\(name))") }
            return session.rejected
        }
    }

    /// The first truncated or corrupt loose object of the repository at `path`, if any.
    private static func damagedLooseObject(inRepositoryAt path: String) -> String? {
        let fileManager = FileManager.default
        for objects in [path + "/objects", path + "/.git/objects"] where fileManager.fileExists(atPath: objects) {
            for folder in (try? fileManager.contentsOfDirectory(atPath: objects)) ?? []
            where folder.count == 2 && folder.allSatisfy(\.isHexDigit) {
                for file in (try? fileManager.contentsOfDirectory(atPath: objects + "/" + folder)) ?? [] {
                    if revtrack_loose_object_state(objects + "/" + folder + "/" + file) < 0 { return folder + file }
                }
            }
        }
        return nil
    }

    // MARK: - History queries

    /// References under a prefix (`refs/remotes/origin/`), with their targets.
    func references(under prefix: String) throws(GitError) -> [(name: String, target: ObjectID)] {
        var iterator: OpaquePointer?
        try check(git_reference_iterator_glob_new(&iterator, pointer, prefix + "*"), "git_reference_iterator_glob_new")
        defer { git_reference_iterator_free(iterator) }
        var out: [(String, ObjectID)] = []
        while true {
            var reference: OpaquePointer?
            let result = git_reference_next(&reference, iterator)
            if result == GIT_ITEROVER.rawValue { break }
            try check(result, "git_reference_next")
            defer { git_reference_free(reference) }
            guard let name = git_reference_name(reference), let target = git_reference_target(reference) else { continue }
            out.append((String(cString: name), ObjectID(target.pointee)))
        }
        return out
    }

    func deleteReference(_ name: String) throws(GitError) {
        let result = git_reference_remove(pointer, name)
        if result != GIT_ENOTFOUND.rawValue { try check(result, "git_reference_remove(\(name))") }
    }

    /// Whether `commit` has `ancestor` in its history (false when equal).
    func isDescendant(_ commit: ObjectID, of ancestor: ObjectID) throws(GitError) -> Bool {
        var a = commit.oid, b = ancestor.oid
        let result = git_graph_descendant_of(pointer, &a, &b)
        try check(result, "git_graph_descendant_of")
        return result == 1
    }

    /// The newest common ancestor, or nil for unrelated histories.
    func mergeBase(_ one: ObjectID, _ two: ObjectID) throws(GitError) -> ObjectID? {
        var out = git_oid(), a = one.oid, b = two.oid
        let result = git_merge_base(&out, pointer, &a, &b)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_merge_base")
        return ObjectID(out)
    }
}

/// Calls `body` with a `git_strarray` of copies of `strings`, freed afterwards.
func withStringArray<T>(_ strings: [String], _ body: (inout git_strarray) -> T) -> T {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return pointers.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
        return body(&array)
    }
}
