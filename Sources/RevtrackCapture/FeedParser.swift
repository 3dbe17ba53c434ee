internal import CLibXML2
import Foundation

/// A news feed as `feed add` and `watch` read it: the links of its items.
public struct Feed: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var title: String?
        /// The article's URL, resolved against the feed's.
        public var link: String
        public var published: String?

        public init(title: String?, link: String, published: String?) {
            self.title = title
            self.link = link
            self.published = published
        }
    }

    public var title: String?
    public var items: [Item]

    public init(title: String?, items: [Item]) {
        self.title = title
        self.items = items
    }
}

public enum FeedError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    case notAFeed(root: String)

    public var description: String {
        switch self {
        case .malformed(let reason): "malformed feed XML: \(reason)"
        case .notAFeed(let root): "not an RSS or Atom feed (the document is <\(root)>)"
        }
    }
}

/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom with libxml2's XML parser: strict,
/// since a feed that does not parse must be reported, not guessed at; no
/// network access and no entity expansion, since feeds are untrusted.
public enum FeedParser {
    public static func parse(_ data: Data, baseURL: URL? = nil) throws(FeedError) -> Feed {
        guard !data.isEmpty, data.count < Int(Int32.max) else { throw .malformed("the document is empty") }
        LibXML2Runtime.prepare()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        let document: xmlDocPtr? = data.withUnsafeBytes { buffer in
            xmlReadMemory(buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(buffer.count), baseURL?.absoluteString, nil, options)
        }
        guard let document else {
            throw .malformed(LibXML2Runtime.lastErrorMessage() ?? "not well-formed XML")
        }
        defer { xmlFreeDoc(document) }
        guard let rootNode = xmlDocGetRootElement(document) else { throw .malformed("no root element") }
        let root = HTMLParser.copy(rootNode)

        func child(_ element: HTMLElement, _ name: String) -> HTMLElement? { element.elements.first { $0.name == name } }
        func text(_ element: HTMLElement, _ name: String) -> String? {
            child(element, name).map(\.text).flatMap { $0.isEmpty ? nil : $0 }
        }
        func resolve(_ link: String?) -> String? {
            guard let link = link?.trimmingCharacters(in: .whitespacesAndNewlines), !link.isEmpty else { return nil }
            return URL(string: link, relativeTo: baseURL)?.absoluteURL.absoluteString ?? link
        }

        switch root.name {
        case "rss", "rdf":
            let channel = child(root, "channel")
            // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
            let items = (channel?.elements ?? []).filter { $0.name == "item" } + root.elements.filter { $0.name == "item" }
            return Feed(title: channel.flatMap { text($0, "title") }, items: items.compactMap { item in
                let permalink = child(item, "guid").flatMap { guid in
                    guid.attributes["ispermalink"]?.lowercased() == "false" ? nil : guid.text
                }
                guard let link = resolve(text(item, "link") ?? permalink) else { return nil }
                return Feed.Item(title: text(item, "title"), link: link, published: text(item, "pubdate") ?? text(item, "date"))
            })
        case "feed":
            let entries = root.elements.filter { $0.name == "entry" }
            return Feed(title: text(root, "title"), items: entries.compactMap { entry in
                let links = entry.elements.filter { $0.name == "link" }
                let alternate = links.first { ($0.attributes["rel"] ?? "alternate") == "alternate" } ?? links.first
                guard let link = resolve(alternate?.attributes["href"]) else { return nil }
                return Feed.Item(title: text(entry, "title"), link: link, published: text(entry, "published") ?? text(entry, "updated"))
            })
        default:
            throw .notAFeed(root: root.name)
        }
    }
}
