import Foundation
import RevtrackStorage
import RevtrackText

/// One side of a comparison, or the input of `facts` and `sentences`: a
/// stored revision or a text file.
public struct TextSource: Sendable {
    /// How the user named it.
    public let label: String
    public let text: String
    public let revision: Revision?

    public init(label: String, text: String, revision: Revision?) {
        self.label = label
        self.text = text
        self.revision = revision
    }

    /// `file:PATH` is always a file. Otherwise a revision spec wins when a track
    /// matches; a file of that name is used when none does (`note` is told when
    /// both exist). Two files need no repository at all.
    public static func resolve(_ operand: String, in repository: RepositoryLocation,
                               note: (String) -> Void = { _ in }) throws -> TextSource {
        if operand.hasPrefix("file:") {
            return try file(String(operand.dropFirst(5)))
        }
        let fileExists = FileManager.default.fileExists(atPath: operand)
        if repository.exists, let spec = try? RevisionSpec(parsing: operand) {
            let store = try repository.open()
            let revision: Revision
            do {
                revision = try store.resolve(spec)
            } catch {
                if fileExists && error.isUnknownName { return try file(operand) }
                throw error
            }
            if fileExists {
                note("'\(operand)' names both a revision and a file; using the revision (write file:\(operand) for the file)")
            }
            return try stored(revision, in: store)
        }
        if fileExists || !repository.exists { return try file(operand) }
        throw StoryError("'\(operand)' is neither a revision nor a file")
    }

    public static func file(_ path: String) throws -> TextSource {
        TextSource(label: path, text: try InputFile.text(path), revision: nil)
    }

    public static func stored(_ revision: Revision, in store: RevisionStore) throws -> TextSource {
        TextSource(label: revision.spec, text: try store.text(of: revision), revision: revision)
    }

    /// The day relative dates in this text resolve against (`ReferenceDay`);
    /// `today` for a file, which has no capture time.
    public func referenceDay(today: Date = Date()) -> CivilDate {
        revision.map(ReferenceDay.of) ?? ReferenceDay.of(today)
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
