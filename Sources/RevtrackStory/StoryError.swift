/// A problem with what the user asked for (a missing file, an empty range),
/// as one line the CLI and the web view show as it is.
public struct StoryError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
