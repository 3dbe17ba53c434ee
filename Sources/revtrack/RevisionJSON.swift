import RevtrackStorage

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
