import Foundation
import Testing
import RevtrackTestSupport
@testable import RevtrackStorage

@Suite("Input rules")
struct InputRulesTests {
    @Test("track names follow git's ref rules and a small ASCII alphabet",
          arguments: ["reuters", "karabakh/reuters", "a.b_c-d/e2", "2024/05/wire"])
    func validNames(_ name: String) throws {
        #expect(try TrackName(name).referenceName == "refs/heads/" + name)
    }

    @Test("bad track names are refused with a reason", arguments: [
        ("", "the name is empty"),
        ("Reuters", "use lowercase letters (reuters)"),
        ("a b", "only lowercase letters, digits, '.', '_', '-' and '/' are allowed, not ' '"),
        ("-x", "a name cannot start with '-'"),
        ("/x", "a name cannot start or end with '/'"),
        ("x/", "a name cannot start or end with '/'"),
        ("a//b", "a name cannot have an empty segment ('//')"),
        ("a..b", "a name cannot contain '..'"),
        ("a/.hidden", "a segment cannot start with '.'"),
        ("x.lock", "a segment cannot end with '.lock'"),
        ("x@{1}", "only lowercase letters, digits, '.', '_', '-' and '/' are allowed, not '@'"),
        ("caf\u{E9}", "only lowercase letters, digits, '.', '_', '-' and '/' are allowed, not U+E9"),
        (String(repeating: "a", count: 201), "longer than 200 characters"),
    ])
    func invalidNames(_ name: String, _ reason: String) {
        #expect(throws: StorageError.invalidTrackName(name, reason)) { try TrackName(name) }
    }

    @Test("revision specs parse into track and position", arguments: [
        ("reuters", "reuters", RevisionSpec.Position.latest),
        ("karabakh/reuters@3", "karabakh/reuters", .number(3)),
        ("reuters~2", "reuters", .back(2)),
        ("reuters~", "reuters", .back(1)),
        ("reuters~0", "reuters", .back(0)),
        ("1a2b3c4", "1a2b3c4", .latest),
    ])
    func specs(_ text: String, _ track: String, _ position: RevisionSpec.Position) throws {
        let spec = try RevisionSpec(parsing: text)
        #expect(spec.track == track && spec.position == position)
    }

    @Test("a commit prefix needs seven hex digits")
    func commitPrefix() throws {
        #expect(try RevisionSpec(parsing: "1a2b3c4").isCommitPrefix)
        #expect(try !RevisionSpec(parsing: "1a2b3c").isCommitPrefix)
    }

    @Test("bad revision specs are refused", arguments: ["reuters@0", "reuters@x", "@2", "reuters~-1", "Reuters", "a..b@1"])
    func badSpecs(_ bad: String) {
        #expect(throws: StorageError.self) { try RevisionSpec(parsing: bad) }
    }

    @Test("text is stored as UTF-8 with LF endings and no BOM, nothing else changed")
    func normalization() throws {
        #expect(try ArticleText.decode(Array("\u{FEFF}a\r\nb\rc\n\n  d ".utf8)) == "a\nb\nc\n\n  d ")
        #expect(try ArticleText.decode(Array("“Quoted” — Ünïcode".utf8)) == "“Quoted” — Ünïcode")
    }

    @Test("empty, blank, binary and invalid UTF-8 input is refused", arguments: [
        ([] as [UInt8], "input is empty"),
        (Array(" \n\t\r\n".utf8), "input holds only whitespace"),
        (Array("ab\u{0}cd".utf8), "input looks binary: NUL byte at offset 2"),
        ([0x61, 0x62, 0xC3, 0x28], "input is not valid UTF-8 (at byte 2)"),
        ([0xFF, 0xFE, 0x41], "input is not valid UTF-8 (at byte 0)"),
    ])
    func refusedInput(_ bytes: [UInt8], _ message: String) {
        #expect(throws: StorageError.invalidText(message)) { try ArticleText.decode(bytes) }
    }

    @Test("capture times accept the usual ISO 8601 forms")
    func captureTimes() {
        #expect(CaptureTime.parse("2024-05-15T09:30:00Z").map(CaptureTime.format) == "2024-05-15T09:30:00Z")
        #expect(CaptureTime.parse("2024-05-15T13:30:00+04:00").map(CaptureTime.format) == "2024-05-15T09:30:00Z")
        #expect(CaptureTime.parse("2024-05-15T09:30:00.250Z").map(CaptureTime.format) == "2024-05-15T09:30:00Z")
        #expect(CaptureTime.parse("2024-05-15T09:30").map(CaptureTime.format) == "2024-05-15T09:30:00Z")
        #expect(CaptureTime.parse("2024-05-15").map(CaptureTime.format) == "2024-05-15T00:00:00Z")
        for seconds in stride(from: -86_400 * 800, to: 86_400 * 40_000, by: 86_400 * 13 + 3_607) {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let reference = ISO8601DateFormatter().string(from: date)
            #expect(CaptureTime.format(date) == reference)
            #expect(CaptureTime.parseCanonical(reference) == date)
        }
        #expect(CaptureTime.parse("2024-02-29T00:00:00Z") != nil)
    }

    @Test("capture times that name no real moment are refused",
          arguments: ["yesterday", "2024-13-01", "2024-02-30", "2023-02-29T00:00:00Z", "2024-05-15T24:00:00Z", "15/05/2024", ""])
    func badCaptureTimes(_ bad: String) {
        #expect(CaptureTime.parse(bad) == nil)
    }
}

@Suite("Capture times git can store")
struct StorableTimeTests {
    @Test("offsets that no place uses are refused", arguments: ["2024-05-15T09:30:00+99:00", "2024-05-15T09:30:00-15:00", "2024-05-15T09:30:00+05:75"])
    func badOffsets(_ text: String) {
        #expect(CaptureTime.parse(text) == nil)
    }

    @Test("real offsets are read", arguments: ["2024-05-15T09:30:00+05:30", "2024-05-15T09:30:00-08:00", "2024-05-15T09:30:00+14:00"])
    func goodOffsets(_ text: String) {
        #expect(CaptureTime.parse(text) != nil)
    }

    @Test("a capture time before 1970 or after 2106-02-07 is refused, nothing is written", arguments: [
        "1969-12-31T23:59:59Z", "0001-01-01", "2106-02-08",
    ])
    func outOfRange(_ text: String) throws {
        let folder = TemporaryFolder()
        let store = try RevisionStore.create(at: folder.file("archive"))
        let date = try #require(CaptureTime.parse(text))
        #expect(throws: StorageError.self) { try store.add(text: "A text.", to: try TrackName("t"), captured: date) }
        #expect(try store.trackNames().isEmpty)
    }
}
