import ArgumentParser
import Foundation
import RevtrackStorage

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Store a new revision of a track's text.",
        discussion: "Prints TRACK@N and the short commit id, or 'unchanged' when the text equals the latest revision."
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The track, e.g. reuters or karabakh/reuters.")
    var track: String

    @Argument(help: "The text file to store; - reads standard input.")
    var file: String

    @Option(help: "The article's title.")
    var title: String?

    @Option(help: "The source URL.")
    var url: String?

    @Option(help: ArgumentHelp("Capture time, ISO 8601 (default: now).", valueName: "time"))
    var date: String?

    func run() throws {
        let named = try TrackName(self.track)
        var captured = Date()
        if let date {
            guard let parsed = CaptureTime.parse(date) else {
                throw CommandFailure("--date '\(date)' is not an ISO 8601 time (e.g. 2024-05-15T09:30:00Z or 2024-05-15)")
            }
            captured = parsed
        }
        let text = try ArticleText.decode(try InputFile.read(file))

        let store: RevisionStore
        if FileManager.default.fileExists(atPath: repository.path) {
            store = try repository.open()
        } else {
            store = try RevisionStore.create(at: repository.path)
            StandardError.write("revtrack: created repository at \(repository.path)")
        }
        // A short name adds to the one existing track it names; otherwise it is a new track.
        let track: TrackName
        do {
            track = try store.resolveTrack(named.rawValue)
        } catch StorageError.unknownTrack {
            track = named
        }
        switch try store.add(text: text, to: track, title: title, url: url, captured: captured) {
        case .added(let revision):
            print("\(revision.spec) \(revision.id.short)")
        case .unchanged(let revision):
            print("\(revision.spec) \(revision.id.short) unchanged")
        }
    }
}

/// Reads an input file or stdin, refusing what cannot be article text before
/// reading it whole.
enum InputFile {
    static func read(_ path: String) throws -> [UInt8] {
        if path == "-" {
            return try readLimited(FileHandle.standardInput, name: "standard input")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure("\(path): no such file")
        }
        if isDirectory.boolValue { throw CommandFailure("\(path): is a directory, not a text file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CommandFailure("\(path): cannot be read (permission denied?)")
        }
        defer { try? handle.close() }
        return try readLimited(handle, name: path)
    }

    private static func readLimited(_ handle: FileHandle, name: String) throws -> [UInt8] {
        let limit = ArticleText.maximumBytes
        let data = try handle.read(upToCount: limit + 1) ?? Data()
        if data.count > limit {
            throw CommandFailure("\(name): larger than \(limit) bytes (64 MiB); revtrack stores article text")
        }
        return Array(data)
    }
}
