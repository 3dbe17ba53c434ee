import Foundation
import RevtrackCapture
import RevtrackCore
import RevtrackFacts
import RevtrackRender
import RevtrackText

// libFuzzer targets for the parsers that read untrusted text: the segmenter,
// fact extraction, the diff of two inputs (with its renderers), the HTML
// article extractor and the feed parser. Built only by scripts/fuzz.sh
// (REVTRACK_FUZZ=1, -sanitize=fuzzer,address, its own scratch path):
//
//     revtrack-fuzz TARGET [libFuzzer options] [CORPUS…]
//
// A target must never crash, hang or trip AddressSanitizer, whatever the bytes.

typealias Target = @Sendable (UnsafeBufferPointer<UInt8>) -> Void

let targets: [String: Target] = [
    "segment": { bytes in
        _ = SentenceSegmenter.segment(String(decoding: bytes, as: UTF8.self))
    },
    "facts": { bytes in
        _ = FactExtractor.extract(from: String(decoding: bytes, as: UTF8.self), reference: CivilDate(year: 2026, month: 3, day: 15))
    },
    "diff": { bytes in
        // Two texts separated by the first NUL byte (or the halves of the input).
        let split = bytes.firstIndex(of: 0) ?? bytes.count / 2
        let old = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<split]), as: UTF8.self)
        let new = String(decoding: UnsafeBufferPointer(rebasing: bytes[min(split + 1, bytes.count)...]), as: UTF8.self)
        let comparison = DocumentComparison(old: old, new: new)
        _ = TextDiffRenderer(options: .init(color: true)).renderUTF8(comparison, oldLabel: "old", newLabel: "new")
        _ = HTMLDiffRenderer.render(comparison, old: DiffSide(spec: "old", file: "old"), new: DiffSide(spec: "new", file: "new"))
    },
    "html": { bytes in
        _ = try? ArticleExtractor.extract(html: Data(bytes))
    },
    "feed": { bytes in
        _ = try? FeedParser.parse(Data(bytes), baseURL: URL(string: "https://example.com/feed"))
    },
]

/// The target chosen on the command line; set once before libFuzzer starts.
nonisolated(unsafe) var selected: Target = { _ in }

/// The entry libFuzzer's runtime expects to link against; the driver below
/// is handed the same function.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    selected(UnsafeBufferPointer(start: data, count: size))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

var arguments = CommandLine.arguments
guard arguments.count >= 2, let target = targets[arguments[1]] else {
    FileHandle.standardError.write(Data("usage: revtrack-fuzz \(targets.keys.sorted().joined(separator: "|")) [libFuzzer options] [CORPUS…]\n".utf8))
    exit(2)
}
selected = target
arguments.remove(at: 1)
var argc = Int32(arguments.count)
var cStrings: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
let status = cStrings.withUnsafeMutableBufferPointer { buffer -> Int32 in
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = buffer.baseAddress
    return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
}
exit(status)
