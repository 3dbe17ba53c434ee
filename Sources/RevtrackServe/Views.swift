import Foundation
import RevtrackAlign
import RevtrackCore
import RevtrackFacts
import RevtrackRender
import RevtrackStorage
import RevtrackStory
import RevtrackText

/// What the templates show, as plain values: every string that came from
/// outside (article text, titles, URLs, track names) passes through
/// `Untrusted.text` here, and the templates escape it.
enum Views {
    static func time(_ date: Date) -> String { CaptureTime.format(date) }

    static func trackLink(_ track: String) -> String { "/t/" + Untrusted.path(track) }
    static func revisionLink(_ revision: Revision) -> String { trackLink(revision.track.rawValue) + "/@\(revision.number)" }
    static func diffLink(_ old: Revision, _ new: Revision) -> String {
        "/diff?old=" + Untrusted.query(old.spec) + "&new=" + Untrusted.query(new.spec)
    }

    /// "+2 added, ~1 modified · facts: 1 changed", or "first revision".
    static func summary(_ change: RevisionChange) -> String {
        guard change.previous != nil else { return "first revision" }
        return ChangeSummary.statLine(change.sentences, facts: change.facts)
    }

    struct Highlight { let kind: String; let text: String }

    static func highlights(_ change: RevisionChange) -> [Highlight] {
        change.highlights.map { Highlight(kind: $0.kind.rawValue, text: Untrusted.text($0.text)) }
    }

    // MARK: Index

    struct TrackRow {
        let name: String, link: String, title: String, revisions: Int, captured: String, summary: String, feed: String
    }
    struct StoryGroup { let name: String; let compare: String?; let tracks: [TrackRow] }
    struct IndexPage {
        let title: String; let query: String; let stories: [StoryGroup]; let empty: Bool; let count: Int
        let first: Int; let last: Int; let next: String?; let previous: String?
    }

    static func index(_ entries: [TrackEntry], query: String, page: Int, total: Int, perPage: Int) -> IndexPage {
        var order: [String] = []
        var groups: [String: [TrackRow]] = [:]
        for entry in entries {
            let name = entry.track.rawValue
            if groups[entry.story] == nil { order.append(entry.story) }
            groups[entry.story, default: []].append(TrackRow(
                name: name, link: trackLink(name), title: Untrusted.text(entry.latest.title ?? ""),
                revisions: entry.revisionCount, captured: time(entry.latest.captured),
                summary: entry.lastChange.map(summary) ?? "", feed: "/feeds/t/" + Untrusted.path(name) + ".atom"))
        }
        let stories = order.map { story in
            let tracks = groups[story]!
            let isStory = tracks.contains { $0.name.contains("/") }
            return StoryGroup(name: story, compare: isStory && tracks.count > 1 ? "/compare/" + Untrusted.path(story) : nil, tracks: tracks)
        }
        func link(_ page: Int) -> String {
            var parts: [String] = []
            if !query.isEmpty { parts.append("q=" + Untrusted.query(query)) }
            if page > 1 { parts.append("page=\(page)") }
            return "/" + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
        }
        let first = (page - 1) * perPage
        return IndexPage(title: "Archive", query: Untrusted.text(query), stories: stories, empty: entries.isEmpty, count: total,
                         first: first + 1, last: first + entries.count,
                         next: first + entries.count < total ? link(page + 1) : nil, previous: page > 1 ? link(page - 1) : nil)
    }

    // MARK: Track

    struct RevisionRow {
        let number: Int, link: String, captured: String, title: String, summary: String, diff: String?, highlights: [Highlight]
    }
    struct ReferentRow { let kind: String; let label: String; let values: String; let changed: Bool }
    struct TrackPage {
        let title: String, track: String, feed: String, api: String, story: String?, revisions: [RevisionRow], referents: [ReferentRow]
    }

    static func track(_ name: String, changes: [RevisionChange], referents: [FactTimeline.Referent]) -> TrackPage {
        let rows = changes.map { change in
            RevisionRow(number: change.revision.number, link: revisionLink(change.revision), captured: time(change.revision.captured),
                        title: Untrusted.text(change.revision.title ?? ""), summary: summary(change),
                        diff: change.previous.map { diffLink($0, change.revision) }, highlights: highlights(change))
        }
        let facts = referents.map { referent in
            ReferentRow(kind: referent.kind.rawValue, label: Untrusted.text(referent.label),
                        values: Untrusted.text(referent.values.map { ($0.value ?? "gone") + " (@\($0.revision))" }.joined(separator: " → ")),
                        changed: referent.changed)
        }
        let story = name.contains("/") ? String(name.split(separator: "/")[0]) : nil
        return TrackPage(title: name, track: name, feed: "/feeds/t/" + Untrusted.path(name) + ".atom", api: "/api/t/" + Untrusted.path(name),
                         story: story.map { "/compare/" + Untrusted.path($0) }, revisions: rows, referents: facts)
    }

    // MARK: Revision

    struct BlameSentence { let text: String; let age: String; let origin: String; let edited: String? }
    struct Paragraph { let sentences: [BlameSentence] }
    struct FactLine { let kind: String; let text: String; let detail: String }
    struct RevisionPage {
        let title: String, track: String, trackLink: String, spec: String, captured: String, url: String?, pageTitle: String?
        let previous: String?, next: String?, diff: String?, paragraphs: [Paragraph], facts: [FactLine]
    }

    static func revision(_ revision: Revision, all: [Revision], history: SentenceHistory, facts: [Fact],
                         hiding: (Sentence) -> Bool) -> RevisionPage {
        var paragraphs: [Paragraph] = []
        var current: [BlameSentence] = []
        var paragraph = history.latest.sentences.first?.paragraph ?? 0
        let newest = history.segmented.count - 1
        for (sentence, origin) in zip(history.latest.sentences, history.origins) where !hiding(sentence) {
            if sentence.paragraph != paragraph, !current.isEmpty {
                paragraphs.append(Paragraph(sentences: current))
                current = []
            }
            paragraph = sentence.paragraph
            let age = origin.lastChanged == newest && newest > 0 ? "newest" : origin.lastChanged == 0 ? "oldest" : "middle"
            current.append(BlameSentence(text: Untrusted.text(sentence.normalized), age: age, origin: "@\(origin.introduced + 1)",
                                         edited: origin.changes > 0 ? "~@\(origin.lastChanged + 1) ×\(origin.changes)" : nil))
        }
        if !current.isEmpty { paragraphs.append(Paragraph(sentences: current)) }
        let index = revision.number - 1
        let previous = index > 0 ? all[index - 1] : nil, next = index + 1 < all.count ? all[index + 1] : nil
        let factLines = facts.map { FactLine(kind: $0.kind.rawValue, text: Untrusted.text($0.text), detail: Untrusted.text($0.summary)) }
        return RevisionPage(title: revision.spec, track: revision.track.rawValue, trackLink: trackLink(revision.track.rawValue),
                            spec: revision.spec, captured: time(revision.captured), url: Untrusted.optional(revision.metadata.url),
                            pageTitle: Untrusted.optional(revision.title),
                            previous: previous.map(revisionLink), next: next.map(revisionLink),
                            diff: previous.map { diffLink($0, revision) }, paragraphs: paragraphs, facts: factLines)
    }

    // MARK: Diff

    struct Segment { let text: String; let isDelete: Bool; let isInsert: Bool; let isEqual: Bool }
    /// Names differ from the page's own (`facts`, `kind`): a Mustache section
    /// looks a missing name up in the enclosing context.
    struct Row {
        let id: String, cls: String, mark: String, kind: String?, old: String, new: String, words: Bool
        let oldWords: [Segment], newWords: [Segment], factLinks: String?
    }
    struct FactRow { let relation: String; let cls: String; let kind: String; let old: String; let new: String; let anchor: String? }
    struct PairRow {
        let cls: String, tie: String, old: String, new: String, ties: String?, words: Bool, oldWords: [Segment], newWords: [Segment]
    }
    struct Side { let spec: String; let headline: String; let link: String? }
    struct DiffPage {
        let title: String, old: Side, new: Side, summary: String, outlets: Bool, rows: [Row], pairs: [PairRow]
        let onlyOld: [String], onlyNew: [String], facts: [FactRow], framing: [FactRow], api: String
    }

    static func segments(_ words: [WordSegment]) -> ([Segment], [Segment]) {
        var old: [Segment] = [], new: [Segment] = []
        for (index, word) in words.enumerated() {
            let text = Untrusted.text((word.spaceBefore && index > 0 ? " " : "") + word.text)
            switch word.operation {
            case .equal:
                old.append(Segment(text: text, isDelete: false, isInsert: false, isEqual: true))
                new.append(Segment(text: text, isDelete: false, isInsert: false, isEqual: true))
            case .delete: old.append(Segment(text: text, isDelete: true, isInsert: false, isEqual: false))
            case .insert: new.append(Segment(text: text, isDelete: false, isInsert: true, isEqual: false))
            }
        }
        return (old, new)
    }

    static func diff(_ diff: StoryDiff, old: TextSource, new: TextSource, query: String) -> DiffPage {
        let comparison = diff.comparison
        func side(_ source: TextSource) -> Side {
            guard let revision = source.revision else { return Side(spec: Untrusted.text(source.label), headline: "", link: nil) }
            return Side(spec: revision.spec, headline: Untrusted.text(revision.title ?? "") + " · " + time(revision.captured),
                        link: revisionLink(revision))
        }
        func text(_ range: Range<Int>?, _ sentences: [Sentence]) -> String {
            guard let range else { return "" }
            return Untrusted.text(range.map { sentences[$0].normalized }.joined(separator: " "))
        }
        var entryChange: [Int: Int] = [:]
        for (change, entries) in diff.factLinks { for entry in entries { entryChange[entry] = change } }
        var rows: [Row] = []
        if diff.outlets == nil {
            for (index, change) in comparison.changes.enumerated() where change.operation != .equal {
                let (oldWords, newWords) = segments(change.words)
                let mark = ["insert": "+", "delete": "−", "modify": "~", "move": "»"][change.operation.rawValue] ?? ""
                let facts = (diff.factLinks[index] ?? []).compactMap { entry -> String? in
                    guard let facts = diff.facts, entry < facts.comparison.entries.count else { return nil }
                    let e = facts.comparison.entries[entry]
                    return Untrusted.text((e.old?.summary ?? "–") + " → " + (e.new?.summary ?? "–"))
                }.joined(separator: "; ")
                rows.append(Row(id: "c\(index)", cls: change.operation.rawValue, mark: mark, kind: change.editKind?.rawValue,
                                old: text(change.old, comparison.old.sentences), new: text(change.new, comparison.new.sentences),
                                words: !change.words.isEmpty, oldWords: oldWords, newWords: newWords, factLinks: facts.isEmpty ? nil : facts))
            }
        }
        var pairs: [PairRow] = [], onlyOld: [String] = [], onlyNew: [String] = []
        var summary = TextDiffRenderer(options: .init()).summaryLine(comparison)
        if let alignment = diff.outlets {
            let view = AlignmentView(alignment, oldLabel: old.revision?.spec ?? old.label, newLabel: new.revision?.spec ?? new.label)
            summary = Untrusted.text(view.summary)
            for item in view.items {
                let (oldWords, newWords) = segments(item.words)
                let tie = !item.conflicts.isEmpty ? "≠ conflict: " + item.conflicts.map(AlignmentView.describe).joined(separator: "; ")
                    : item.relation == .copied ? "≡ copied" : String(format: "= both (%.2f)", item.probability)
                pairs.append(PairRow(cls: item.conflicts.isEmpty ? item.relation.rawValue : "conflict", tie: Untrusted.text(tie),
                                     old: Untrusted.text(item.oldText), new: Untrusted.text(item.newText),
                                     ties: item.facts.isEmpty ? nil : Untrusted.text(item.facts.map { fact in
                                         // A quotation's words are in the sentences beside it.
                                         fact.kind == .quote ? fact.mark + " quotation" : AlignmentView.describe(fact: fact)
                                     }.joined(separator: " · ")),
                                     words: item.relation == .copied && !item.words.isEmpty, oldWords: oldWords, newWords: newWords))
            }
            onlyOld = view.onlyOld.map { Untrusted.text($0.text) }
            onlyNew = view.onlyNew.map { Untrusted.text($0.text) }
        }
        var facts: [FactRow] = [], framing: [FactRow] = []
        if let report = diff.facts {
            let section = FactSection(report, links: diff.factLinks)
            summary += " · " + section.summary
            for (index, entry) in report.comparison.entries.enumerated() where entry.relation != .unchanged && entry.relation != .shared {
                facts.append(FactRow(relation: FactSection.label(entry.relation), cls: entry.relation.rawValue,
                                     kind: (entry.old ?? entry.new)!.kind.rawValue,
                                     old: Untrusted.text(entry.old?.summary ?? ""), new: Untrusted.text(entry.new?.summary ?? ""),
                                     anchor: entryChange[index].map { "#c\($0)" }))
            }
            for contrast in report.framing {
                let (a, b) = FactSection.wording(contrast)
                framing.append(FactRow(relation: "framing", cls: "framing", kind: Untrusted.text(contrast.family),
                                       old: Untrusted.text(a), new: Untrusted.text(b) + " (" + Untrusted.text(contrast.referent) + ")", anchor: nil))
            }
        }
        return DiffPage(title: "\(side(old).spec) → \(side(new).spec)", old: side(old), new: side(new), summary: summary,
                        outlets: diff.outlets != nil, rows: rows, pairs: pairs, onlyOld: onlyOld, onlyNew: onlyNew,
                        facts: facts, framing: framing, api: "/api/diff?" + query)
    }

    // MARK: Compare

    struct CompareOutlet { let track: String; let link: String; let captured: String; let words: Int; let copies: String? }
    struct CompareFact { let kind: String; let conflicting: Bool; let values: [CompareCell] }
    struct CompareCell { let value: String; let missing: Bool }
    struct CopyRow { let track: String; let cells: [CompareCell] }
    struct CompareFraming { let family: String; let old: String; let new: String; let referent: String }
    struct ComparePage {
        let title: String, story: String, outlets: [CompareOutlet], facts: [CompareFact], copied: [CopyRow], framing: [CompareFraming], api: String
    }

    static func compare(_ comparison: StoryComparison, story: String) -> ComparePage {
        let tracks = comparison.outlets.map(\.track)
        let outlets = comparison.outlets.enumerated().map { index, outlet in
            CompareOutlet(track: outlet.track, link: trackLink(outlet.track), captured: time(outlet.captured), words: outlet.words,
                          copies: comparison.likelySource[index].map { tracks[$0] })
        }
        let facts = comparison.facts.map { row in
            CompareFact(kind: row.kind.rawValue, conflicting: row.conflicting,
                        values: row.values.map { CompareCell(value: Untrusted.text($0 ?? "·"), missing: $0 == nil) })
        }
        let copied = comparison.copied.enumerated().map { i, row in
            CopyRow(track: tracks[i], cells: row.enumerated().map { j, share in
                CompareCell(value: i == j ? "—" : "\(Int((share * 100).rounded()))%", missing: i == j)
            })
        }
        let framing = comparison.framing.map { item in
            let (a, b) = FactSection.wording(item.contrast)
            return CompareFraming(family: Untrusted.text(item.contrast.family), old: tracks[item.old] + ": " + Untrusted.text(a),
                                  new: tracks[item.new] + ": " + Untrusted.text(b), referent: Untrusted.text(item.contrast.referent))
        }
        return ComparePage(title: "Story " + story, story: story, outlets: outlets, facts: facts, copied: copied, framing: framing,
                           api: "/api/compare/" + Untrusted.path(story))
    }

    // MARK: Changes

    struct ChangeRow {
        let track: String, trackLink: String, spec: String, link: String, captured: String, title: String, summary: String
        let diff: String?, highlights: [Highlight]
    }
    struct KindLink { let name: String; let link: String; let current: Bool }
    struct ChangesPage {
        let title: String, kinds: [KindLink], items: [ChangeRow], next: String?, previous: String?, empty: Bool
    }

    static func changeRow(_ change: RevisionChange) -> ChangeRow {
        ChangeRow(track: change.revision.track.rawValue, trackLink: trackLink(change.revision.track.rawValue), spec: change.revision.spec,
                  link: revisionLink(change.revision), captured: time(change.revision.captured),
                  title: Untrusted.text(change.revision.title ?? ""), summary: summary(change),
                  diff: change.previous.map { diffLink($0, change.revision) }, highlights: highlights(change))
    }

    static func changes(_ changes: [RevisionChange], kind: String?, page: Int, more: Bool) -> ChangesPage {
        let kinds = [("all", nil as String?)] + ["meaning", "fact", "wording", "typo", "cosmetic"].map { ($0, Optional($0)) }
        func link(_ kind: String?, _ page: Int) -> String {
            var parts: [String] = []
            if let kind { parts.append("kind=" + kind) }
            if page > 1 { parts.append("page=\(page)") }
            return "/changes" + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
        }
        return ChangesPage(title: "Latest changes", kinds: kinds.map { KindLink(name: $0.0, link: link($0.1, 1), current: $0.1 == kind) },
                           items: changes.map(changeRow), next: more ? link(kind, page + 1) : nil,
                           previous: page > 1 ? link(kind, page - 1) : nil, empty: changes.isEmpty)
    }

    // MARK: Atom

    struct Entry { let id: String; let title: String; let updated: String; let link: String; let summary: String }
    struct Feed { let id: String; let title: String; let updated: String; let link: String; let selfLink: String; let entries: [Entry] }

    static func feed(title: String, path: String, base: String, changes: [RevisionChange]) -> Feed {
        let entries = changes.map { change in
            let link = base + (change.previous.map { diffLink($0, change.revision) } ?? revisionLink(change.revision))
            var summary = summary(change)
            if !change.highlights.isEmpty { summary += " — " + change.highlights.map { $0.kind.rawValue + ": " + $0.text }.joined(separator: " · ") }
            let title = change.revision.spec + (change.revision.title.map { ": " + $0 } ?? "")
            return Entry(id: "urn:revtrack:revision:" + change.revision.id.hex, title: Untrusted.text(title),
                         updated: time(change.revision.captured), link: link, summary: Untrusted.text(summary))
        }
        return Feed(id: base + path, title: Untrusted.text(title), updated: entries.first?.updated ?? time(Date(timeIntervalSince1970: 0)),
                    link: base + "/", selfLink: base + path, entries: entries)
    }
}
