import Foundation
import RevtrackAlign
import RevtrackCore
import RevtrackFacts
import RevtrackStorage

/// What `diff` (and the web view's diff page) asks for: two sides, how deep
/// to compare, and how to read their facts.
public struct DiffRequest: Sendable {
    public enum Level: String, Sendable, CaseIterable {
        /// Sentences only: no word-level changes, no facts.
        case sentence
        /// Sentences with word-level changes, and facts.
        case word
        /// Only the fact comparison.
        case facts
    }

    public var level: Level = .word
    public var ignoreCosmetic = false
    /// nil: outlets for revisions of two different tracks, versions otherwise.
    public var factsAs: FactComparison.Mode?
    /// Sentences to leave out (page furniture, ignore rules); nil shows everything.
    public var ignore: SentenceFilter?
    /// False skips the facts at the word level: word changes at a fraction of
    /// the cost (`batch` without `--facts`).
    public var facts = true

    public init(level: Level = .word, ignoreCosmetic: Bool = false, factsAs: FactComparison.Mode? = nil,
                ignore: SentenceFilter? = nil) {
        self.level = level
        self.ignoreCosmetic = ignoreCosmetic
        self.factsAs = factsAs
        self.ignore = ignore
    }

    /// Whether the old side was captured first: known for two stored
    /// revisions captured at different times, not for a file.
    static func capturedFirst(_ old: TextSource, _ new: TextSource) -> Bool? {
        guard let a = old.revision?.captured, let b = new.revision?.captured, a != b else { return nil }
        return a < b
    }

    /// Compares two resolved sides.
    public func compare(_ old: TextSource, _ new: TextSource, today: Date = Date()) -> StoryDiff {
        var comparison = DocumentComparison(old: old.text, new: new.text, wordLevel: level == .word)
        if ignoreCosmetic { comparison = comparison.ignoringCosmetic() }
        var facts: FactReport? = nil
        let twoTracks = old.revision != nil && new.revision != nil && old.revision?.track != new.revision?.track
        let mode = factsAs ?? (twoTracks ? .outlets : .versions)
        let references = (old.referenceDay(today: today), new.referenceDay(today: today))
        if level != .sentence && self.facts {
            facts = FactReport(old: comparison.old, new: comparison.new, alignment: comparison.alignment,
                               references: references, mode: mode, ignoreCosmetic: ignoreCosmetic)
        }
        // Two outlets: sentences paired by what they report (the facts tie them when computed).
        var outlets: OutletAlignment? = nil
        if mode == .outlets, level != .facts {
            let ignored = [comparison.old, comparison.new].map { side in
                Set(side.sentences.indices.filter { ignore?.ignores(side.sentences[$0]) ?? false })
            }
            outlets = OutletAlignment(old: comparison.old, new: comparison.new,
                                      oldFacts: facts?.oldFacts ?? [], newFacts: facts?.newFacts ?? [],
                                      ignoring: { ignored[$0].contains($1) }, reference: references,
                                      oldCapturedFirst: Self.capturedFirst(old, new))
            if let report = facts, let outlets {
                facts = FactReport(outlets.comparingFacts(report.comparison, old: report.oldFacts, new: report.newFacts), mode: .outlets,
                                   framing: report.framing, oldFacts: report.oldFacts, newFacts: report.newFacts)
            }
        }
        // Ignored sentences: hidden from the sentences and the facts, after the
        // fact comparison has used the whole alignment.
        var hidden = 0
        if let ignore, !ignore.isEmpty {
            let filtered = comparison.hidingChanges(where: ignore.ignores)
            (comparison, hidden) = (filtered.comparison, filtered.hidden)
            facts = facts?.droppingFacts(inOld: filtered.ignoredOld, inNew: filtered.ignoredNew)
        }
        var factLinks: [Int: [Int]] = [:]
        if let facts {
            factLinks = facts.factsChanged(in: comparison)
            comparison = comparison.raisingEditKinds(to: .fact, at: Set(factLinks.keys))
        }
        return StoryDiff(old: old, new: new, comparison: comparison, facts: facts, factLinks: factLinks,
                         hiddenChanges: hidden, sentencesShown: level != .facts, outlets: outlets)
    }
}

/// A finished comparison of two sides: sentences, and facts unless the
/// level was `sentence`.
public struct StoryDiff: Sendable {
    public let old: TextSource
    public let new: TextSource
    public let comparison: DocumentComparison
    public let facts: FactReport?
    /// Edited sentence (change index) → the fact entries that changed in it.
    public let factLinks: [Int: [Int]]
    /// Changes left out because they touch only ignored sentences.
    public let hiddenChanges: Int
    /// False for `--level facts`, where only the fact comparison counts.
    public let sentencesShown: Bool
    /// Between two outlets: which sentences report the same thing.
    public let outlets: OutletAlignment?

    /// What the exit status reports: whether the sides differ in what was compared.
    public var hasDifferences: Bool {
        if let facts, !sentencesShown { return facts.hasDifferences }
        return comparison.summary.hasDifferences
    }
}

extension DiffRequest {
    /// What `diff` leaves out: page furniture unless `showFurniture`, and the
    /// repository's ignore rules for the sides' tracks (for all tracks when a
    /// side is a file; none outside a repository).
    public static func filter(for sides: (TextSource, TextSource), showFurniture: Bool,
                              in repository: RepositoryLocation) throws -> SentenceFilter {
        var rules: [IgnoreRules.Rule] = []
        if let store = try? repository.open() {
            let all = try IgnoreRules.load(from: store)
            for track in Set([sides.0.revision?.track.rawValue, sides.1.revision?.track.rawValue]) {
                for rule in all.rules(for: track) where !rules.contains(rule) { rules.append(rule) }
            }
        }
        return SentenceFilter(furniture: !showFurniture, rules: rules)
    }

    /// The sides of `diff A B`, both read at once (on two cores for files).
    public static func sides(_ old: String, _ new: String, in repository: RepositoryLocation,
                             note: @escaping @Sendable (String) -> Void,
                             onWorker: @escaping @Sendable () -> Void = {}) throws -> (TextSource, TextSource) {
        let operands = [old, new]
        let sides = Parallel.map(2, grain: 1) { side in
            onWorker()
            return Result { try TextSource.resolve(operands[side], in: repository, note: note) }
        }
        return (try sides[0].get(), try sides[1].get())
    }

    /// The sides of `diff TRACK`: its latest revision and the one captured
    /// before it. `add` keeps a track in capture order; a pull that replayed
    /// an older local capture on top of newer remote ones does not, and the
    /// comparison still reads forwards in time.
    public static func latestChange(of track: String, in repository: RepositoryLocation) throws -> (TextSource, TextSource) {
        let store = try repository.open()
        let latest = try store.resolve(track)
        guard latest.number > 1 else {
            throw StoryError("'\(track)' has only one revision; name two sides to compare")
        }
        let byTime = try store.revisions(of: latest.track).enumerated()
            .sorted { ($0.element.captured, $0.offset) < ($1.element.captured, $1.offset) }.map(\.element)
        let (previous, newest) = (byTime[byTime.count - 2], byTime[byTime.count - 1])
        return (try TextSource.stored(previous, in: store), try TextSource.stored(newest, in: store))
    }
}
