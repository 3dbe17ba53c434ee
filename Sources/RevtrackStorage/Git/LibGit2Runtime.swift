internal import CLibGit2

/// libgit2 must be initialised once per process before any other call; a lazy
/// global gives that with thread-safe, run-once semantics.
private let runtime: Void = {
    git_libgit2_init()
    // An acknowledged revision must survive a crash, and a damaged object must
    // be reported rather than read as wrong text.
    _ = revtrack_git_enable_fsync(1)
    _ = revtrack_git_enable_strict_hash_verification(1)
}()

@inline(__always)
func ensureLibGit2() { runtime }
