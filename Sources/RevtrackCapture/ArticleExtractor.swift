import Foundation

/// An article as read from a page: its text as paragraphs (headline, byline,
/// dateline, body, captions) and what the page says about itself.
public struct ExtractedArticle: Sendable, Equatable {
    public var title: String?
    /// Paragraphs separated by blank lines, white space normalized.
    public var text: String
    /// The page's own published and modified times, as written
    /// (`article:published_time`, JSON-LD `datePublished`, …).
    public var published: String?
    public var modified: String?
    /// `<link rel="canonical">`, when the page names one.
    public var canonicalURL: String?

    /// The text as revtrack stores and prints it: a text file, ending in a newline.
    public var textFile: String { text + "\n" }
}

public enum ExtractionError: Error, Equatable, CustomStringConvertible {
    case notHTML
    case noText
    case selectorMatchesNothing(String)
    /// libxml2 refused the bytes, with its message.
    case unparsable(String)
    /// The page is in an encoding that is not a superset of ASCII (EBCDIC, UTF-16 without a mark).
    case unsupportedEncoding(String)

    public var description: String {
        switch self {
        case .unsupportedEncoding(let name): "the page declares the encoding '\(name)', which is not ASCII-compatible; revtrack reads ASCII-compatible encodings only"
        case .notHTML: "the page holds no HTML"
        case .noText: "no article text found on the page"
        case .selectorMatchesNothing(let selector): "the selector '\(selector)' matches nothing on the page"
        case .unparsable(let message): "the page cannot be parsed as HTML (\(message))"
        }
    }
}

/// The charset a page declares in its first 2 KiB (`<meta charset="…">` or
/// `content="text/html; charset=…"`).
func declaredCharset(_ data: Data) -> String? {
    let head = String(decoding: data.prefix(2048), as: UTF8.self).lowercased()
    guard let range = head.range(of: "charset=") else { return nil }
    let rest = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
    let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    return name.isEmpty ? nil : String(name)
}

/// Whether bytes below 0x80 mean ASCII in this encoding: not so for the EBCDIC
/// code pages and for UTF-16/32.
func isASCIICompatible(_ encoding: String) -> Bool {
    let name = encoding.lowercased()
    if name.contains("ebcdic") || name.hasPrefix("utf-16") || name.hasPrefix("utf-32") || name.hasPrefix("ucs-") { return false }
    let ebcdic: Set<String> = ["cp037", "ibm037", "ibm37", "cp500", "ibm500", "cp875", "ibm875", "cp1026", "ibm1026", "cp1047", "ibm1047",
                               "cp273", "ibm273", "cp277", "ibm277", "cp278", "ibm278", "cp280", "ibm280", "cp284", "ibm284", "cp285",
                               "ibm285", "cp297", "ibm297", "cp424", "ibm424", "cp870", "ibm870", "cp871", "ibm871", "cp1140", "ibm01140",
                               "cp1141", "ibm01141", "cp1142", "cp1143", "cp1144", "cp1145", "cp1146", "cp1147", "cp1148", "cp1149"]
    return !ebcdic.contains(name)
}

/// Finds the article on a news page and turns it into revtrack's text: the
/// region a selector names, else the page's `articleBody` or `<article>`,
/// else the block with the densest paragraph text (a readability-style
/// score); without navigation, scripts, share bars, related links or cookie
/// banners.
public enum ArticleExtractor {
    /// - Parameter encoding: the charset the server declared, which overrides the page's own `<meta charset>`.
    public static func extract(html data: Data, selector: CSSSelector? = nil,
                               encoding: String? = nil) throws(ExtractionError) -> ExtractedArticle {
        // An EBCDIC page read as ASCII is garbage that would be stored as text.
        for declared in [encoding, declaredCharset(data)].compactMap({ $0 }) where !isASCIICompatible(declared) {
            throw .unsupportedEncoding(declared)
        }
        let parsed: HTMLElement?
        do { parsed = try HTMLParser.parse(data, encoding: encoding) } catch { throw .unparsable(error.message) }
        guard let document = parsed else { throw .notHTML }
        let metadata = PageMetadata(document)
        let root: HTMLElement
        if let selector {
            // Every match, in order; a match inside another is part of it already.
            let matches = selector.matches(in: document)
            let outermost = matches.filter { match in
                var ancestor = match.parent
                while let current = ancestor {
                    if matches.contains(where: { $0 === current }) { return false }
                    ancestor = current.parent
                }
                return true
            }
            guard !outermost.isEmpty else { throw .selectorMatchesNothing(selector.description) }
            root = HTMLElement(name: "div", attributes: [:])
            for match in outermost { root.children.append(.element(match)) }
        } else {
            root = articleRoot(document)
        }
        prune(root)
        var blocks = Blocks()
        blocks.collect(root)
        blocks.finish()
        var paragraphs = blocks.paragraphs
        // The headline often sits outside the body the page marks up.
        let h1 = document.descendants().first(where: { $0.name == "h1" })?.text
        let headline = [metadata.headline, h1, metadata.title].compactMap { $0 }.first { !$0.isEmpty }
        if selector == nil, let headline, !paragraphs.prefix(3).contains(headline) {
            paragraphs.insert(headline, at: 0)
        }
        guard !paragraphs.isEmpty else { throw .noText }
        return ExtractedArticle(title: headline ?? paragraphs.first, text: paragraphs.joined(separator: "\n\n"),
                                published: metadata.published, modified: metadata.modified, canonicalURL: metadata.canonical)
    }

    /// The element that holds the article.
    static func articleRoot(_ document: HTMLElement) -> HTMLElement {
        let all = document.descendants()
        let body = all.first { $0.name == "body" } ?? document
        func paragraphText(_ element: HTMLElement) -> Int {
            element.descendants().filter { $0.name == "p" }.reduce(0) { $0 + $1.text.count }
        }
        // An explicit article body, widened to its <article> (which holds the headline and byline).
        let marked = all.filter { $0.attributes["itemprop"]?.lowercased() == "articlebody" }
        if let best = marked.max(by: { paragraphText($0) < paragraphText($1) }), paragraphText(best) > 0 {
            var ancestor = best.parent
            while let current = ancestor, current.name != "article" { ancestor = current.parent }
            return ancestor ?? best
        }
        let articles = all.filter { $0.name == "article" && !isBoilerplate($0) }
        if let best = articles.max(by: { paragraphText($0) < paragraphText($1) }), paragraphText(best) >= 200 {
            return best
        }
        // Readability-style: each paragraph scores its parent (and half for the grandparent).
        var scores: [ObjectIdentifier: (element: HTMLElement, score: Double)] = [:]
        for paragraph in all where paragraph.name == "p" {
            let text = paragraph.text
            guard text.count >= 25, let parent = paragraph.parent, !isBoilerplate(parent) else { continue }
            let score = 1 + Double(text.filter { $0 == "," }.count) + min(Double(text.count) / 100, 3)
            scores[ObjectIdentifier(parent), default: (parent, 0)].score += score
            if let grandparent = parent.parent { scores[ObjectIdentifier(grandparent), default: (grandparent, 0)].score += score / 2 }
        }
        guard let top = scores.values.max(by: { $0.score < $1.score })?.element else { return body }
        return withSiblings(top)
    }

    /// The best block and the sentences beside it: broken markup often
    /// closes the story's container before its last paragraphs.
    static func withSiblings(_ top: HTMLElement) -> HTMLElement {
        guard let parent = top.parent else { return top }
        let kept = parent.elements.filter { sibling in
            if sibling === top { return true }
            guard !dropped.contains(sibling.name), !isBoilerplate(sibling) else { return false }
            let text = sibling.text
            return text.count >= 40 && ".!?”\"’".contains(text.last!)
        }
        guard kept.count > 1 else { return top }
        let container = HTMLElement(name: "div", attributes: [:])
        for element in kept { container.children.append(.element(element)) }
        return container
    }

    /// Removes what is never article text.
    static func prune(_ element: HTMLElement) {
        var stack = [element]
        while let current = stack.popLast() {
            for child in current.elements {
                if dropped.contains(child.name) || isBoilerplate(child) { current.remove(child) } else { stack.append(child) }
            }
        }
    }

    static let dropped: Set<String> = [
        "script", "style", "noscript", "template", "svg", "iframe", "form", "button", "nav", "aside", "footer",
        "select", "input", "textarea", "canvas", "object", "embed", "video", "audio", "map", "head", "dialog",
    ]

    /// Share bars, related links, cookie banners, ads, newsletter boxes: by role, class or id.
    static func isBoilerplate(_ element: HTMLElement) -> Bool {
        if let role = element.attributes["role"]?.lowercased(),
           ["navigation", "banner", "complementary", "contentinfo", "dialog", "alertdialog", "search", "menu"].contains(role) {
            return true
        }
        if element.attributes["aria-hidden"] == "true" || element.attributes["hidden"] != nil { return true }
        for token in element.classAndID {
            if boilerplateWords.contains(where: token.contains) { return true }
            if ["ad", "ads", "advert"].contains(token) || token.hasPrefix("ad-") || token.hasSuffix("-ad") || token.hasSuffix("-ads") { return true }
        }
        return false
    }

    static let boilerplateWords = [
        "share", "social", "related", "cookie", "consent", "newsletter", "promo", "advert", "sponsor", "subscribe",
        "comment", "breadcrumb", "outbrain", "taboola", "recirc", "most-read", "mostread", "popular", "trending",
        "signup", "sign-up", "modal", "popup", "toolbar", "skip-link", "nav", "menu", "masthead", "read-more", "readmore",
    ]
}

/// Turns an element's subtree into paragraphs: each block element (p, h1–h6,
/// li, blockquote, figcaption, …) is one; `<br>` breaks one.
struct Blocks {
    private(set) var paragraphs: [String] = []
    private var inline: [String] = []

    static let blockNames: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "dd", "dt", "td", "th",
        "caption", "address", "div", "section", "article", "header", "figure", "ul", "ol", "dl", "table", "tr",
        "main", "body", "hgroup", "details", "summary", "center",
    ]

    mutating func collect(_ element: HTMLElement) {
        // Depth-first with a stack of its own (pages nest deeply): entering and
        // leaving a block element each end the paragraph under way.
        enum Step { case enter(HTMLElement), leave(HTMLElement), text(String) }
        var stack: [Step] = [.enter(element)]
        while let step = stack.popLast() {
            switch step {
            case .text(let text): inline.append(text)
            case .leave(let element): if Self.blockNames.contains(element.name) { flush() }
            case .enter(let element):
                if element.name == "br" { flush(); continue }
                if Self.blockNames.contains(element.name) { flush() }
                stack.append(.leave(element))
                for child in element.children.reversed() {
                    switch child {
                    case .text(let text): stack.append(.text(text))
                    case .element(let child): stack.append(.enter(child))
                    }
                }
            }
        }
    }

    mutating func finish() { flush() }

    private mutating func flush() {
        let text = HTMLText.collapse(inline.joined())
        inline.removeAll()
        guard !text.isEmpty, paragraphs.last != text else { return }
        paragraphs.append(text)
    }
}

/// What a page says about itself in `<meta>`, `<link>` and JSON-LD.
struct PageMetadata {
    /// From JSON-LD or Open Graph; `title` is the page's `<title>`, often with the site's name.
    var headline: String?
    var title: String?
    var published: String?
    var modified: String?
    var canonical: String?

    init(_ document: HTMLElement) {
        var meta: [String: String] = [:]
        for element in document.descendants() {
            switch element.name {
            case "meta":
                if let key = (element.attributes["property"] ?? element.attributes["name"] ?? element.attributes["itemprop"])?.lowercased(),
                   let content = element.attributes["content"], meta[key] == nil {
                    meta[key] = HTMLText.collapse(content)
                }
            case "link" where element.attributes["rel"]?.lowercased() == "canonical":
                canonical = element.attributes["href"]
            case "title":
                title = title ?? element.text
            case "script" where element.attributes["type"]?.lowercased() == "application/ld+json":
                readJSONLD(element.text)
            default:
                break
            }
        }
        headline = headline ?? meta["og:title"] ?? meta["twitter:title"]
        published = published ?? meta["article:published_time"] ?? meta["datepublished"] ?? meta["date"]
        modified = modified ?? meta["article:modified_time"] ?? meta["datemodified"] ?? meta["og:updated_time"]
        if let value = headline { headline = HTMLText.collapse(value) }
    }

    /// The first object in the JSON-LD (or its `@graph`) that has article dates or a headline.
    private mutating func readJSONLD(_ text: String) {
        guard let data = text.data(using: .utf8), let json = try? JSONSerialization.jsonObject(with: data) else { return }
        var queue: [Any] = [json]
        while !queue.isEmpty {
            let item = queue.removeFirst()
            if let array = item as? [Any] { queue.append(contentsOf: array); continue }
            guard let object = item as? [String: Any] else { continue }
            if let graph = object["@graph"] { queue.append(graph) }
            if published == nil, let value = object["datePublished"] as? String { published = value }
            if modified == nil, let value = object["dateModified"] as? String { modified = value }
            if headline == nil, let value = object["headline"] as? String { headline = value }
        }
    }
}
