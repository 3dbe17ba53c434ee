import ArgumentParser
import RevtrackStory
import RevtrackText

struct Sentences: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the sentence segmentation of a file or revision.",
        discussion: "One sentence per line, a blank line between paragraphs. JSON offsets are Unicode scalar offsets into the text."
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "A text file or a revision (TRACK, TRACK@N, TRACK~K, commit); file:PATH forces a file.")
    var source: String

    @OptionGroup var output: OutputOptions<ListFormat>

    func run() throws {
        let source = try TextSource.resolve(self.source, in: repository.location, note: { StandardError.write("revtrack: note: " + $0) })
        let segmented = SentenceSegmenter.segment(source.text)
        switch output.format {
        case .json:
            struct Entry: Encodable { let paragraph: Int; let text: String; let start: Int; let end: Int }
            let ranges = segmented.scalarRanges()
            try output.emitJSON(zip(segmented.sentences, ranges).map {
                Entry(paragraph: $0.paragraph, text: $0.text, start: $1.lowerBound, end: $1.upperBound)
            })
        case .text:
            var text = ""
            var paragraph = 0
            for sentence in segmented.sentences {
                if sentence.paragraph != paragraph { text += "\n"; paragraph = sentence.paragraph }
                text += safe(sentence.normalized) + "\n"
            }
            try output.emit(text)
        }
    }
}
