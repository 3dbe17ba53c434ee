import RevtrackCore
import RevtrackFacts

/// `+2 added, -1 removed, ~3 modified, >1 moved`, like `git log --stat`
/// reads for code: the one wording of a revision's changes in `log --stat`
/// and `watch`.
public enum ChangeSummary {
    /// The sentence counts that are not zero; empty when nothing changed.
    public static func sentenceParts(_ summary: DocumentComparison.Summary) -> [String] {
        var parts: [String] = []
        if summary.added > 0 { parts.append("+\(summary.added) added") }
        if summary.removed > 0 { parts.append("-\(summary.removed) removed") }
        if summary.modified > 0 { parts.append("~\(summary.modified) modified" + (summary.meaning > 0 ? " (\(summary.meaning) in meaning)" : "")) }
        if summary.moved > 0 { parts.append(">\(summary.moved) moved") }
        return parts
    }

    /// `log --stat`'s line: sentences, then facts changed, added and removed.
    public static func statLine(_ summary: DocumentComparison.Summary, facts: FactTimeline.Step) -> String {
        var line = summary.hasDifferences ? sentenceParts(summary).joined(separator: ", ") : "no sentence changes"
        var factParts: [String] = []
        if facts.changed > 0 { factParts.append("\(facts.changed) changed") }
        if facts.added > 0 { factParts.append("\(facts.added) added") }
        if facts.removed > 0 { factParts.append("\(facts.removed) removed") }
        if !factParts.isEmpty { line += " · facts: " + factParts.joined(separator: ", ") }
        return line
    }
}
