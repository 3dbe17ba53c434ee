import Foundation

/// A fetched page and the article read from it.
public struct CapturedPage: Sendable {
    public let article: ExtractedArticle
    public let page: FetchedPage
}

/// A fetched feed and its items.
public struct CapturedFeed: Sendable {
    public let feed: Feed
    public let page: FetchedPage
}

/// Why a capture produced no text: each case is recorded as a failed capture,
/// never stored as a revision.
public enum CaptureError: Error, Equatable, CustomStringConvertible {
    case fetch(FetchError)
    case binary(url: String, contentType: String?)
    case extraction(url: String, ExtractionError)
    case feed(url: String, FeedError)

    public var description: String {
        switch self {
        case .fetch(let error): error.description
        case .feed(let url, let error): "\(url): \(error)"
        case .binary(let url, let type): "\(url): not a web page (\(type.map { "Content-Type \($0)" } ?? "binary content"))"
        case .extraction(let url, let error): "\(url): \(error)"
        }
    }

    /// The reason without the URL, for a capture log that already names it.
    public var reason: String {
        switch self {
        case .fetch(let error): error.reason
        case .binary(_, let type): "not a web page (\(type ?? "binary content"))"
        case .extraction(_, let error): error.description
        case .feed(_, let error): error.description
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
        guard let page = try fetch(url, validators: validators, timeout: timeout, maximumBytes: maximumBytes) else { return nil }
        if page.isBinary { throw .binary(url: url.absoluteString, contentType: page.contentType) }
        do {
            let article = try ArticleExtractor.extract(html: page.data, selector: selector, encoding: charset(of: page.contentType))
            return CapturedPage(article: article, page: page)
        } catch { throw .extraction(url: url.absoluteString, error) }
    }

    /// The feed with its items' links resolved against where it was fetched
    /// from, or nil when the server answered 304 Not Modified.
    public static func feed(_ url: URL, validators: CacheValidators = CacheValidators(), timeout: TimeInterval = 30,
                            maximumBytes: Int = PageFetcher.defaultMaximumBytes) throws(CaptureError) -> CapturedFeed? {
        guard let page = try fetch(url, validators: validators, timeout: timeout, maximumBytes: maximumBytes) else { return nil }
        do {
            return CapturedFeed(feed: try FeedParser.parse(page.data, baseURL: page.finalURL ?? url), page: page)
        } catch { throw .feed(url: url.absoluteString, error) }
    }

    /// The answer, or nil for 304 Not Modified.
    private static func fetch(_ url: URL, validators: CacheValidators, timeout: TimeInterval,
                              maximumBytes: Int) throws(CaptureError) -> FetchedPage? {
        do {
            switch try PageFetcher.fetch(url, timeout: timeout, maximumBytes: maximumBytes, validators: validators) {
            case .notModified: return nil
            case .page(let page): return page
            }
        } catch { throw .fetch(error) }
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
