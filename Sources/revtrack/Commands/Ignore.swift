import ArgumentParser
import Foundation
import RevtrackStorage
import RevtrackStory

struct Ignore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lines diff, log --stat and watch leave out: a literal sentence or /regex/, for one track or all.",
        discussion: """
            Page furniture (share and subscribe lines, ads, credits, time stamps) is left out without a rule; \
            'diff --show-furniture' shows it. Rules are kept in the repository and travel with push and pull; \
            stored texts are never changed.
            """,
        subcommands: [Add.self, Remove.self, List.self],
        defaultSubcommand: List.self
    )

    /// `TRACK PATTERN` or `--all PATTERN`.
    struct Scope: ParsableArguments {
        @Flag(help: "The rule applies to every track.") var all = false
        @Argument(help: "The track, then the pattern; or only the pattern with --all.") var words: [String] = []

        func resolved(in store: RevisionStore) throws -> (track: String?, pattern: String) {
            switch (all, words.count) {
            case (true, 1): return (nil, try IgnoreRules.validated(words[0]))
            case (false, 2): return (try store.resolveTrack(words[0]).rawValue, try IgnoreRules.validated(words[1]))
            default: throw CommandFailure("give TRACK PATTERN, or --all PATTERN (a literal sentence, or /regex/)")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an ignore rule.")
        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var scope: Scope
        func run() throws {
            let store = try repository.location.open()
            let (track, pattern) = try scope.resolved(in: store)
            let rule = IgnoreRules.Rule(pattern: pattern, track: track)
            try IgnoreRules.update(in: store, "ignore add: \(pattern) (\(rule.scope))") { rules in
                if !rules.rules.contains(rule) { rules.rules.append(rule) }
            }
            print("ignoring \(safe(pattern)) in \(safe(rule.scope))")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an ignore rule.")
        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var scope: Scope
        func run() throws {
            let store = try repository.location.open()
            let (track, pattern) = try scope.resolved(in: store)
            let rule = IgnoreRules.Rule(pattern: pattern, track: track)
            try IgnoreRules.update(in: store, "ignore remove: \(pattern) (\(rule.scope))") { rules in
                guard let index = rules.rules.firstIndex(of: rule) else {
                    throw CommandFailure("no rule \(pattern) for \(rule.scope) (see 'revtrack ignore list')")
                }
                rules.rules.remove(at: index)
            }
            print("removed \(safe(pattern)) from \(safe(rule.scope))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the ignore rules.")
        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var output: OutputOptions<ListFormat>
        func run() throws {
            let rules = try IgnoreRules.load(from: try repository.location.open()).rules
            switch output.format {
            case .json:
                try output.emitJSON(rules)
            case .text:
                if rules.isEmpty { print("no ignore rules (page furniture is left out without one; add a rule with 'revtrack ignore add TRACK PATTERN')") }
                for rule in rules { print("\(safe(rule.scope))\t\(safe(rule.pattern))") }
            }
        }
    }
}
