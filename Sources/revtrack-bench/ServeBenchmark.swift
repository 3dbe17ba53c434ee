import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RevtrackServe
import RevtrackStorage
import RevtrackStory

/// The web view under load, in one process over loopback HTTP: the index of
/// an archive of 10,000 tracks, a diff page of two 5 KB revisions, 100
/// concurrent requests. The archive is built once in `folder` and reused.
enum ServeBenchmark {
    static func run(folder: String) async throws {
        let location = RepositoryLocation(path: folder + "/archive")
        if (try? location.open()) == nil {
            print("building an archive of 10,000 tracks in \(folder)/archive (once)…")
            let (store, _) = try location.openOrCreate()
            let words = ["river", "council", "minister", "storm", "budget", "court", "union", "strike", "vote", "harbour"]
            for index in 0..<10_000 {
                let story = "story\(index / 4)", outlet = ["wire", "rewrite", "local", "opinion"][index % 4]
                let text = (0..<12).map { s in "The \(words[(index + s) % 10]) said on day \(s) that \(index * 7 + s) people had gathered." }
                    .joined(separator: " ")
                _ = try CaptureAndStore.add(text: text, to: "\(story)/\(outlet)", title: "Story \(index)", url: nil,
                                            captured: Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 60), in: store)
            }
            // One track with two revisions of about 5 KB for the diff page.
            let base = (0..<40).map { "Paragraph \($0): officials said the \(words[$0 % 10]) would meet again on Thursday after \($0 * 3) hours of talks." }
            var edited = base
            for index in stride(from: 0, to: 40, by: 4) { edited[index] = edited[index].replacingOccurrences(of: "Thursday", with: "Friday") }
            _ = try CaptureAndStore.add(text: base.joined(separator: "\n\n"), to: "talks/wire", title: "Talks", url: nil,
                                        captured: Date(timeIntervalSince1970: 1_800_000_000), in: store)
            _ = try CaptureAndStore.add(text: edited.joined(separator: "\n\n"), to: "talks/wire", title: "Talks", url: nil,
                                        captured: Date(timeIntervalSince1970: 1_800_003_600), in: store)
        }
        var configuration = WebServer.Configuration()
        configuration.port = 0
        let server = try await WebServer(repository: location, configuration: configuration)
        let (port, task) = try await server.start()
        defer { task.cancel() }
        let base = "http://127.0.0.1:\(port)"
        func time(_ path: String, runs: Int) async throws -> (first: Double, best: Double, bytes: Int) {
            var first = 0.0, best = Double.infinity, bytes = 0
            for run in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                let (data, response) = try await URLSession.shared.data(from: URL(string: base + path)!)
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw CancellationError() }
                if run == 0 { first = elapsed } else { best = min(best, elapsed) }
                bytes = data.count
            }
            return (first, best, bytes)
        }
        for (label, path) in [("index, 10,001 tracks", "/"), ("index filtered (?q=story99)", "/?q=story99"),
                              ("diff page, two 5 KB revisions", "/diff?old=talks/wire@1&new=talks/wire@2"),
                              ("latest changes", "/changes"), ("changes feed", "/feeds/changes.atom")] {
            let (first, best, bytes) = try await time(path, runs: 6)
            print(String(format: "%@: first %.0f ms, then best of 5 %.1f ms (%d KB)", label, first, best, bytes / 1000))
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<100 {
                group.addTask {
                    let path = ["/t/talks/wire", "/diff?old=talks/wire@1&new=talks/wire@2", "/?q=story1", "/t/story7/wire/@1"][index % 4]
                    let (_, response) = try await URLSession.shared.data(from: URL(string: base + path)!)
                    return (response as? HTTPURLResponse)?.statusCode ?? 0
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        print(String(format: "100 concurrent requests: %d answered 200, %d other, in %.0f ms", statuses.filter { $0 == 200 }.count,
                     statuses.filter { $0 != 200 }.count, elapsed))
    }
}
