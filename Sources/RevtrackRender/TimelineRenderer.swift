import RevtrackFacts

/// `timeline` as text: a header naming the range, then each referent with its
/// first value and every change, grouped by kind.
public struct TimelineRenderer: Sendable {
    /// One end of the range shown: revision number and ISO 8601 capture time.
    public struct End: Sendable {
        public var number: Int
        public var captured: String
        public init(number: Int, captured: String) {
            self.number = number
            self.captured = captured
        }
    }

    public var width: Int

    public init(width: Int) { self.width = width }

    public func render(_ referents: [FactTimeline.Referent], track: String, first: End, last: End, revisions: Int) -> String {
        func safe(_ text: String) -> String { TerminalText.escapingControls(text, keepNewlines: false) }
        let changedCount = referents.filter(\.changed).count
        var out = "\(safe(track))  @\(first.number) \(first.captured) → "
            + "@\(last.number) \(last.captured) · \(revisions) revision\(revisions == 1 ? "" : "s")"
            + " · \(referents.count) fact\(referents.count == 1 ? "" : "s"), \(changedCount) changed\n"
        guard !referents.isEmpty else { return out + "\nno facts found\n" }
        for kind in Fact.Kind.allCases {
            let group = referents.filter { $0.kind == kind }
            guard !group.isEmpty else { continue }
            out += "\n\(kind.plural)\n"
            let labels = group.map { safe($0.label) + ($0.mentions > 1 ? " ×\($0.mentions)" : "") }
            let labelWidth = min(labels.map(\.count).max() ?? 0, 28)
            for (referent, label) in zip(group, labels) {
                let steps = referent.values.map { "\($0.value.map(safe) ?? "gone") (@\($0.revision))" }
                let line = "  " + label.padding(toLength: max(labelWidth, label.count), withPad: " ", startingAt: 0)
                    + "  " + steps.joined(separator: " → ")
                if line.count <= width {
                    out += line + "\n"
                } else {
                    out += "  " + label + "\n"
                    for value in referent.values {
                        out += "    @\(value.revision)  " + (value.value.map(safe) ?? "gone") + "\n"
                    }
                }
            }
        }
        return out
    }
}
