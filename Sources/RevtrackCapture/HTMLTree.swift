internal import CLibXML2
import Foundation

/// An element of a parsed page, copied out of libxml2's tree so that the
/// extractor is plain Swift and the C document is freed as soon as parsing ends.
public final class HTMLElement {
    public enum Child {
        case element(HTMLElement)
        case text(String)
    }

    /// Lowercased tag name.
    public let name: String
    /// Attributes by lowercased name, entities decoded.
    public let attributes: [String: String]
    public internal(set) var children: [Child] = []
    public internal(set) weak var parent: HTMLElement?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Frees the subtree with a loop: releasing 100,000 nested elements one
    /// inside the other would otherwise recurse as deep and overflow the stack.
    deinit {
        var pending: [HTMLElement] = []
        for child in children { if case .element(let element) = child { pending.append(element) } }
        children = []
        // Only an element nothing else holds is taken apart here; one still in
        // use elsewhere (a container of siblings) keeps its children.
        while var element = pending.popLast() {
            guard isKnownUniquelyReferenced(&element) else { continue }
            for child in element.children { if case .element(let grandchild) = child { pending.append(grandchild) } }
            element.children = []
        }
    }

    /// Class names and id, lowercased: what boilerplate is recognised by.
    var classAndID: [String] {
        ((attributes["class"] ?? "") + " " + (attributes["id"] ?? "")).lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// Child elements in order.
    public var elements: [HTMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// This element and every element under it, in document order.
    public func descendants() -> [HTMLElement] {
        var out: [HTMLElement] = []
        var stack: [HTMLElement] = [self]
        while let element = stack.popLast() {
            out.append(element)
            stack.append(contentsOf: element.elements.reversed())
        }
        return out
    }

    /// All text under the element, whitespace collapsed.
    public var text: String {
        var parts: [String] = []
        // Depth-first with a stack of its own: pages nest deeply.
        var stack: [Child] = children.reversed()
        while let child = stack.popLast() {
            switch child {
            case .text(let text): parts.append(text)
            case .element(let element): stack.append(contentsOf: element.children.reversed())
            }
        }
        return HTMLText.collapse(parts.joined(separator: " "))
    }

    func remove(_ child: HTMLElement) {
        children.removeAll { if case .element(let element) = $0 { element === child } else { false } }
    }
}

/// Parses HTML with libxml2's error-recovering parser: broken markup, unclosed
/// tags and a declared charset (`<meta charset="iso-8859-1">`) are handled as
/// browsers handle them, and entities such as `&amp;` are decoded.
public enum HTMLParser {
    /// The document's root element, or nil when the bytes hold no markup at
    /// all; libxml2's own message when it could not build a document.
    public static func parse(_ data: Data, encoding: String? = nil) throws(HTMLParseError) -> HTMLElement? {
        guard !data.isEmpty, data.count < Int(Int32.max) else { return nil }
        LibXML2Runtime.prepare()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
                            | XML_PARSE_HUGE.rawValue)
        // XML_PARSE_HUGE (libxml2 has no HTML_ spelling) lifts the parser's depth and text-node
        // limits (100,000 nested divs, a 50 MB inline script); the fetcher's 10 MiB cap bounds
        // the input instead, and the tree is walked and freed without recursion.
        // An encoding libxml2 does not know would fail the whole parse: fall back to the page's own.
        let encoding = encoding.flatMap { name -> String? in
            guard let handler = xmlFindCharEncodingHandler(name) else { return nil }
            xmlCharEncCloseFunc(handler)
            return name
        }
        let document: htmlDocPtr? = data.withUnsafeBytes { buffer in
            htmlReadMemory(buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(buffer.count), nil, encoding, options)
        }
        guard let document else {
            guard let message = LibXML2Runtime.lastErrorMessage() else { return nil }
            throw HTMLParseError(message: message)
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        return copy(root)
    }

    /// Copies an element and its subtree (iteratively: pages nest deeply).
    /// XML documents are copied the same way, with local names (`atom:link` → `link`).
    static func copy(_ root: xmlNodePtr) -> HTMLElement {
        let top = HTMLElement(name: name(root), attributes: attributes(root))
        var stack: [(xmlNodePtr, HTMLElement)] = [(root, top)]
        while let (node, element) = stack.popLast() {
            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_ELEMENT_NODE:
                    let copied = HTMLElement(name: name(current), attributes: attributes(current))
                    copied.parent = element
                    element.children.append(.element(copied))
                    stack.append((current, copied))
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content { element.children.append(.text(String(cString: content))) }
                default:
                    break
                }
                child = current.pointee.next
            }
        }
        return top
    }

    private static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    private static func attributes(_ node: xmlNodePtr) -> [String: String] {
        var result: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                var value = ""
                var text = current.pointee.children
                while let node = text {
                    if let content = node.pointee.content { value += String(cString: content) }
                    text = node.pointee.next
                }
                result[String(cString: name).lowercased()] = value
            }
            attribute = current.pointee.next
        }
        return result
    }
}

enum HTMLText {
    /// Collapses white space (no-break spaces included) to single spaces.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{A0}" }).joined(separator: " ")
    }
}

/// libxml2 could not build a document from the bytes; its message says why.
public struct HTMLParseError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { "the page cannot be parsed as HTML (\(message))" }
}
