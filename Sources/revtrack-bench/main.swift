import Foundation

// Release-mode benchmarks. Run: swift run -c release revtrack-bench [storage] [diff] [diff-small] [pipeline [--10mb]] [pairing] [segment] [facts [-v]] [align [-v [--whole]] [--sweep] [--set=DIR] [--features=FILE]] [serve --folder=DIR] | write DIR
// Figures and the machine they came from are recorded in docs/performance.md.

let arguments = Array(CommandLine.arguments.dropFirst())
let flags = Set(arguments.filter { $0.hasPrefix("-") })
let named = arguments.filter { !$0.hasPrefix("-") }
let suites = named.isEmpty ? ["storage", "diff"] : named

if named.first == "write", named.count == 2 {
    DiffBenchmark.writeCorpus(to: named[1])
    exit(0)
}

for suite in suites {
    switch suite {
    case "storage": StorageBenchmark.run()
    case "diff":
        DiffBenchmark.run()
        print("peak resident memory: \(DiffBenchmark.peakMemory / 1_000_000) MB")
    case "pipeline": PipelineBenchmark.run(sizes: flags.contains("--10mb") ? [10_000_000] : [1_000_000, 10_000_000])
    case "pairing": PairingMeasurement.run()
    case "segment": SegmentBenchmark.run()
    case "facts":
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples").path
        FactsEvaluation.run(samples: samples, verbose: flags.contains("-v"),
                            only: arguments.first { $0.hasPrefix("--only=") }.map { String($0.dropFirst(7)) })
    case "align":
        AlignmentEvaluation.wholeSentences = flags.contains("--whole")
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples").path
        AlignmentEvaluation.run(samples: samples, verbose: flags.contains("-v"), sweep: flags.contains("--sweep"),
                                folder: arguments.first { $0.hasPrefix("--set=") }.map { String($0.dropFirst(6)) },
                                features: arguments.first { $0.hasPrefix("--features=") }.map { String($0.dropFirst(11)) })
    case "serve":
        guard let folder = arguments.first(where: { $0.hasPrefix("--folder=") }).map({ String($0.dropFirst(9)) }) else {
            FileHandle.standardError.write(Data("serve needs --folder=DIR (the archive is built there once)\n".utf8))
            exit(2)
        }
        let done = DispatchSemaphore(value: 0)
        // Detached: top-level code is the main actor's, which done.wait() blocks.
        Task.detached {
            do { try await ServeBenchmark.run(folder: folder) } catch { print("serve benchmark failed: \(error)") }
            done.signal()
        }
        done.wait()
    case "diff-small":
        DiffBenchmark.run(sizes: [5_000, 100_000, 1_000_000])
        print("peak resident memory: \(DiffBenchmark.peakMemory / 1_000_000) MB")
    default:
        FileHandle.standardError.write(Data("unknown benchmark '\(suite)'; known: storage, diff, diff-small, pipeline, pairing, segment, facts, align, serve\n".utf8))
        exit(2)
    }
}
