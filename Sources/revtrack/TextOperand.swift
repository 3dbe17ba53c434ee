import Foundation
import RevtrackStorage

/// One side of `diff`, or the input of `sentences`: a stored revision or a text file.
struct TextOperand {
    let label: String
    let text: String
    let revision: Revision?

    /// `file:PATH` is always a file. Otherwise a revision spec wins when a track
    /// matches; a file of that name is used when none does (with a note on
    /// stderr when both exist). Two files need no repository at all.
    static func resolve(_ operand: String, repository: RepositoryOptions) throws -> TextOperand {
        if operand.hasPrefix("file:") {
            return try file(String(operand.dropFirst(5)))
        }
        let fileExists = FileManager.default.fileExists(atPath: operand)
        let repositoryExists = FileManager.default.fileExists(atPath: repository.path)
        if repositoryExists, let spec = try? RevisionSpec(parsing: operand) {
            let store = try repository.open()
            let revision: Revision
            do {
                revision = try store.resolve(spec)
            } catch {
                if fileExists && error.isUnknownName { return try file(operand) }
                throw error
            }
            if fileExists {
                StandardError.write("revtrack: note: '\(operand)' names both a revision and a file; using the revision (write file:\(operand) for the file)")
            }
            return TextOperand(label: revision.spec, text: try store.text(of: revision), revision: revision)
        }
        if fileExists || !repositoryExists { return try file(operand) }
        throw CommandFailure("'\(operand)' is neither a revision nor a file")
    }

    static func file(_ path: String) throws -> TextOperand {
        let text = try InputFile.text(path)
        return TextOperand(label: path, text: text, revision: nil)
    }
}

extension StorageError {
    /// The operand names no track or revision (as opposed to a broken repository).
    var isUnknownName: Bool {
        switch self {
        case .unknownTrack, .unknownRevision: true
        default: false
        }
    }
}
