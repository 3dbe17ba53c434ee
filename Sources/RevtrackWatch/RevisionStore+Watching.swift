import Foundation
import RevtrackStorage

/// The watch list (`refs/revtrack/watch`, a commit holding `watch.json` per
/// change) and each track's capture log (`refs/revtrack/captures/<track>`, a
/// commit holding `capture.json` per failed or removed capture): two document
/// logs, so they travel with the archive.
public enum WatchDocuments {
    public static let watchList = DocumentLog(reference: "refs/revtrack/watch", file: "watch.json")

    public static func captureLog(_ track: TrackName) -> DocumentLog {
        DocumentLog(reference: "refs/revtrack/captures/" + track.rawValue, file: "capture.json")
    }

    /// What push and pull carry besides the tracks. Watch lists edited apart
    /// are united (this side wins for a track or feed both name); capture
    /// events of both sides are all kept.
    public static let kinds: [DocumentLogKind] = [
        DocumentLogKind(reference: watchList.reference, file: watchList.file, merge: .unite({ mine, theirs in
            let decoder = JSONDecoder()
            let local = try decoder.decode(WatchList.self, from: mine)
            var merged = try decoder.decode(WatchList.self, from: theirs)
            for page in local.pages { merged.watch(page) }
            for feed in local.feeds {
                if let index = merged.feeds.firstIndex(where: { $0.name == feed.name }) { merged.feeds[index] = feed }
                else { merged.feeds.append(feed) }
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(merged) + Data([0x0A])
        }), label: "watch lists"),
        DocumentLogKind(reference: "refs/revtrack/captures/", file: "capture.json", merge: .replayLocalEntries,
                        label: "capture logs"),
    ]
}

extension RevisionStore {
    /// The watch list; empty when nothing was ever watched.
    public func watchList() throws(StorageError) -> WatchList {
        try latestDocument(WatchList.self, in: WatchDocuments.watchList) ?? WatchList()
    }

    /// Changes the watch list as one commit, by compare-and-swap like `add`,
    /// so concurrent changes are never lost. Returns the list as written.
    @discardableResult
    public func updateWatchList(_ message: String, _ change: (inout WatchList) -> Void) throws(StorageError) -> WatchList {
        var result = WatchList()
        try appendDocument(WatchList.self, to: WatchDocuments.watchList, message: message, time: Date()) { before in
            var after = before ?? WatchList()
            change(&after)
            result = after
            return after == (before ?? WatchList()) ? nil : after
        }
        return result
    }

    /// Records a capture that stored nothing, on the track's capture log.
    public func recordCapture(_ event: CaptureEvent) throws(StorageError) {
        try appendDocument(CaptureEvent.self, to: WatchDocuments.captureLog(try TrackName(event.track)),
                           message: "\(event.outcome.rawValue): \(event.reason)", time: event.time) { _ in event }
    }

    /// The track's most recent failed or removed capture.
    public func lastCaptureEvent(of track: TrackName) throws(StorageError) -> CaptureEvent? {
        try latestDocument(CaptureEvent.self, in: WatchDocuments.captureLog(track))
    }

    /// The track's failed and removed captures, oldest first.
    public func captureEvents(of track: TrackName) throws(StorageError) -> [CaptureEvent] {
        try documents(CaptureEvent.self, in: WatchDocuments.captureLog(track))
    }
}
