import Foundation
import Testing
@testable import RevtrackCapture
import RevtrackTestSupport

@Suite("Cache validators")
struct CacheValidatorTests {
    @Test("a Last-Modified within a second of the answer's Date is weak and not kept; the ETag is", arguments: [
        ("Sun, 29 Nov 2026 10:00:00 GMT", "Sun, 29 Nov 2026 10:00:00 GMT", false),
        ("Sun, 29 Nov 2026 09:59:59 GMT", "Sun, 29 Nov 2026 10:00:00 GMT", true),
        ("Sun, 29 Nov 2026 09:00:00 GMT", "Sun, 29 Nov 2026 10:00:00 GMT", true),
    ])
    func weakLastModified(_ modified: String, _ date: String, _ kept: Bool) {
        let validators = CacheValidators(etag: "\"abc\"", lastModified: modified, responseDate: date)
        #expect((validators.lastModified != nil) == kept)
        #expect(validators.etag == "\"abc\"")
    }

    @Test("without a Date header, the time of the answer decides")
    func noDate() {
        let now = Date()
        let justNow = CacheValidators(etag: nil, lastModified: CacheValidatorTests.format(now), responseDate: nil, now: now)
        #expect(justNow.lastModified == nil && justNow.isEmpty)
        let old = CacheValidators(etag: nil, lastModified: CacheValidatorTests.format(now.addingTimeInterval(-60)), responseDate: nil, now: now)
        #expect(old.lastModified != nil)
    }

    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.string(from: date)
    }
}

@Suite("Compressed answers")
struct CompressedAnswerTests {
    @Test("pages are asked for uncompressed; a compressed answer is refused before its body is inflated")
    func gzipRefused() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/plain", .html("<html><body><article><p>A plain page with one sentence in it.</p></article></body></html>"))
        server.route("/bomb", .init(headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                                    body: Data([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03])))
        let plain = try PageFetcher.fetch(URL(string: server.url("/plain"))!)
        guard case .page = plain else { Issue.record("no page"); return }
        #expect(server.requests.first?.headers["accept-encoding"] == "identity")
        #expect(throws: FetchError.self) { try PageFetcher.fetch(URL(string: server.url("/bomb"))!) }
        do { _ = try PageFetcher.fetch(URL(string: server.url("/bomb"))!) } catch {
            #expect(error.description.contains("gzip-compressed answer though none was asked for"))
        }
    }
}

@Suite("Redirects")
struct RedirectTests {
    @Test("a redirect to a non-web address is not followed and the error says where it pointed",
          arguments: ["file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)"])
    func nonWebRedirect(_ target: String) throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/go", .redirect(to: target, status: 302))
        do {
            _ = try PageFetcher.fetch(URL(string: server.url("/go"))!)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("redirected to \(target)"), "\(error.description)")
        }
    }
}
