import RevtrackCore

/// Which changes a renderer shows: every change plus `context` unchanged
/// sentences around it, or everything when `context` is nil (`--all`).
enum ContextWindow {
    static func visibleIndices(_ changes: [SentenceChange], context: Int?) -> Set<Int> {
        guard let context else { return Set(changes.indices) }
        var visible = Set<Int>()
        for (index, change) in changes.enumerated() where change.operation != .equal {
            for neighbour in max(0, index - context)...min(changes.count - 1, index + context) { visible.insert(neighbour) }
        }
        return visible
    }
}
