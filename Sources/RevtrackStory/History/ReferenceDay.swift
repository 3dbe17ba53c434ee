import Foundation
import RevtrackStorage
import RevtrackText

/// The calendar day a text's relative dates ("on Tuesday", "last year")
/// resolve against, taken from a moment such as a capture time.
public enum ReferenceDay {
    /// The UTC calendar day of `date`.
    public static func of(_ date: Date) -> CivilDate {
        CivilDate(dayNumber: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// A revision's day: the page's own `published` time when it was captured
    /// from a page that states one (a story captured days later still says
    /// "on Monday" of its own week), else its capture time.
    public static func of(_ revision: Revision) -> CivilDate {
        if let published = revision.metadata.page?.published, let date = CaptureTime.parse(published) { return of(date) }
        return of(revision.captured)
    }
}
