/// What a renderer says about one side of a comparison in its header: a stored
/// revision or a file. Plain values, so renderers never reach into storage.
public struct DiffSide: Sendable, Hashable, Codable {
    /// How the user named it: `karabakh/reuters@2` or a file path.
    public var spec: String
    /// Full commit id, for a revision.
    public var id: String?
    public var track: String?
    /// ISO 8601 capture time, for a revision.
    public var captured: String?
    public var title: String?
    /// The path, for a file.
    public var file: String?

    public init(spec: String, id: String? = nil, track: String? = nil, captured: String? = nil,
                title: String? = nil, file: String? = nil) {
        self.spec = spec
        self.id = id
        self.track = track
        self.captured = captured
        self.title = title
        self.file = file
    }

    /// `reuters@2 (1a2b3c4, 2024-05-15T12:00:00Z) Title`, or the file path.
    public var headline: String {
        guard let id else { return spec }
        var text = "\(spec) (\(id.prefix(7))"
        if let captured { text += ", \(captured)" }
        text += ")"
        if let title { text += " " + title }
        return text
    }
}
