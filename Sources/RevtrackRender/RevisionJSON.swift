import RevtrackStorage

/// The JSON shape of a revision in `log`, `tracks`, the web view's `/api/` and later commands.
public struct RevisionJSON: Encodable, Sendable {
    public let track: String
    public let revision: Int
    public let spec: String
    public let id: String
    public let captured: String
    public let title: String?
    public let url: String?
    public let bytes: Int
    /// Provenance of a revision captured from a URL.
    public let page: PageProvenance?

    public init(_ revision: Revision) {
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
