import Foundation
import Testing
@testable import RevtrackCapture

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
