import RevtrackFacts
import RevtrackText

/// Passages one outlet shares word for word, or nearly, with another: wire
/// copy republished with light edits ("churnalism").
///
/// Every run of `shingle` consecutive words is hashed on each side; a word is
/// copied when a run holding it occurs in the other text. Runs span sentence
/// and paragraph breaks, so re-paragraphing does not hide a copy, and page
/// furniture is left out before the runs are formed, so inserted ads and
/// share lines do not break one. A changed word breaks only the runs through
/// it: a lightly edited sentence stays mostly copied. Winnowing would keep a
/// sample of the runs, which matters for indexing millions of documents; a
/// story's outlets are few and short, so every run is kept and nothing is missed.
public struct CopiedText: Sendable {
    /// Words per run: short enough that a one-word edit leaves most of a
    /// sentence's runs, long enough that common phrases ("the prime minister
    /// said on") do not count.
    public static let shingle = 6

    /// Per sentence, the share of its words that are copied (0 for furniture).
    public let oldCoverage: [Double]
    public let newCoverage: [Double]
    /// The share of each text's words (furniture left out) that are copied.
    public let oldShare: Double
    public let newShare: Double
    /// Copied words as UTF-8 ranges of each text, merged into runs.
    public let oldSpans: [Range<Int>]
    public let newSpans: [Range<Int>]
    /// Sentence pairs that share runs: old sentence → new sentence → how many.
    public let links: [Int: [Int: Int]]

    public init(old: ShingledText, new: ShingledText) {
        let oldHashes = Set(old.hashes), newHashes = Set(new.hashes)
        let oldCopied = old.coveredWords(by: newHashes), newCopied = new.coveredWords(by: oldHashes)
        (oldCoverage, oldShare, oldSpans) = old.coverage(oldCopied)
        (newCoverage, newShare, newSpans) = new.coverage(newCopied)
        var firstInNew: [UInt64: Int] = [:]
        for (index, hash) in new.hashes.enumerated() where firstInNew[hash] == nil { firstInNew[hash] = index }
        var links: [Int: [Int: Int]] = [:]
        for (index, hash) in old.hashes.enumerated() {
            guard let other = firstInNew[hash] else { continue }
            links[old.sentence(ofRun: index), default: [:]][new.sentence(ofRun: other), default: 0] += 1
        }
        self.links = links
    }

    /// Only the shares: what a story's matrix of copying needs.
    public static func shares(_ a: ShingledText, _ b: ShingledText) -> (Double, Double) {
        let copied = CopiedText(old: a, new: b)
        return (copied.oldShare, copied.newShare)
    }
}

/// A text as runs of words for `CopiedText`: computed once per outlet when a
/// story compares many.
public struct ShingledText: Sendable {
    /// Word index → sentence index, and each word's UTF-8 range in the text.
    let sentenceOfWord: [Int]
    let wordRanges: [Range<Int>]
    let sentenceCount: Int
    /// The hash of the run starting at each word (runs that fit).
    let hashes: [UInt64]

    /// - Parameter ignoring: sentences left out (page furniture).
    public init(_ text: SegmentedText, ignoring: (Int) -> Bool = { _ in false }) {
        var sentenceOfWord: [Int] = [], wordRanges: [Range<Int>] = [], wordHashes: [UInt64] = []
        for (index, sentence) in text.sentences.enumerated() where !ignoring(index) {
            let base = sentence.utf8Range.lowerBound
            for token in WordTokenizer.tokenize(sentence.text) where token.kind != .punctuation {
                let word = token.kind == .number ? token.text.filter { $0 != "," } : token.text.lowercased()
                sentenceOfWord.append(index)
                wordRanges.append((base + token.utf8Range.lowerBound)..<(base + token.utf8Range.upperBound))
                wordHashes.append(Self.fnv(word))
            }
        }
        var hashes: [UInt64] = []
        if wordHashes.count >= CopiedText.shingle {
            hashes.reserveCapacity(wordHashes.count - CopiedText.shingle + 1)
            for start in 0...(wordHashes.count - CopiedText.shingle) {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for offset in 0..<CopiedText.shingle {
                    hash = (hash ^ wordHashes[start + offset]) &* 0x0000_0100_0000_01B3
                    hash = hash &+ (hash >> 29)
                }
                hashes.append(hash)
            }
        }
        self.sentenceOfWord = sentenceOfWord
        self.wordRanges = wordRanges
        self.sentenceCount = text.sentences.count
        self.hashes = hashes
    }

    /// Words of the text, furniture left out.
    public var wordCount: Int { sentenceOfWord.count }

    /// FNV-1a: a hash that is the same in every process, so results are too.
    private static func fnv(_ word: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The sentence a run belongs to: the one holding its middle word.
    func sentence(ofRun start: Int) -> Int { sentenceOfWord[start + CopiedText.shingle / 2] }

    func coveredWords(by other: Set<UInt64>) -> [Bool] {
        var covered = [Bool](repeating: false, count: sentenceOfWord.count)
        for (start, hash) in hashes.enumerated() where other.contains(hash) {
            for offset in 0..<CopiedText.shingle { covered[start + offset] = true }
        }
        return covered
    }

    func coverage(_ covered: [Bool]) -> ([Double], Double, [Range<Int>]) {
        var copied = [Int](repeating: 0, count: sentenceCount), total = [Int](repeating: 0, count: sentenceCount)
        var spans: [Range<Int>] = []
        for (word, isCopied) in covered.enumerated() {
            let sentence = sentenceOfWord[word]
            total[sentence] += 1
            guard isCopied else { continue }
            copied[sentence] += 1
            let range = wordRanges[word]
            // A run continues across the spaces and punctuation between copied words of one sentence.
            if let last = spans.last, word > 0, covered[word - 1], sentenceOfWord[word - 1] == sentence {
                spans[spans.count - 1] = last.lowerBound..<range.upperBound
            } else {
                spans.append(range)
            }
        }
        let coverage = zip(copied, total).map { $1 == 0 ? 0 : Double($0) / Double($1) }
        let words = covered.count
        let share = words == 0 ? 0 : Double(covered.lazy.filter { $0 }.count) / Double(words)
        return (coverage, share, spans)
    }
}
