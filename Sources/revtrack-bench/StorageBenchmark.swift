import Foundation
import RevtrackCore
import RevtrackStorage

/// Adds 1,000 revisions of a ~5 KB article to one track in-process, then reads
/// the history back, and reports the repository size before and after `git gc`.
enum StorageBenchmark {
    static let revisions = 1_000

    static func run() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("revtrack-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let texts = (1...revisions).map(article(revision:))
        let averageBytes = texts.map(\.utf8.count).reduce(0, +) / texts.count

        do {
            let store = try RevisionStore.create(at: folder)
            let track = try TrackName("bench/wire")
            let start = DispatchTime.now()
            for (index, text) in texts.enumerated() {
                _ = try store.add(text: text, to: track, captured: Date(timeIntervalSince1970: 1_715_760_000 + Double(index) * 60))
            }
            let addSeconds = seconds(since: start)

            let readStart = DispatchTime.now()
            let history = try store.revisions(of: track)
            let logSeconds = seconds(since: readStart)
            let showStart = DispatchTime.now()
            _ = try store.text(of: store.resolve("bench/wire@500"))
            let showSeconds = seconds(since: showStart)
            precondition(history.count == revisions)

            // blame and log --stat: read every text, then one pass over consecutive pairs.
            let blameStart = DispatchTime.now()
            let allTexts = try history.map { try store.text(of: $0) }
            let readSeconds = seconds(since: blameStart)
            let sentenceHistory = SentenceHistory(revisions: allTexts)
            let blameSeconds = seconds(since: blameStart)
            precondition(sentenceHistory.steps.count == revisions - 1)

            let before = directorySize(folder)
            let gc = shell("git", "--git-dir", folder, "gc", "--quiet", "--aggressive", "--prune=now")
            let after = directorySize(folder)

            print("storage: \(revisions) revisions of a \(averageBytes)-byte article, one track, fsync on")
            print(String(format: "  add (in-process)       %8.3f s total, %6.2f ms per revision", addSeconds, addSeconds * 1000 / Double(revisions)))
            print(String(format: "  history of 1,000       %8.3f s (log / resolve)", logSeconds))
            print(String(format: "  resolve + read @500    %8.3f s", showSeconds))
            print(String(format: "  blame of @1000          %8.3f s (reading 1,000 texts %.3f s, then segment + compare consecutive pairs)", blameSeconds, readSeconds))
            print("  repository size        \(kilobytes(before)) before git gc, \(gc ? kilobytes(after) : "n/a (git missing)") after")
        } catch {
            print("storage benchmark failed: \(error)")
            exit(1)
        }
    }

    /// A wire story that grows and whose numbers move, like a developing report.
    static func article(revision: Int) -> String {
        var paragraphs = [
            "Russian troops leave Karabakh, now back under Azerbaijan's control",
            "KHOJALY, Azerbaijan (Reuters) - Russia shut down a military base in Azerbaijan on Wednesday where nearly \(2_000 + revision % 7) of its troops had been deployed, after Azeri forces recaptured the area last year.",
        ]
        for index in 0..<36 {
            paragraphs.append("Paragraph \(index) reports that officials counted \(index * 37 + revision / 3) vehicles and \(index + 10) barracks, according to a statement issued on Wednesday.")
        }
        paragraphs.append("Updated at revision \(revision) with a correction to an earlier figure.")
        return paragraphs.joined(separator: "\n")
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    static func directorySize(_ path: String) -> Int {
        var total = 0
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let relative = enumerator?.nextObject() as? String {
            total += ((try? FileManager.default.attributesOfItem(atPath: path + "/" + relative))?[.size] as? Int) ?? 0
        }
        return total
    }

    static func kilobytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }

    @discardableResult
    static func shell(_ arguments: String...) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
