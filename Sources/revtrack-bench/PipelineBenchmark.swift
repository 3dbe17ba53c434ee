import Foundation
import RevtrackCore
import RevtrackRender
import RevtrackStorage
import RevtrackText

/// `revtrack diff --level sentence` end to end on the texts scripts/bench-peers.sh
/// gives git (one sentence per line): where the time goes, phase by phase in
/// this process, and what one `revtrack` process per case takes in wall time
/// and peak memory (its own rusage, so each case is measured alone).
enum PipelineBenchmark {
    static func run(sizes: [Int] = [1_000_000, 10_000_000], rates: [Double] = [0.01, 0.10, 0.50]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("revtrack-bench-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let revtrack = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("revtrack").path
        let haveCLI = FileManager.default.isExecutableFile(atPath: revtrack)

        print("pipeline: diff --level sentence on the corpus written one sentence per line (as bench-peers.sh gives git)")
        print("Phases in this process, best of 3: read + UTF-8 check; segment both sides (two cores); compare (intern,")
        print("Myers, pairing, moves, edit kinds); render as text. Then one `revtrack diff --level sentence` process per")
        print("case (output to /dev/null), best of 3 wall times, and that process's peak resident memory.")
        print("size    edited |     read  segment  compare   render      sum | process  peak memory  × input")
        for size in sizes {
            let old = Corpus.original(bytes: size)
            for rate in rates {
                let new = Corpus.edited(old, rate: rate)
                let prefix = "\(folder)/\(DiffBenchmark.label(size).replacingOccurrences(of: " ", with: ""))-\(Int(rate * 100))"
                let oldPath = prefix + "-sentences.old", newPath = prefix + "-sentences.new"
                DiffBenchmark.write(old, to: prefix, suffix: "old", words: false)
                DiffBenchmark.write(new, to: prefix, suffix: "new", words: false)

                var oldText = "", newText = ""
                let read = DiffBenchmark.best {
                    oldText = try! ArticleText.decode(Array(FileManager.default.contents(atPath: oldPath)!))
                    newText = try! ArticleText.decode(Array(FileManager.default.contents(atPath: newPath)!))
                }
                var sides: (SegmentedText, SegmentedText)? = nil
                let segment = DiffBenchmark.best { sides = DocumentComparison.segment(oldText, newText) }
                var comparison: DocumentComparison? = nil
                let compare = DiffBenchmark.best {
                    comparison = DocumentComparison(old: sides!.0, new: sides!.1, wordLevel: false)
                }
                let renderer = TextDiffRenderer(options: .init(color: false, context: 1))
                let render = DiffBenchmark.best { _ = renderer.render(comparison!, oldLabel: oldPath, newLabel: newPath) }
                let inputBytes = oldText.utf8.count + newText.utf8.count

                var processText = "      —            —        —"
                if haveCLI {
                    var bestTime = Double.infinity, peak = 0
                    for _ in 0..<3 {
                        guard let (time, memory) = runProcess(revtrack, ["diff", "--level", "sentence", oldPath, newPath]) else { break }
                        bestTime = min(bestTime, time)
                        peak = max(peak, memory)
                    }
                    if bestTime.isFinite {
                        processText = String(format: "%@  %8.0f MB  %6.1f×", ms(bestTime) as NSString, Double(peak) / 1e6,
                                             Double(peak) / Double(inputBytes))
                    }
                }
                print(String(format: "%-6@  %5.0f%% | %@ %@ %@ %@ %@ | %@", DiffBenchmark.label(size) as NSString, rate * 100,
                             ms(read) as NSString, ms(segment) as NSString, ms(compare) as NSString, ms(render) as NSString,
                             ms(read + segment + compare + render) as NSString, processText as NSString))
            }
        }
        if !haveCLI { print("(build the revtrack product in release mode for the process columns: swift build -c release)") }
    }

    private static func ms(_ seconds: Double) -> String { String(format: "%6.0f ms", seconds * 1000) }

    /// Wall time and peak resident bytes of one child process, from wait4's rusage.
    private static func runProcess(_ path: String, _ arguments: [String]) -> (Double, Int)? {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now()
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { return nil }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return (elapsed, usage.ru_maxrss * 1024)
    }
}
