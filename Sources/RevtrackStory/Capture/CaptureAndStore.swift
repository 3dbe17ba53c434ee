import Foundation
import RevtrackCapture
import RevtrackStorage

/// Storing a revision from a file, standard input or a fetched page, with its
/// provenance: what `add` and `watch` share, so a page is stored the same way
/// whichever of them fetched it.
public enum CaptureAndStore {
    /// A short name adds to the one existing track it names; otherwise it is a new track.
    public static func track(named name: String, in store: RevisionStore) throws -> TrackName {
        let named = try TrackName(name)
        do { return try store.resolveTrack(named.rawValue) } catch StorageError.unknownTrack { return named }
    }

    /// Stores `text` as the track's next revision.
    /// - Parameter insert: a capture time before the latest revision's goes
    ///   in capture order (later revisions re-created on top) instead of being refused.
    /// - Parameter captured: nil: now, as the revision is written.
    public static func add(text: String, to track: String, title: String?, url: String?, captured: Date?,
                           insert: Bool = false, in store: RevisionStore) throws -> AddOutcome {
        try store.add(text: text, to: try self.track(named: track, in: store), title: title, url: url, captured: captured,
                      insert: insert)
    }

    /// Stores a captured page: its article text, title, provenance and, when
    /// asked, the raw page as `source.html`.
    public static func store(_ page: CapturedPage, requested url: URL, selector: String?, keepHTML: Bool,
                             to track: TrackName, title: String? = nil, captured: Date? = nil, insert: Bool = false,
                             in store: RevisionStore) throws(StorageError) -> AddOutcome {
        try store.add(text: page.article.textFile, to: track, title: title ?? page.article.title, url: url.absoluteString,
                      captured: captured ?? page.page.fetched,
                      page: PageProvenance(page, requested: url, selector: selector),
                      sourceHTML: keepHTML ? Array(page.page.data) : nil, insert: insert)
    }

    // MARK: - Reading what the user typed

    public static func parseSelector(_ text: String?) throws -> CSSSelector? {
        guard let text else { return nil }
        guard let css = CSSSelector(text) else {
            throw StoryError("'\(text)' is not a supported selector (tag, .class, #id, compounds and descendants)")
        }
        return css
    }

    /// The URL when `text` names a web page; a string with another scheme
    /// (`ftp:`, `file:`) is refused rather than read as a file name.
    public static func webURL(_ text: String) throws -> URL {
        guard let url = webURLIfAny(text), ["http", "https"].contains(url.scheme?.lowercased()) else {
            throw StoryError("\(text): not an http or https URL")
        }
        return url
    }

    /// The URL when `text` names a web page, else nil (a file name, say).
    public static func webURLIfAny(_ text: String) -> URL? {
        guard let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") else { return nil }
        return URL(string: text)
    }

    /// Fetches and extracts a page, or fails with a one-line error.
    public static func fetch(_ url: URL, selector: CSSSelector?) throws -> CapturedPage {
        try unconditional(url) { () throws(CaptureError) in try PageCapture.capture(url, selector: selector) }
    }

    /// Fetches and parses a feed, or fails with a one-line error.
    public static func feed(_ url: URL) throws -> Feed {
        try unconditional(url) { () throws(CaptureError) in try PageCapture.feed(url) }.feed
    }

    /// A request sent without validators cannot be answered 304; a server that does is broken.
    private static func unconditional<T>(_ url: URL, _ body: () throws(CaptureError) -> T?) throws -> T {
        let result: T?
        do { result = try body() } catch { throw StoryError(error.description) }
        guard let result else {
            throw StoryError("\(url.absoluteString): the server answered 304 Not Modified to a plain request")
        }
        return result
    }
}
