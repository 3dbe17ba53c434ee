/// Levenshtein distance, for telling a corrected spelling from another word:
/// edit kinds call a one- or two-letter change a typo, and fact comparison
/// follows a person whose surname was respelled. Meant for short words (it
/// is quadratic).
public enum EditDistance {
    public static func levenshtein<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
