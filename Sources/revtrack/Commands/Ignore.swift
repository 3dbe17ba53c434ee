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

        func rule(in store: RevisionStore) throws -> IgnoreRules.Rule {
            switch (all, words.count) {
            case (true, 1): return IgnoreRules.Rule(pattern: try IgnoreRules.validated(words[0]), track: nil)
            case (false, 2): return IgnoreRules.Rule(pattern: try IgnoreRules.validated(words[1]), track: try store.resolveTrack(words[0]).rawValue)
            default: throw CommandFailure("give TRACK PATTERN, or --all PATTERN (a literal sentence, or /regex/)")
            }
        }

        /// Changes the repository's rules as one commit and says what it did.
        func change(_ repository: RepositoryOptions, verb: String, done: String,
                    _ edit: (inout IgnoreRules, IgnoreRules.Rule) throws -> Void) throws {
            let store = try repository.location.open()
            let rule = try rule(in: store)
            try IgnoreRules.update(in: store, "ignore \(verb): \(rule.pattern) (\(rule.scope))") { try edit(&$0, rule) }
            print("\(done) \(safe(rule.pattern)) \(verb == "add" ? "in" : "from") \(safe(rule.scope))")
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an ignore rule.")
        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var scope: Scope
        func run() throws {
            try scope.change(repository, verb: "add", done: "ignoring") { rules, rule in
                if !rules.rules.contains(rule) { rules.rules.append(rule) }
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an ignore rule.")
        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var scope: Scope
        func run() throws {
            try scope.change(repository, verb: "remove", done: "removed") { rules, rule in
                guard let index = rules.rules.firstIndex(of: rule) else {
                    throw CommandFailure("no rule \(rule.pattern) for \(rule.scope) (see 'revtrack ignore list')")
                }
                rules.rules.remove(at: index)
            }
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
