import Foundation
import RevtrackCapture

/// Pages as `extract`, `add --url` and `watch` read them.
enum CaptureInput {
    static func selector(_ text: String?) throws -> CSSSelector? {
        guard let text else { return nil }
        guard let css = CSSSelector(text) else {
            throw CommandFailure("'\(text)' is not a supported selector (tag, .class, #id, compounds and descendants)")
        }
        return css
    }

    /// The URL when `text` names a web page; a string with another scheme
    /// (`ftp:`, `file:`) is refused rather than read as a file name.
    static func webURL(_ text: String) -> URL? {
        guard let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") else { return nil }
        return URL(string: text)
    }

    /// Fetches and extracts, or fails with a one-line error.
    static func capture(_ url: URL, selector: CSSSelector?) throws -> CapturedPage {
        try unconditional(url) { () throws(CaptureError) in try PageCapture.capture(url, selector: selector) }
    }

    static func feed(_ url: URL) throws -> Feed {
        try unconditional(url) { () throws(CaptureError) in try PageCapture.feed(url) }.feed
    }

    /// A request sent without validators cannot be answered 304; a server that does is broken.
    private static func unconditional<T>(_ url: URL, _ body: () throws(CaptureError) -> T?) throws -> T {
        let result: T?
        do { result = try body() } catch { throw CommandFailure(error.description) }
        guard let result else {
            throw CommandFailure("\(url.absoluteString): the server answered 304 Not Modified to a plain request")
        }
        return result
    }
}
