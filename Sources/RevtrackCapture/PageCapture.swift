import Foundation

/// A fetched page and the article read from it.
public struct CapturedPage: Sendable {
    public let article: ExtractedArticle
    public let page: FetchedPage
}

/// Why a capture produced no text: each case is recorded as a failed capture,
/// never stored as a revision.
public enum CaptureError: Error, Equatable, CustomStringConvertible {
    case fetch(FetchError)
    case binary(url: String, contentType: String?)
    case extraction(url: String, ExtractionError)

    public var description: String {
        switch self {
        case .fetch(let error): error.description
        case .binary(let url, let type): "\(url): not a web page (\(type.map { "Content-Type \($0)" } ?? "binary content"))"
        case .extraction(let url, let error): "\(url): \(error)"
        }
    }

    /// The reason without the URL, for a capture log that already names it.
    public var reason: String {
        switch self {
        case .fetch(.status(_, let code)): "HTTP \(code)"
        case .fetch(.transport(_, let reason)): reason
        case .fetch(.tooLarge(_, let limit)): "larger than \(limit) bytes"
        case .fetch(.unsupportedScheme): "not an http or https URL"
        case .binary(_, let type): "not a web page (\(type ?? "binary content"))"
        case .extraction(_, let error): error.description
        }
    }

    /// Whether the host, not the page, is in trouble: what back-off is for.
    public var isHostFailure: Bool {
        if case .fetch(let error) = self { return error.isHostFailure }
        return false
    }

    /// HTTP 404 or 410: the page is gone, which is news, not a failure.
    public var isGone: Bool {
        if case .fetch(.status(_, let code)) = self { return code == 404 || code == 410 }
        return false
    }
}

/// One page from URL to article text: fetch (conditionally, when validators
/// are known), refuse binary answers, extract with the charset the server
/// declared.
public enum PageCapture {
    /// The captured page, or nil when the server answered 304 Not Modified.
    public static func capture(_ url: URL, selector: CSSSelector? = nil, validators: CacheValidators = CacheValidators(),
                               timeout: TimeInterval = 30,
                               maximumBytes: Int = PageFetcher.defaultMaximumBytes) throws(CaptureError) -> CapturedPage? {
        let page: FetchedPage
        do {
            switch try PageFetcher.fetch(url, timeout: timeout, maximumBytes: maximumBytes, validators: validators) {
            case .notModified: return nil
            case .page(let fetched): page = fetched
            }
        } catch { throw .fetch(error) }
        if page.isBinary { throw .binary(url: url.absoluteString, contentType: page.contentType) }
        do {
            let article = try ArticleExtractor.extract(html: page.data, selector: selector, encoding: charset(of: page.contentType))
            return CapturedPage(article: article, page: page)
        } catch { throw .extraction(url: url.absoluteString, error) }
    }

    /// `text/html; charset=ISO-8859-1` → `ISO-8859-1`.
    static func charset(of contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "charset" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }
}
