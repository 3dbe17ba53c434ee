import RevtrackText

extension DocumentComparison {
    /// The comparison without the changes that touch only ignored sentences
    /// (page furniture, a user's ignore rules): an added or removed ignored
    /// sentence, or an edit or move between ignored ones, is left out, and
    /// counted in `hidden`. The texts stay whole; only what is shown changes.
    public func hidingChanges(ignoredOld: Set<Int>, ignoredNew: Set<Int>) -> (comparison: DocumentComparison, hidden: Int) {
        guard !ignoredOld.isEmpty || !ignoredNew.isEmpty else { return (self, 0) }
        var hidden = 0
        let kept = changes.filter { change in
            let oldIgnored = change.old.map { $0.allSatisfy(ignoredOld.contains) } ?? true
            let newIgnored = change.new.map { $0.allSatisfy(ignoredNew.contains) } ?? true
            guard change.operation != .equal, oldIgnored, newIgnored else { return true }
            hidden += 1
            return false
        }
        return (DocumentComparison(old: old, new: new, keeping: kept), hidden)
    }

    /// The indices of a text's sentences that `isIgnored` says to leave out.
    public static func ignoredSentences(_ text: SegmentedText, _ isIgnored: (Sentence) -> Bool) -> Set<Int> {
        Set(text.sentences.indices.filter { isIgnored(text.sentences[$0]) })
    }
}
