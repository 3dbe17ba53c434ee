import Foundation
import RevtrackText

/// Segmentation alone, on one core: the 10 MB news-like corpus as prose
/// paragraphs and written one sentence per line, best of 10 runs each.
enum SegmentBenchmark {
    static func run() {
        let prose = Corpus.original(bytes: 10_000_000)
        let lines = SentenceSegmenter.segment(prose).sentences.map(\.normalized).joined(separator: "\n")
        print("segment: 10 MB corpus (seed 2024), one core, best of 10")
        for (name, text) in [("paragraphs", prose), ("one sentence per line", lines)] {
            let seconds = DiffBenchmark.best(runs: 10) { _ = SentenceSegmenter.segment(text) }
            print(String(format: "%-22@ %6.1f ms  %6.0f MB/s", name as NSString, seconds * 1000, Double(text.utf8.count) / seconds / 1e6))
        }
    }
}
