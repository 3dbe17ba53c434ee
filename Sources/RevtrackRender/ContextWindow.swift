import RevtrackCore

/// Which changes a renderer shows: every change plus `context` unchanged
/// sentences around it, or everything when `context` is nil (`--all`).
enum ContextWindow {
    /// One flag per change.
    static func visibleIndices(_ changes: [SentenceChange], context: Int?) -> [Bool] {
        guard let context else { return Array(repeating: true, count: changes.count) }
        var visible = Array(repeating: false, count: changes.count)
        var shownUpTo = -1    // changes before this index are already marked
        for (index, change) in changes.enumerated() where change.operation != .equal {
            for neighbour in max(shownUpTo, index - context, 0)..<min(changes.count, index + context + 1) { visible[neighbour] = true }
            shownUpTo = max(shownUpTo, min(changes.count, index + context + 1))
        }
        return visible
    }
}
