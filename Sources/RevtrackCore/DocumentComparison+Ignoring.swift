import RevtrackText

extension DocumentComparison {
    /// A comparison with the changes that touch only ignored sentences left out.
    public struct Filtered: Sendable {
        public let comparison: DocumentComparison
        /// How many changes were left out.
        public let hidden: Int
        /// The changed sentences found ignored, by index in each text (unchanged ones are never asked).
        public let ignoredOld: Set<Int>
        public let ignoredNew: Set<Int>
    }

    /// The comparison without the changes that touch only ignored sentences
    /// (page furniture, a user's ignore rules): an added or removed ignored
    /// sentence, or an edit or move between ignored ones, is left out and
    /// counted. Only the sentences of changes are asked: an unchanged sentence
    /// is not shown anyway, and asking every sentence of a long text would
    /// cost more than the comparison. The texts stay whole.
    public func hidingChanges(where isIgnored: (Sentence) -> Bool) -> Filtered {
        var ignoredOld = Set<Int>(), ignoredNew = Set<Int>()
        var hidden = 0
        let kept = changes.filter { change in
            guard change.operation != .equal else { return true }
            func ignored(_ range: Range<Int>?, _ text: SegmentedText, _ found: inout Set<Int>) -> Bool {
                guard let range else { return true }
                for index in range {
                    guard isIgnored(text.sentences[index]) else { return false }
                    found.insert(index)
                }
                return true
            }
            guard ignored(change.old, old, &ignoredOld), ignored(change.new, new, &ignoredNew) else { return true }
            hidden += 1
            return false
        }
        return Filtered(comparison: hidden == 0 ? self : DocumentComparison(old: old, new: new, changes: kept),
                        hidden: hidden, ignoredOld: ignoredOld, ignoredNew: ignoredNew)
    }
}
