import Foundation
import RevtrackCapture
import RevtrackStorage

/// Starting to watch a page that `add --url` just stored: the watch list
/// names it, and its cache validators let the next poll ask "changed since?".
public enum PageWatching {
    public static func watch(track: TrackName, url: String, selector: String?, keepHTML: Bool,
                             validators: CacheValidators, repository: String, store: RevisionStore) throws {
        if !validators.isEmpty {
            var state = WatchState.load(from: repository)
            state.validators[url] = validators
            state.save(to: repository)
        }
        try store.updateWatchList("watch \(track)") { list in
            list.watch(WatchList.Page(track: track.rawValue, url: url, selector: selector,
                                      feed: list.page(for: track)?.feed, keepHTML: keepHTML ? true : nil))
        }
    }
}
