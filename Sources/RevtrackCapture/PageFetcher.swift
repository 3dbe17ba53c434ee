import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A page as fetched: what a capture records for provenance.
public struct FetchedPage: Sendable {
    public let data: Data
    public let status: Int
    /// The URL after redirects.
    public let finalURL: URL?
    public let fetched: Date
}

public enum FetchError: Error, Equatable, CustomStringConvertible {
    case transport(url: String, reason: String)
    case status(url: String, code: Int)

    public var description: String {
        switch self {
        case .transport(let url, let reason): "\(url): \(reason)"
        case .status(let url, let code): "\(url): HTTP \(code) \(HTTPURLResponse.localizedString(forStatusCode: code))"
        }
    }
}

/// Fetches one page with URLSession: a timeout, redirects followed, and an
/// error for anything but a 2xx answer, so a failed fetch is never stored
/// as a revision of the article.
public enum PageFetcher {
    public static func fetch(_ url: URL, timeout: TimeInterval = 30) throws(FetchError) -> FetchedPage {
        /// Written by the session's queue before the semaphore is signalled, read after.
        final class Outcome: @unchecked Sendable { var result: Result<FetchedPage, FetchError>? }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("revtrack (news revision tracker)", forHTTPHeaderField: "User-Agent")
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        session.dataTask(with: request) { data, response, error in
            defer { done.signal() }
            if let error {
                outcome.result = .failure(.transport(url: url.absoluteString, reason: error.localizedDescription))
            } else if let http = response as? HTTPURLResponse {
                outcome.result = (200..<300).contains(http.statusCode)
                    ? .success(FetchedPage(data: data ?? Data(), status: http.statusCode, finalURL: http.url, fetched: Date()))
                    : .failure(.status(url: url.absoluteString, code: http.statusCode))
            } else {
                outcome.result = .failure(.transport(url: url.absoluteString, reason: "not an HTTP response"))
            }
        }.resume()
        done.wait()
        return try outcome.result!.get()
    }
}
