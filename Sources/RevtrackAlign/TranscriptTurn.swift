/// A transcript's turn: the label before its colon, in capitals ("HOST:",
/// "GUEST (courts reporter):", "DANA WHITCOMBE:", "SOUNDBITE (RHEA CALDWELL,
/// SPOKESWOMAN):"), and the words spoken after it. The pairing reads it to
/// leave a host's echo out, the conflict rules to credit a turn's words.
struct TranscriptTurn {
    let label: Substring
    let spoken: Substring

    /// Nil for a sentence that opens with no such label.
    init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 80 else { return nil }
        let label = text[..<colon]
        // The part is in capitals; what the brackets add may not be ("CLIP (PIETER DAAL, elections board chair)").
        let part = label[..<(label.firstIndex(of: "(") ?? label.endIndex)]
        guard part.contains(where: \.isLetter), !part.contains(where: \.isLowercase) else { return nil }
        self.label = label
        spoken = text[text.index(after: colon)...]
    }

    /// The person the label names: "DANA WHITCOMBE" → Dana Whitcombe, a part
    /// with a name in brackets ("CORRESPONDENT (CALLUM REID)", "SOUNDBITE
    /// (RHEA CALDWELL, SPOKESWOMAN)") → the name; nil for a part alone
    /// ("ANCHOR", "GUEST (courts reporter)").
    var speaker: String? {
        var name = label.split(separator: "(").first.map(String.init) ?? ""
        if let open = label.firstIndex(of: "("), let close = label.firstIndex(of: ")"), open < close,
           Self.roles.contains(name.trimmingCharacters(in: .whitespaces).lowercased()) {
            name = label[label.index(after: open)..<close].split(separator: ",").first.map(String.init) ?? ""
        }
        let words = name.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }
        guard (2...4).contains(words.count), !Self.roles.contains(words[0].lowercased()) else { return nil }
        return words.joined(separator: " ")
    }

    /// Parts a transcript names its speakers by, not persons: two outlets'
    /// transcripts label one speaker differently.
    static let roles: Set<String> = [
        "guest", "host", "anchor", "reporter", "correspondent", "caller", "newsreader", "presenter", "operator", "clip",
        "analyst", "interviewer", "moderator", "soundbite", "narrator", "voice", "speaker", "panelist", "panellist", "co-host",
    ]
}
