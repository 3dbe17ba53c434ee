import Foundation
import Foundation

// Release-mode benchmarks. Run: swift run -c release revtrack-bench [storage] [diff] [diff-small]
// Figures and the machine they came from are recorded in docs/performance.md.

let arguments = Array(CommandLine.arguments.dropFirst())
let suites = arguments.isEmpty ? ["storage", "diff"] : arguments

for suite in suites {
    switch suite {
    case "storage": StorageBenchmark.run()
    case "diff": DiffBenchmark.run()
    case "diff-small": DiffBenchmark.run(sizes: [5_000, 100_000, 1_000_000])
    default:
        FileHandle.standardError.write(Data("unknown benchmark '\(suite)'; known: storage, diff, diff-small\n".utf8))
        exit(2)
    }
}
