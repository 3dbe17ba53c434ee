import RevtrackText

/// Where each sentence of a revision came from, for `revtrack blame`.
public struct SentenceOrigin: Sendable, Hashable {
    /// Index (0-based) of the revision in which the sentence first appeared.
    public var introduced: Int
    /// Index of the revision of its latest edit (equal to `introduced` if never edited).
    public var lastChanged: Int
    /// How many revisions edited it.
    public var changes: Int
}

/// Follows every sentence through a series of revisions in one pass over
/// consecutive pairs: a sentence keeps its origin through edits, moves,
/// splits and merges (the pairings of `DocumentComparison`), not only while its
/// text stays identical.
public struct SentenceHistory: Sendable {
    /// Every revision's segmentation, oldest first.
    public let segmented: [SegmentedText]
    /// The latest revision's segmentation.
    public var latest: SegmentedText { segmented[segmented.count - 1] }
    /// One origin per sentence of `latest`.
    public let origins: [SentenceOrigin]
    /// The comparison of each revision with the one before (index k compares k → k + 1).
    public let steps: [DocumentComparison.Summary]
    /// For each step, which new sentences each old sentence became (`DocumentComparison.alignment`).
    public let alignments: [SentenceAlignment]

    /// - Parameters:
    ///   - revisions: texts, oldest first; at least one.
    ///   - ignoring: sentences whose changes `steps` does not count (page
    ///     furniture, ignore rules); origins still follow every sentence.
    public init(revisions: [String], ignoring: ((Sentence) -> Bool)? = nil) {
        precondition(!revisions.isEmpty, "a history needs at least one revision")
        var current = SentenceSegmenter.segment(revisions[0])
        var origins = current.sentences.map { _ in SentenceOrigin(introduced: 0, lastChanged: 0, changes: 0) }
        var steps: [DocumentComparison.Summary] = []
        var alignments: [SentenceAlignment] = []
        var segmented = [current]
        for index in 1..<max(revisions.count, 1) {
            let next = SentenceSegmenter.segment(revisions[index])
            let comparison = DocumentComparison(old: current, new: next, wordLevel: false)
            steps.append(ignoring.map { comparison.hidingChanges(where: $0).comparison.summary } ?? comparison.summary)
            alignments.append(comparison.alignment)
            segmented.append(next)
            var nextOrigins = [SentenceOrigin](repeating: SentenceOrigin(introduced: index, lastChanged: index, changes: 0),
                                               count: next.sentences.count)
            for change in comparison.changes {
                guard let new = change.new else { continue }
                switch change.operation {
                case .insert:
                    break
                case .equal:
                    nextOrigins[new.lowerBound] = origins[change.old!.lowerBound]
                case .move where change.words.isEmpty && change.editKind == nil:
                    nextOrigins[new.lowerBound] = origins[change.old!.lowerBound]
                case .modify, .move, .delete:
                    let sources = change.old!.map { origins[$0] }
                    let merged = SentenceOrigin(introduced: sources.map(\.introduced).min()!, lastChanged: index,
                                                changes: sources.map(\.changes).max()! + 1)
                    for position in new { nextOrigins[position] = merged }
                }
            }
            current = next
            origins = nextOrigins
        }
        self.segmented = segmented
        self.origins = origins
        self.steps = steps
        self.alignments = alignments
    }
}
