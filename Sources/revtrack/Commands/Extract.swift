import ArgumentParser
import RevtrackStory
import Foundation
import RevtrackCapture
import RevtrackRender

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the article text revtrack would store for a page, without storing it.",
        discussion: """
            SOURCE is an HTML file or an http(s) URL. The text is what `add` would store: headline, \
            byline, dateline, paragraphs and photo captions, without navigation, scripts, share bars, \
            related links or cookie banners. Use it to check the extractor on a site before watching it.
            """
    )

    @Argument(help: "An HTML file or an http(s) URL.")
    var source: String

    @Option(help: "A CSS selector for the article's region: tag, .class, #id, compounds and descendants (\"main .story-body\").")
    var selector: String?

    @OptionGroup var output: OutputOptions<ListFormat>

    func run() throws {
        let css = try CaptureAndStore.parseSelector(selector)
        let article: ExtractedArticle
        var finalURL: String? = nil
        if let url = CaptureAndStore.webURLIfAny(source) {
            let captured = try CaptureAndStore.fetch(url, selector: css)
            article = captured.article
            finalURL = captured.page.finalURL?.absoluteString
        } else {
            guard let data = FileManager.default.contents(atPath: source) else {
                throw CommandFailure("\(source): no such file or URL")
            }
            do { article = try ArticleExtractor.extract(html: data, selector: css) } catch {
                throw CommandFailure("\(source): \(error)")
            }
        }
        switch output.format {
        case .text:
            StandardOutput.write(TerminalText.escapingControls(article.textFile, keepNewlines: true))
        case .json:
            struct Output: Encodable {
                let title, published, modified, canonicalURL, finalURL: String?
                let text: String
            }
            try output.emitJSON(Output(title: article.title, published: article.published, modified: article.modified,
                                 canonicalURL: article.canonicalURL, finalURL: finalURL, text: article.text))
        }
    }
}
