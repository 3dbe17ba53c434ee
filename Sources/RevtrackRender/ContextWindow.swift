import RevtrackCore

/// Which changes a renderer shows: every change plus `context` unchanged
/// sentences around it, or everything when `context` is nil (`--all`).
/// With `only` (`--only meaning,fact`), only edits of those kinds count as
/// changes; the others show as context or not at all.
enum ContextWindow {
    /// One flag per change.
    static func visibleIndices(_ changes: [SentenceChange], context: Int?, only: Set<EditKind>? = nil) -> [Bool] {
        guard let context else { return Array(repeating: true, count: changes.count) }
        var visible = Array(repeating: false, count: changes.count)
        var shownUpTo = -1    // changes before this index are already marked
        for (index, change) in changes.enumerated() where isShown(change, only: only) {
            for neighbour in max(shownUpTo, index - context, 0)..<min(changes.count, index + context + 1) { visible[neighbour] = true }
            shownUpTo = max(shownUpTo, min(changes.count, index + context + 1))
        }
        return visible
    }

    /// Whether a change is one the reader asked to see.
    static func isShown(_ change: SentenceChange, only: Set<EditKind>?) -> Bool {
        guard change.operation != .equal else { return false }
        guard let only else { return true }
        return change.editKind.map(only.contains) ?? false
    }
}
