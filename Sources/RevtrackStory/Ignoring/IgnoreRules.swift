import Foundation
import RevtrackFacts
import RevtrackStorage
import RevtrackText

/// Lines a user never wants to see in a diff ("Sign up for our newsletter",
/// `/^Updated \d+:\d+/`), for one track or all: kept in the repository as a
/// document log (`refs/revtrack/ignore`), so they travel with push and pull.
/// The stored texts stay byte for byte what was captured; rules only change
/// what `diff`, `log --stat` and `watch` show and count.
public struct IgnoreRules: Codable, Sendable, Equatable {
    public struct Rule: Codable, Sendable, Hashable {
        /// A literal sentence, or `/regex/` (searched within each sentence).
        public let pattern: String
        /// nil: every track.
        public let track: String?

        public init(pattern: String, track: String?) {
            self.pattern = pattern
            self.track = track
        }

        /// "all tracks" or the track's name, as `ignore list` shows it.
        public var scope: String { track ?? "all tracks" }
    }

    public var rules: [Rule] = []

    public init(rules: [Rule] = []) { self.rules = rules }

    /// The rules that apply to `track` (nil: a file, where only rules for all tracks apply).
    public func rules(for track: String?) -> [Rule] {
        rules.filter { $0.track == nil || $0.track == track }
    }

    /// A pattern as the user typed it, checked: a regex must compile.
    public static func validated(_ pattern: String) throws -> String {
        let trimmed = pattern.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !trimmed.contains("\n") else { throw StoryError("an ignore pattern is one non-empty line") }
        if let body = regexBody(trimmed) {
            do { _ = try NSRegularExpression(pattern: body) } catch {
                throw StoryError("'\(trimmed)' is not a valid regular expression")
            }
        }
        return trimmed
    }

    /// "/…/" → the expression between the slashes.
    static func regexBody(_ pattern: String) -> String? {
        guard pattern.count >= 3, pattern.hasPrefix("/"), pattern.hasSuffix("/") else { return nil }
        return String(pattern.dropFirst().dropLast())
    }

    // MARK: - Storage

    public static let log = DocumentLog(reference: "refs/revtrack/ignore", file: "ignore.json")

    /// How push and pull carry the rules: rules written apart are united.
    public static let documentKind = DocumentLogKind(reference: log.reference, file: log.file, merge: .unite({ mine, theirs in
        let decoder = JSONDecoder()
        var merged = try decoder.decode(IgnoreRules.self, from: theirs)
        for rule in try decoder.decode(IgnoreRules.self, from: mine).rules where !merged.rules.contains(rule) {
            merged.rules.append(rule)
        }
        return try encoded(merged)
    }), label: "ignore rules")

    static func encoded(_ rules: IgnoreRules) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(rules) + Data([0x0A])
    }

    /// The repository's rules; none when none were ever added.
    public static func load(from store: RevisionStore) throws(StorageError) -> IgnoreRules {
        try store.latestDocument(IgnoreRules.self, in: log) ?? IgnoreRules()
    }

    /// Adds or removes rules as one commit, by compare-and-swap, so concurrent
    /// changes are never lost. Returns the rules as written.
    @discardableResult
    public static func update(in store: RevisionStore, _ message: String,
                              _ change: (inout IgnoreRules) throws -> Void) throws -> IgnoreRules {
        var result = IgnoreRules()
        var failure: (any Error)? = nil
        try store.appendDocument(IgnoreRules.self, to: log, message: message, time: Date()) { before in
            var after = before ?? IgnoreRules()
            do { try change(&after) } catch { failure = error; return nil }
            result = after
            return after == (before ?? IgnoreRules()) ? nil : after
        }
        if let failure { throw failure }
        return result
    }
}

/// Which sentences a comparison leaves out: page furniture (unless shown)
/// and the sentences a rule matches.
public struct SentenceFilter: Sendable {
    public let furniture: Bool
    private let literals: Set<String>
    private let expressions: [NSRegularExpressionBox]

    /// - Parameter furniture: leave out built-in page furniture ("Advertisement", "Share this article", time stamps).
    /// What the filter leaves out, as one string: equal filters have equal
    /// signatures, so a cache of diffs can key on it.
    public let signature: String

    public init(furniture: Bool, rules: [IgnoreRules.Rule]) {
        self.furniture = furniture
        signature = (furniture ? "furniture" : "all") + rules.map { "\u{0}" + $0.pattern }.sorted().joined()
        literals = Set(rules.filter { IgnoreRules.regexBody($0.pattern) == nil }.map { Self.key($0.pattern) })
        expressions = rules.compactMap { IgnoreRules.regexBody($0.pattern) }
            .compactMap { try? NSRegularExpression(pattern: $0) }.map(NSRegularExpressionBox.init)
    }

    /// Whether the filter leaves nothing out.
    public var isEmpty: Bool { !furniture && literals.isEmpty && expressions.isEmpty }

    public func ignores(_ sentence: Sentence) -> Bool {
        if !literals.isEmpty || !expressions.isEmpty {
            let text = sentence.normalized
            if !literals.isEmpty, literals.contains(Self.key(text)) { return true }
            let range = NSRange(text.startIndex..., in: text)
            if expressions.contains(where: { $0.expression.firstMatch(in: text, range: range) != nil }) { return true }
        }
        return furniture && PageFurniture.isFurniture(sentence)
    }

    /// A literal rule matches a sentence whatever its case, surrounding white
    /// space and final punctuation.
    private static func key(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)).lowercased()
    }
}

/// `NSRegularExpression` is immutable once made and safe to share across
/// threads (Foundation documents it so), but is not marked `Sendable`.
struct NSRegularExpressionBox: @unchecked Sendable {
    let expression: NSRegularExpression
}
