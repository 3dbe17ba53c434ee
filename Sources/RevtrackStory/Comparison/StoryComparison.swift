import Foundation
import RevtrackAlign
import RevtrackCore
import RevtrackFacts
import RevtrackStorage
import RevtrackText

/// A whole story across its outlets (`revtrack compare STORY`, the web
/// view's compare page): every track under `STORY/` at its latest revision
/// (or the last captured by a date), with which counts, dates and quotes
/// each outlet reports, how much of each text is copied from another, and
/// the words outlets choose differently for one referent.
public struct StoryComparison: Sendable {
    public struct Outlet: Sendable {
        public let track: String
        public let spec: String
        public let captured: Date
        public let title: String?
        /// Counted by the comparison (page furniture left out).
        public internal(set) var words = 0
        public init(track: String, spec: String, captured: Date, title: String?) {
            self.track = track
            self.spec = spec
            self.captured = captured
            self.title = title
        }
    }

    /// One referent (a count, a date, a quotation) and what each outlet says of it.
    public struct FactRow: Sendable {
        public let kind: Fact.Kind
        /// Per outlet, in `outlets` order: the mention, or nil when the outlet does not report it.
        public let values: [String?]
        /// Two outlets give values that cannot both be right.
        public let conflicting: Bool
        public var reporters: Int { values.lazy.compactMap { $0 }.count }
    }

    public struct Framing: Sendable {
        public let old: Int
        public let new: Int
        public let contrast: FramingContrast
    }

    /// Oldest capture first.
    public let outlets: [Outlet]
    /// Conflicting rows first, then those more outlets report.
    public let facts: [FactRow]
    /// `copied[i][j]`: the share of outlet i's words it shares word for word with outlet j.
    public let copied: [[Double]]
    /// Per outlet, the earlier outlet it most likely copied from (a share of 30% or more).
    public let likelySource: [Int?]
    public let framing: [Framing]

    /// A copied share from which an outlet is said to copy another.
    public static let copyingShare = 0.3
    /// Kinds a story's table compares: what outlets report with values.
    static let kinds: [Fact.Kind] = [.quantity, .date, .quote]

    public static func load(_ story: String, at: Date? = nil, store: RevisionStore) throws -> StoryComparison {
        let prefix = story.hasSuffix("/") ? story : story + "/"
        var sides: [(Revision, String)] = []
        for track in try store.trackNames() where track.rawValue.hasPrefix(prefix) {
            let revisions = try store.revisions(of: track).filter { at == nil || $0.captured <= at! }
            guard let latest = revisions.max(by: { $0.captured < $1.captured }) else { continue }
            sides.append((latest, try store.text(of: latest)))
        }
        guard sides.count >= 2 else {
            let known = try store.trackNames().map(\.rawValue).compactMap { $0.split(separator: "/").count > 1 ? String($0.split(separator: "/")[0]) : nil }
            throw StoryError("'\(story)' has \(sides.count == 1 ? "one track" : "no tracks")\(at == nil ? "" : " captured by then"); a story needs two or more tracks under '\(prefix)'"
                             + (known.isEmpty ? "" : " (stories: \(Set(known).sorted().joined(separator: ", ")))"))
        }
        sides.sort { $0.0.track.rawValue < $1.0.track.rawValue }
        return StoryComparison(sides.map { (revision, text) in
            (Outlet(track: revision.track.rawValue, spec: revision.spec, captured: revision.captured, title: revision.title),
             text, ReferenceDay.of(revision))
        })
    }

    /// - Parameter sides: each outlet with its text and reference day, in any
    ///   order: they are put oldest capture first, as `outlets` is, since which
    ///   outlet copied which and which may report done what another announced
    ///   both follow from capture order.
    public init(_ sides: [(outlet: Outlet, text: String, reference: CivilDate)]) {
        let sides = sides.enumerated().sorted { ($0.element.outlet.captured, $0.offset) < ($1.element.outlet.captured, $1.offset) }.map(\.element)
        let prepared = Parallel.map(sides.count, grain: 1) { index in
            Prepared(text: sides[index].text, reference: sides[index].reference)
        }
        outlets = zip(sides, prepared).map { side, prepared in
            var outlet = side.outlet
            outlet.words = prepared.words
            return outlet
        }
        let count = sides.count
        let pairs = (0..<count).flatMap { i in (i + 1..<count).map { (i, $0) } }
        let compared = Parallel.map(pairs.count, grain: 4) { index -> PairResult in
            let (i, j) = pairs[index]
            let (a, b) = (prepared[i], prepared[j])
            let shares = CopiedText.shares(a.shingles, b.shingles)
            // Facts meet where the outlets report one thing (`OutletAlignment.comparingFacts`).
            let aligned = OutletAlignment(old: a.text, new: b.text, oldFacts: a.facts, newFacts: b.facts,
                                          ignoring: { $0 == 0 ? a.furniture.contains($1) : b.furniture.contains($1) },
                                          reference: (a.reference, b.reference),
                                          oldCapturedFirst: sides[i].outlet.captured < sides[j].outlet.captured ? true : nil)
            let facts = FactComparison(old: a.facts, new: b.facts, mode: .outlets)
            let framing = FramingContrast.find(old: a.text, new: b.text, oldFacts: a.facts, newFacts: b.facts, comparison: facts)
            // A row is marked where the conflict rules find a disagreement, not wherever two values differ.
            let entries = aligned.comparingFacts(facts, old: a.facts, new: b.facts).entries
            return PairResult(shares: shares, entries: entries, framing: framing)
        }
        var copied = [[Double]](repeating: [Double](repeating: 0, count: count), count: count)
        var groups = FactGroups(prepared.map(\.facts))
        var framing: [Framing] = []
        for ((i, j), result) in zip(pairs, compared) {
            copied[i][j] = result.shares.0
            copied[j][i] = result.shares.1
            for entry in result.entries {
                guard let a = entry.old, let b = entry.new, Self.kinds.contains(a.kind) else { continue }
                groups.join((i, a), (j, b), conflicting: entry.relation == .conflicting)
            }
            framing += result.framing.map { Framing(old: i, new: j, contrast: $0) }
        }
        self.copied = copied
        // An outlet copies from one captured before it: the earliest capture is the likely source.
        likelySource = (0..<count).map { i in
            (0..<i).filter { copied[i][$0] >= Self.copyingShare }.max { (copied[i][$0], -$0) < (copied[i][$1], -$1) }
        }
        facts = groups.rows(outlets: count)
        self.framing = framing
    }

    /// One outlet read once: segmented, facts, runs of words.
    private struct Prepared: Sendable {
        let text: SegmentedText
        let reference: CivilDate
        let facts: [Fact]
        let furniture: Set<Int>
        let shingles: ShingledText
        let words: Int

        init(text raw: String, reference: CivilDate) {
            let text = SentenceSegmenter.segment(raw)
            self.text = text
            self.reference = reference
            let furniture = Set(text.sentences.indices.filter { PageFurniture.isFurniture(text.sentences[$0]) })
            self.furniture = furniture
            facts = FactExtractor.extract(from: text, reference: reference)
            shingles = ShingledText(text, ignoring: { furniture.contains($0) })
            words = shingles.wordCount
        }
    }

    private struct PairResult: Sendable {
        let shares: (Double, Double)
        let entries: [FactComparison.Entry]
        let framing: [FramingContrast]
    }
}

/// Facts of several outlets joined into referents: a fact matched between
/// two outlets is one referent with the facts it matched elsewhere.
private struct FactGroups {
    private var parent: [Int] = []
    private var conflicting: Set<Int> = []
    private var offsets: [Int] = []
    private var positions: [[Fact: Int]] = []
    private let facts: [[Fact]]

    init(_ facts: [[Fact]]) {
        self.facts = facts
        var offset = 0
        for outlet in facts {
            offsets.append(offset)
            var position: [Fact: Int] = [:]
            for (index, fact) in outlet.enumerated() where position[fact] == nil { position[fact] = index }
            positions.append(position)
            offset += outlet.count
        }
        parent = Array(0..<offset)
    }

    private mutating func root(_ node: Int) -> Int {
        var node = node
        while parent[node] != node { parent[node] = parent[parent[node]]; node = parent[node] }
        return node
    }

    mutating func join(_ a: (Int, Fact), _ b: (Int, Fact), conflicting isConflicting: Bool) {
        guard let ia = positions[a.0][a.1], let ib = positions[b.0][b.1] else { return }
        let (ra, rb) = (root(offsets[a.0] + ia), root(offsets[b.0] + ib))
        let wasConflicting = conflicting.contains(ra) || conflicting.contains(rb) || isConflicting
        if ra != rb { parent[rb] = ra }
        if wasConflicting { conflicting.insert(ra) }
    }

    mutating func rows(outlets: Int) -> [StoryComparison.FactRow] {
        var members: [Int: [(outlet: Int, fact: Fact)]] = [:]
        var order: [Int] = []
        for (outlet, list) in facts.enumerated() {
            for (index, fact) in list.enumerated() where StoryComparison.kinds.contains(fact.kind) {
                let root = root(offsets[outlet] + index)
                if members[root] == nil { order.append(root) }
                members[root, default: []].append((outlet, fact))
            }
        }
        var rows: [(row: StoryComparison.FactRow, first: Int)] = []
        for (position, root) in order.enumerated() {
            let group = members[root]!
            var values = [String?](repeating: nil, count: outlets)
            for (outlet, fact) in group where values[outlet] == nil { values[outlet] = fact.text }
            rows.append((StoryComparison.FactRow(kind: group[0].fact.kind, values: values, conflicting: conflicting.contains(root)), position))
        }
        return rows.sorted { a, b in
            (a.row.conflicting ? 0 : 1, -a.row.reporters, a.first) < (b.row.conflicting ? 0 : 1, -b.row.reporters, b.first)
        }.map(\.row)
    }
}
