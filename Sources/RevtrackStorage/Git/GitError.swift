internal import CLibGit2
import Foundation

/// A libgit2 failure, captured at once because `git_error_last()` is per thread
/// and overwritten by the next call.
public struct GitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libgit2's return code (`GIT_ENOTFOUND`, `GIT_EMODIFIED`, …).
    public let code: Int32
    /// libgit2's error class (`GIT_ERROR_ODB`, `GIT_ERROR_ZLIB`, …); 0 when none was set.
    public let errorClass: Int32
    /// libgit2's own message.
    public let message: String
    /// The libgit2 function that failed, so a report names the exact call.
    public let function: String

    public var description: String {
        "\(function) failed: \(message)"
    }

    /// True when the failure is "no such object / reference".
    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }

    init(code: Int32, errorClass: Int32, message: String, function: String) {
        self.code = code
        self.errorClass = errorClass
        self.message = message
        self.function = function
    }

    init(code: Int32, function: String) {
        // errno first: libgit2's own calls may change it. A full disk or a
        // read-only folder is what the user can act on, and libgit2 often
        // reports only "error code -1" or a missing object for it.
        let systemError = errno
        self.code = code
        self.function = function
        var message = "error code \(code)"
        if let last = git_error_last(), let text = last.pointee.message {
            message = String(cString: text).trimmingTrailingNewlines()
            self.errorClass = last.pointee.klass
        } else {
            self.errorClass = 0
        }
        // Only where libgit2 said nothing useful or spoke of the file system: errno is not reset on success.
        let vague = message.hasPrefix("error code") || message.contains("target OID for the reference doesn't exist")
            || [GIT_ERROR_OS.rawValue, GIT_ERROR_FILESYSTEM.rawValue, GIT_ERROR_ODB.rawValue].contains(UInt32(bitPattern: errorClass))
        if vague, [ENOSPC, EDQUOT, EROFS, EIO].contains(systemError) {
            let reason = String(cString: strerror(systemError)).lowercased()
            if !message.lowercased().contains(reason) { message += " (\(reason))" }
        }
        self.message = message
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = Substring(self)
        while let last = s.last, last.isNewline { s.removeLast() }
        return String(s)
    }
}

/// Turns a libgit2 return code into a thrown `GitError`.
@inline(__always)
func check(_ result: Int32, _ function: @autoclosure () -> String) throws(GitError) {
    if result < 0 { throw GitError(code: result, function: function()) }
}
