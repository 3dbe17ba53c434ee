import ArgumentParser
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

    @Option(help: "Output format: text or json (text plus title, published and modified times, canonical and final URL).")
    var format: ListFormat = .text

    func run() throws {
        let css = try selector.map { text in
            guard let css = CSSSelector(text) else {
                throw CommandFailure("'\(text)' is not a supported selector (tag, .class, #id, compounds and descendants)")
            }
            return css
        }
        let (data, finalURL) = try Self.load(source)
        let article: ExtractedArticle
        do { article = try ArticleExtractor.extract(html: data, selector: css) } catch {
            throw CommandFailure("\(source): \(error)")
        }
        switch format {
        case .text:
            StandardOutput.write(TerminalText.escapingControls(article.text, keepNewlines: true) + "\n")
        case .json:
            struct Output: Encodable {
                let title, published, modified, canonicalURL, finalURL: String?
                let text: String
            }
            try printJSON(Output(title: article.title, published: article.published, modified: article.modified,
                                 canonicalURL: article.canonicalURL, finalURL: finalURL, text: article.text))
        }
    }

    /// The page's bytes, from a URL or a file, and the URL after redirects.
    static func load(_ source: String) throws -> (Data, String?) {
        if let url = URL(string: source), ["http", "https"].contains(url.scheme?.lowercased() ?? "") {
            do {
                let page = try PageFetcher.fetch(url)
                return (page.data, page.finalURL?.absoluteString)
            } catch { throw CommandFailure("\(error)") }
        }
        guard let data = FileManager.default.contents(atPath: source) else {
            throw CommandFailure("\(source): no such file or URL")
        }
        return (data, nil)
    }
}
