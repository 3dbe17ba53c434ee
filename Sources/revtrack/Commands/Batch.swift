import ArgumentParser
import Foundation
import RevtrackBulk
import RevtrackStory

struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare many pairs of texts: JSON Lines requests on stdin, one JSON result per line on stdout.",
        discussion: """
            Each request: {"id": …, "old": "text", "new": "text"}, optionally "facts_as": "versions"|"outlets" and \
            "date": "YYYY-MM-DD" (the day relative dates resolve against). Each result: the 'diff --format json' \
            document on one line with "id" first; a request that cannot be read gives {"id", "line", "error"} \
            and the batch goes on. Uses every core; memory stays bounded. For Spark: rdd.pipe("revtrack batch") \
            (docs/scale.md).
            """
    )

    @Option(help: "What to compute: sentence (no word changes), word, or facts (only the fact comparison).")
    var level: DiffLevel = .word

    @Flag(help: "Also extract and compare facts at the word level (several times slower).")
    var facts = false

    @Flag(help: "Write each result when it is ready, not in input order.")
    var unordered = false

    @Option(help: "Worker threads (default: one per core).")
    var jobs: Int?

    func validate() throws {
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be between 1 and 256") }
    }

    func run() throws {
        var options = BatchRunner.Options()
        options.level = level.request
        options.facts = facts
        options.unordered = unordered
        if let jobs { options.jobs = jobs }
        let summary = BatchRunner(options: options).run(input: .standardInput, output: .standardOutput)
        if summary.errors > 0 {
            StandardError.write("revtrack: batch: \(summary.errors) of \(summary.requests) requests could not be read (see their \"error\" results)")
        }
    }
}
