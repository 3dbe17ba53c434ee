import ArgumentParser
import RevtrackStorage
import RevtrackText

struct Sentences: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the sentence segmentation of a file or revision.",
        discussion: "One sentence per line, a blank line between paragraphs. JSON offsets are Unicode scalar offsets into the text."
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "A text file or a revision (TRACK, TRACK@N, TRACK~K, commit); file:PATH forces a file.")
    var source: String

    @Option(help: "Output format: text or json.")
    var format: ListFormat = .text

    func run() throws {
        let operand = try TextOperand.resolve(source, repository: repository)
        let segmented = SentenceSegmenter.segment(operand.text)
        switch format {
        case .json:
            struct Entry: Encodable { let paragraph: Int; let text: String; let start: Int; let end: Int }
            let ranges = segmented.scalarRanges()
            try printJSON(zip(segmented.sentences, ranges).map {
                Entry(paragraph: $0.paragraph, text: $0.text, start: $1.lowerBound, end: $1.upperBound)
            })
        case .text:
            var output = ""
            var paragraph = 0
            for sentence in segmented.sentences {
                if sentence.paragraph != paragraph { output += "\n"; paragraph = sentence.paragraph }
                output += safe(sentence.normalized) + "\n"
            }
            StandardOutput.write(output)
        }
    }
}
