import Foundation
import RevtrackRender
import RevtrackStorage
import RevtrackStory

/// JSON under `/api/`: the shapes `revtrack tracks --format json` and `log
/// --stat --format json` print, so a script reads the web view as it reads the CLI.
enum API {
    struct Track: Encodable {
        let track: String, revisions: Int, latest: RevisionJSON, lastChange: Change?
        init(_ entry: TrackEntry) {
            track = entry.track.rawValue
            revisions = entry.revisionCount
            latest = RevisionJSON(entry.latest)
            lastChange = entry.lastChange.map(Change.init)
        }
    }

    struct Change: Encodable {
        struct Stat: Encodable { let added, removed, modified, moved, unchanged, meaning: Int; let edits: [String: Int]; let facts: Facts }
        struct Facts: Encodable { let changed, added, removed: Int }
        struct Highlight: Encodable { let kind: String; let text: String }
        let revision: RevisionJSON
        let previous: Int?
        let stat: Stat?
        let highlights: [Highlight]
        init(_ change: RevisionChange) {
            revision = RevisionJSON(change.revision)
            previous = change.previous?.number
            let s = change.sentences
            stat = change.previous == nil ? nil : Stat(
                added: s.added, removed: s.removed, modified: s.modified, moved: s.moved, unchanged: s.unchanged, meaning: s.meaning,
                edits: Dictionary(uniqueKeysWithValues: change.edits.map { ($0.key.rawValue, $0.value) }),
                facts: Facts(changed: change.facts.changed, added: change.facts.added, removed: change.facts.removed))
            highlights = change.highlights.map { Highlight(kind: $0.kind.rawValue, text: $0.text) }
        }
    }
}
