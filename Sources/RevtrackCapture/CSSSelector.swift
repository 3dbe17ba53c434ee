/// The CSS subset people use to point at an article's region, as
/// changedetection.io users do: tag, `.class`, `#id`, compounds
/// (`div.story#main`) and descendants (`main .story-body`).
public struct CSSSelector: Sendable, CustomStringConvertible {
    struct Compound: Sendable {
        var tag: String?
        var classes: [String] = []
        var id: String?

        func matches(_ element: HTMLElement) -> Bool {
            if let tag, tag != "*", element.name != tag { return false }
            if let id, element.attributes["id"] != id { return false }
            let own = Set((element.attributes["class"] ?? "").split(whereSeparator: \.isWhitespace).map(String.init))
            return classes.allSatisfy(own.contains)
        }
    }

    public let description: String
    let compounds: [Compound]

    /// Nil for anything outside the subset, so that a typo is an error, not an empty page.
    public init?(_ text: String) {
        var compounds: [Compound] = []
        for part in text.split(whereSeparator: \.isWhitespace) {
            var compound = Compound()
            var current = ""
            var mode: Character = "t"
            func flush() -> Bool {
                switch mode {
                case "t": if !current.isEmpty { compound.tag = current.lowercased() }
                case ".": guard !current.isEmpty else { return false }; compound.classes.append(current)
                default: guard !current.isEmpty, compound.id == nil else { return false }; compound.id = current
                }
                current = ""
                return true
            }
            for character in part {
                if character == "." || character == "#" {
                    guard flush() else { return nil }
                    mode = character
                } else if character.isLetter || character.isNumber || character == "-" || character == "_" || (character == "*" && mode == "t") {
                    current.append(character)
                } else {
                    return nil
                }
            }
            guard flush() else { return nil }
            compounds.append(compound)
        }
        guard !compounds.isEmpty else { return nil }
        self.compounds = compounds
        self.description = text
    }

    /// Elements that match, in document order.
    public func matches(in root: HTMLElement) -> [HTMLElement] {
        root.descendants().filter(matches)
    }

    func matches(_ element: HTMLElement) -> Bool {
        guard compounds[compounds.count - 1].matches(element) else { return false }
        var index = compounds.count - 2
        var ancestor = element.parent
        while index >= 0, let current = ancestor {
            if compounds[index].matches(current) { index -= 1 }
            ancestor = current.parent
        }
        return index < 0
    }
}
