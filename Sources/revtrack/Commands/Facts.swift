import ArgumentParser
import RevtrackFacts
import RevtrackRender
import RevtrackStory

struct Facts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the facts of a revision or file: quantities, dates, quotations, people, places, organisations and claims.",
        discussion: "Dates resolve against the article's own date when it states one, else the revision's capture time (today for a file)."
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "A revision (TRACK, TRACK@N, TRACK~K, commit) or a text file; file:PATH forces a file.")
    var source: String

    @OptionGroup var output: OutputOptions<ListFormat>

    func run() throws {
        let source = try TextSource.resolve(self.source, in: repository.location, note: { StandardError.write("revtrack: note: " + $0) })
        let facts = FactExtractor.extract(from: source.text, reference: source.referenceDay())
        switch output.format {
        case .json: try output.emitJSON(facts)
        case .text: try output.emit(FactListRenderer.render(facts))
        }
    }
}
