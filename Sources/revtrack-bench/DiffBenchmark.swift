import Foundation
import RevtrackCore
import RevtrackDiff
import RevtrackText

/// Segmentation, sentence-level and word-level diff figures on a deterministic
/// news-like corpus (fixed seed) at several sizes and edit rates, with Swift's
/// `difference(from:)` on the same token arrays for comparison.
enum DiffBenchmark {
    static func run(sizes: [Int] = [5_000, 100_000, 1_000_000, 10_000_000], rates: [Double] = [0.01, 0.10, 0.50]) {
        print("diff: corpus of news-like sentences, seed 2024; times are the best of 3 runs (1 for 10 MB)")
        print("Columns: segmentation throughput of both sides; DocumentComparison end to end (segment, diff, pair, word diffs);")
        print("the engine alone on interned sentences, and Swift's difference(from:) on the same arrays; the word engine in")
        print("approximate mode (anchors + cost limit max(256, √N)) on the whole word stream, its edit size D, and how far D is")
        print("above the minimal one (minimal mode, run where it finishes in reasonable time).")
        print("size      edited  segment MB/s  sentence diff  engine(sent)  stdlib(sent)  ratio   word engine   word D   vs minimal")
        for size in sizes {
            let old = Corpus.original(bytes: size)
            for rate in rates {
                let new = Corpus.edited(old, rate: rate)

                let segmentTime = best { _ = SentenceSegmenter.segment(old); _ = SentenceSegmenter.segment(new) }
                let throughput = Double(old.utf8.count + new.utf8.count) / segmentTime / 1e6

                let documentTime = best { _ = DocumentComparison(old: old, new: new) }

                let a = SentenceSegmenter.segment(old).sentences.map(\.normalized)
                let b = SentenceSegmenter.segment(new).sentences.map(\.normalized)
                var interner = [String: Int32]()
                func ids(_ list: [String]) -> [Int32] {
                    list.map { key in
                        if let id = interner[key] { return id }
                        let id = Int32(interner.count); interner[key] = id; return id
                    }
                }
                let ia = ids(a), ib = ids(b)
                let engineTime = best { _ = Difference.script(fromInterned: ia, to: ib, symbolCount: interner.count) }
                var stdlibText = "      —"
                var ratioText = "    —"
                if size <= 1_000_000 {
                    let stdlibTime = best(runs: 1) { _ = ib.difference(from: ia) }
                    stdlibText = format(stdlibTime)
                    ratioText = String(format: "%5.0f×", stdlibTime / engineTime)
                }

                let oldWords = WordTokenizer.tokenize(old).map(\.text)
                let newWords = WordTokenizer.tokenize(new).map(\.text)
                let limit = max(256, Int(Double(oldWords.count + newWords.count).squareRoot()))
                var script = EditScript(runs: [])
                let wordTime = best(runs: size > 1_000_000 ? 1 : 3) { script = Difference.script(from: oldWords, to: newWords, costLimit: limit) }
                var excess = "        —"
                if size <= 1_000_000 {
                    let minimal = Difference.script(from: oldWords, to: newWords).editDistance
                    excess = String(format: "%+8.2f%%", 100 * Double(script.editDistance - minimal) / Double(max(minimal, 1)))
                }
                peakMemory = max(peakMemory, residentPeak())

                print(String(format: "%-9@ %5.0f%%  %12.0f  %@  %@  %@  %@  %@  %8d  %@",
                             label(size) as NSString, rate * 100, throughput, format(documentTime) as NSString,
                             format(engineTime) as NSString, stdlibText as NSString, ratioText as NSString,
                             format(wordTime) as NSString, script.editDistance, excess as NSString))
            }
        }
    }

    // The benchmark runs its cases one after the other on the main thread.
    nonisolated(unsafe) static var peakMemory = 0

    /// Peak resident set size of this process so far, in bytes.
    static func residentPeak() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
    }

    static func best(runs: Int = 3, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let start = DispatchTime.now()
            body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        }
        return best
    }

    /// Writes the benchmark's texts for scripts/bench-peers.sh: for each size
    /// and edit rate, one sentence per line and one word per line.
    static func writeCorpus(to folder: String, sizes: [Int] = [1_000_000, 10_000_000], rates: [Double] = [0.01, 0.10, 0.50]) {
        for size in sizes {
            let old = Corpus.original(bytes: size)
            for rate in rates {
                let new = Corpus.edited(old, rate: rate)
                let prefix = "\(folder)/\(label(size).replacingOccurrences(of: " ", with: ""))-\(Int(rate * 100))"
                write(old, to: prefix, suffix: "old")
                write(new, to: prefix, suffix: "new")
            }
        }
    }

    static func write(_ text: String, to prefix: String, suffix: String, words: Bool = true) {
        let sentences = SentenceSegmenter.segment(text).sentences.map(\.normalized).joined(separator: "\n") + "\n"
        _ = FileManager.default.createFile(atPath: "\(prefix)-sentences.\(suffix)", contents: Data(sentences.utf8))
        guard words else { return }
        let wordLines = WordTokenizer.tokenize(text).map(\.text).joined(separator: "\n") + "\n"
        _ = FileManager.default.createFile(atPath: "\(prefix)-words.\(suffix)", contents: Data(wordLines.utf8))
    }

    static func format(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%10.2f ms", seconds * 1000) : String(format: "%10.3f s ", seconds)
    }

    static func label(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? "\(bytes / 1_000_000) MB" : "\(bytes / 1_000) KB"
    }
}

/// Deterministic news-like text: paragraphs of sentences built from a
/// vocabulary of wire-copy words, numbers and names.
struct Corpus {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The benchmark's old text of a given size (seed 2024).
    static func original(bytes: Int) -> String {
        var generator = Corpus(seed: 2024)
        return generator.article(bytes: bytes)
    }

    /// The benchmark's new text: `rate` of the sentences edited, one seed per rate.
    static func edited(_ text: String, rate: Double) -> String {
        var editor = Corpus(seed: 7 + UInt64(rate * 100))
        return editor.edit(text, rate: rate)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    static let subjects = ["Russia", "The ministry", "Officials", "Azerbaijan", "The government", "Armenia", "Police",
                           "The army", "Analysts", "The company", "Lawmakers", "The United Nations", "Residents"]
    static let verbs = ["said", "announced", "denied", "confirmed", "reported", "warned", "estimated", "argued"]
    static let objects = ["troops had been deployed", "the base would close", "talks would resume", "prices had risen",
                          "the convoy had left", "the ceasefire was holding", "aid had arrived", "the vote was delayed",
                          "the border would reopen", "investors were cautious"]
    static let tails = ["on Wednesday", "last year", "in the region", "after the ceremony", "according to a statement",
                        "despite the protests", "in Khojaly", "since the 1990s", "by the end of May"]

    mutating func sentence() -> String {
        let number = Int(next() % 100_000)
        let count = number >= 1_000 ? "\(number / 1000),\(String(format: "%03d", number % 1000))" : "\(number)"
        return "\(pick(Corpus.subjects)) \(pick(Corpus.verbs)) that \(count) \(pick(Corpus.objects)) \(pick(Corpus.tails))."
    }

    mutating func article(bytes: Int) -> String {
        var paragraphs: [String] = []
        var total = 0
        while total < bytes {
            let paragraph = (0..<(1 + Int(next() % 3))).map { _ in sentence() }.joined(separator: " ")
            total += paragraph.utf8.count + 1
            paragraphs.append(paragraph)
        }
        return paragraphs.joined(separator: "\n")
    }

    /// Edits about `rate` of the sentences: a word or number changed, a
    /// sentence added or removed.
    mutating func edit(_ text: String, rate: Double) -> String {
        let threshold = UInt64(rate * 1_000_000)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph in
            SentenceSegmenter.segment(String(paragraph)).sentences.compactMap { sentence -> String? in
                guard next() % 1_000_000 < threshold else { return sentence.text }
                switch next() % 4 {
                case 0: return nil
                case 1: return sentence.text + " " + self.sentence()
                default:
                    var words = sentence.text.split(separator: " ").map(String.init)
                    let index = Int(next() % UInt64(words.count - 1))
                    words[index] = pick(["nearly", "more than", "about", "the", "new", "\(next() % 5000)"])
                    return words.joined(separator: " ")
                }
            }.joined(separator: " ")
        }.joined(separator: "\n")
    }
}
