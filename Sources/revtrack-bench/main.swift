import Foundation
import RevtrackStorage

// Release-mode benchmarks. Run: swift run -c release revtrack-bench [storage]
// Figures and the machine they came from are recorded in docs/performance.md.

let arguments = Array(CommandLine.arguments.dropFirst())
let suites = arguments.isEmpty ? ["storage"] : arguments

for suite in suites {
    switch suite {
    case "storage": StorageBenchmark.run()
    default:
        FileHandle.standardError.write(Data("unknown benchmark '\(suite)'; known: storage\n".utf8))
        exit(2)
    }
}
