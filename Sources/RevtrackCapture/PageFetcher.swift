import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A page as fetched: what a capture records for provenance, and the
/// validators the next conditional request sends back.
public struct FetchedPage: Sendable {
    public let data: Data
    public let status: Int
    /// The URL after redirects.
    public let finalURL: URL?
    public let fetched: Date
    /// `Content-Type` as the server sent it.
    public let contentType: String?
    public let validators: CacheValidators

    /// Whether the bytes cannot be a web page or feed: a declared non-text
    /// type, or NUL bytes near the start (what `file(1)` checks).
    public var isBinary: Bool {
        if let type = contentType?.lowercased().split(separator: ";").first?.trimmingCharacters(in: .whitespaces),
           !type.isEmpty, !(type.hasPrefix("text/") || type.contains("html") || type.contains("xml") || type.contains("json")) {
            return true
        }
        return data.prefix(4096).contains(0)
    }
}

/// `ETag` and `Last-Modified` of the last answer: sent back as `If-None-Match`
/// and `If-Modified-Since`, so an unchanged page costs the server a 304.
public struct CacheValidators: Sendable, Hashable, Codable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    public var isEmpty: Bool { etag == nil && lastModified == nil }

    /// The validators of an answer. A `Last-Modified` less than a second older
    /// than the answer's `Date` is weak (RFC 9110, 8.8.2.2): the page may change
    /// again within that second and still match, so it is not kept; the ETag is.
    public init(etag: String?, lastModified: String?, responseDate: String?, now: Date = Date()) {
        self.etag = etag
        let modified = lastModified.flatMap(Self.httpDate)
        let answered = responseDate.flatMap(Self.httpDate) ?? now
        self.lastModified = modified.map { answered.timeIntervalSince($0) >= 1 } == true ? lastModified : nil
    }

    /// An HTTP date ("Sun, 06 Nov 1994 08:49:37 GMT").
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}

/// What a fetch came back with.
public enum FetchResult: Sendable {
    case page(FetchedPage)
    /// 304: the page is as it was when the validators were taken.
    case notModified
}

public enum FetchError: Error, Equatable, CustomStringConvertible {
    case unsupportedScheme(url: String)
    case transport(url: String, reason: String)
    case status(url: String, code: Int)
    case tooLarge(url: String, limit: Int)

    /// The reason without the URL, for a capture log that already names it.
    public var reason: String {
        switch self {
        case .unsupportedScheme: "not an http or https URL"
        case .transport(_, let reason): reason
        case .status(_, let code): "HTTP \(code)"
        case .tooLarge(_, let limit): "larger than \(limit) bytes"
        }
    }

    public var description: String {
        switch self {
        case .unsupportedScheme(let url), .transport(let url, _), .tooLarge(let url, _): "\(url): \(reason)"
        case .status(let url, let code): "\(url): \(reason) \(HTTPURLResponse.localizedString(forStatusCode: code))"
        }
    }

    /// Whether the host (not the page) is in trouble: what back-off is for.
    public var isHostFailure: Bool {
        switch self {
        case .transport: true
        case .status(_, let code): code == 429 || code >= 500
        case .unsupportedScheme, .tooLarge: false
        }
    }
}

/// Fetches one page with URLSession: a timeout, redirects followed, a cap on
/// the download, conditional requests, and an error for anything but a 2xx
/// or 304 answer, so a failed fetch is never stored as a revision.
public enum PageFetcher {
    /// 10 MiB: no article page is larger; a bigger answer is a file or a trap.
    public static let defaultMaximumBytes = 10 << 20

    public static func fetch(_ url: URL, timeout: TimeInterval = 30, maximumBytes: Int = defaultMaximumBytes,
                             validators: CacheValidators = CacheValidators()) throws(FetchError) -> FetchResult {
        guard ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw .unsupportedScheme(url: url.absoluteString)
        }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("revtrack (news revision tracker)", forHTTPHeaderField: "User-Agent")
        // No compressed answers: URLSession inflates a whole compressed body before the
        // size cap can stop it, so a small "gzip bomb" would take gigabytes of memory.
        request.setValue("identity", forHTTPHeaderField: "Accept-Encoding")
        if let etag = validators.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified = validators.lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }
        let download = Download(url: url, limit: maximumBytes)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration, delegate: download, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        session.dataTask(with: request).resume()
        // The request's own timeout is an idle interval, which a server that
        // trickles bytes never reaches; this bounds the whole exchange.
        if download.done.wait(timeout: .now() + timeout) == .timedOut {
            session.invalidateAndCancel()
            throw .transport(url: url.absoluteString, reason: "no complete answer within \(timeout.formatted(.number)) s")
        }
        return try download.result()
    }
}

/// Collects one answer, cancelling it as soon as it exceeds the cap.
// `@unchecked Sendable`: `data`, `response` and `failure` are touched only
// under `lock`; URLSession calls the delegate on its own queue.
private final class Download: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let url: URL
    let limit: Int
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var data = Data()
    private var response: HTTPURLResponse?
    private var failure: FetchError?

    init(url: URL, limit: Int) {
        self.url = url
        self.limit = limit
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        self.response = response as? HTTPURLResponse
        let encoding = (self.response?.allHeaderFields.first { ($0.key as? String)?.lowercased() == "content-encoding" }?.value as? String)?
            .lowercased().trimmingCharacters(in: .whitespaces)
        if response.expectedContentLength > Int64(limit) {
            failure = .tooLarge(url: url.absoluteString, limit: limit)
            completionHandler(.cancel)
        } else if let encoding, !encoding.isEmpty, encoding != "identity" {
            // Asked for none; a compressed answer would be inflated whole before any cap applies.
            failure = .transport(url: url.absoluteString, reason: "the server sent a \(encoding)-compressed answer though none was asked for")
            completionHandler(.cancel)
        } else {
            completionHandler(.allow)
        }
    }

    /// A redirect to anything but an http(s) address is not followed, and the
    /// failure says so instead of whatever status the redirect came with.
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        // The Location as the server wrote it: URLSession may have rewritten "file:///etc/passwd"
        // into a path on the same host.
        let location = response.allHeaderFields.first { ($0.key as? String)?.lowercased() == "location" }?.value as? String
        let written = location.flatMap { URL(string: $0) }
        let scheme = (written?.scheme ?? request.url?.scheme)?.lowercased()
        guard let scheme, !["http", "https"].contains(scheme) else {
            completionHandler(request)
            return
        }
        let target = location ?? request.url?.absoluteString ?? "?"
        lock.lock()
        failure = .transport(url: url.absoluteString,
                             reason: "redirected to \(target.prefix(100).unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(String.init).joined()), which is not a web page")
        lock.unlock()
        completionHandler(nil)
        task.cancel()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil else { return }
        self.data.append(data)
        if self.data.count > limit {
            failure = .tooLarge(url: url.absoluteString, limit: limit)
            self.data = Data()
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.lock()
        if failure == nil {
            if let error {
                failure = .transport(url: url.absoluteString, reason: error.localizedDescription)
            } else if response == nil {
                response = task.response as? HTTPURLResponse
                if response == nil { failure = .transport(url: url.absoluteString, reason: "not an HTTP response") }
            }
        }
        lock.unlock()
        done.signal()
    }

    func result() throws(FetchError) -> FetchResult {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
        guard let response else { throw .transport(url: url.absoluteString, reason: "no answer") }
        if response.statusCode == 304 { return .notModified }
        guard (200..<300).contains(response.statusCode) else {
            throw .status(url: url.absoluteString, code: response.statusCode)
        }
        let headers = response.allHeaderFields
        func header(_ name: String) -> String? {
            headers.first { ($0.key as? String)?.lowercased() == name.lowercased() }?.value as? String
        }
        return .page(FetchedPage(data: data, status: response.statusCode, finalURL: response.url, fetched: Date(),
                                 contentType: header("Content-Type"),
                                 validators: CacheValidators(etag: header("ETag"), lastModified: header("Last-Modified"),
                                                             responseDate: header("Date"))))
    }
}
