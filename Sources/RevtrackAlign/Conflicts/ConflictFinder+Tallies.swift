import RevtrackFacts
import RevtrackText

/// Tallies: a vote or a score told two ways, the number a result story turns on.
extension ConflictFinder {
    /// A vote or score told two ways ("voted 5-2" / "voted 6-1", "won 3-1" /
    /// "won 3-2"). A tally puts the larger side first, which tells it from a
    /// range ("5-10 percent"); each sentence must hold exactly one.
    static func tally(_ old: SentenceWords, _ new: SentenceWords) -> OutletAlignment.Conflict? {
        guard let a = tally(in: old), let b = tally(in: new), a.sides != b.sides else { return nil }
        return .init(kind: .number, old: a.text, new: b.text)
    }

    static func tally(in sentence: SentenceWords) -> (sides: [Int], text: String)? {
        let tokens = sentence.tokens
        var found: [(sides: [Int], text: String)] = []
        for (index, token) in tokens.enumerated() where token.text.first?.isNumber == true {
            let parts = token.text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2,
                  parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) && !($0.count > 1 && $0.hasPrefix("0")) }),
                  let first = Int(parts[0]), let second = Int(parts[1]), first >= second else { continue }
            // "5-2 percent", "3-1 odds" are not tallies of one vote or game.
            if index + 1 < tokens.count, ["%", "percent", "per"].contains(tokens[index + 1].text.lowercased()) { continue }
            found.append(([first, second], token.text))
        }
        return found.count == 1 ? found[0] : nil
    }
}
