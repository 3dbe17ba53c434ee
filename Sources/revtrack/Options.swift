import ArgumentParser
import Foundation
import RevtrackStorage

/// Where the repository is: `--repo`, else `$REVTRACK_REPO`, else `.revtrack`.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The revtrack repository (default: $REVTRACK_REPO or .revtrack).", valueName: "path"))
    var repo: String?

    var path: String {
        if let repo, !repo.isEmpty { return repo }
        if let environment = ProcessInfo.processInfo.environment["REVTRACK_REPO"], !environment.isEmpty {
            return environment
        }
        return ".revtrack"
    }

    func open() throws -> RevisionStore {
        try RevisionStore.open(at: path)
    }
}

enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// JSON as revtrack prints it for programs: sorted keys, one document.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(value)
    data.append(0x0A)
    FileHandle.standardOutput.write(data)
}

/// The JSON shape of a revision in `log`, `tracks` and later commands.
struct RevisionJSON: Encodable {
    let track: String
    let revision: Int
    let spec: String
    let id: String
    let captured: String
    let title: String?
    let url: String?
    let bytes: Int
    /// Provenance of a revision captured from a URL.
    let page: PageProvenance?

    init(_ revision: Revision) {
        track = revision.track.rawValue
        self.revision = revision.number
        spec = revision.spec
        id = revision.id.hex
        captured = CaptureTime.format(revision.captured)
        title = revision.title
        url = revision.metadata.url
        bytes = revision.metadata.bytes
        page = revision.metadata.page
    }
}
