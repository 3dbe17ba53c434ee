import Foundation
import RevtrackText

/// The calendar day a text's relative dates ("on Tuesday", "last year")
/// resolve against, taken from a moment such as a capture time.
public enum ReferenceDay {
    /// The UTC calendar day of `date`.
    public static func of(_ date: Date) -> CivilDate {
        CivilDate(dayNumber: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
