import Foundation
import RevtrackTestSupport
import Testing

@Suite("Concurrent writers")
struct ConcurrencyTests {
    @Test("4 processes × 25 adds to one track: all 100 land, fsck is clean")
    func concurrentAdds() throws {
        let folder = TemporaryFolder()
        let repository = folder.file("archive")
        #expect(try CLI(repository: repository).run(["init"]).status == 0)
        let workers = 4, addsPerWorker = 25
        // Each worker is a shell loop starting one revtrack process per add.
        var processes: [Process] = []
        for worker in 0..<workers {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", """
                i=0
                while [ $i -lt \(addsPerWorker) ]; do
                  printf 'Worker \(worker) wrote paragraph %s.\\n' "$i" | "$0" add --repo "$1" wire - >/dev/null || exit 1
                  i=$((i+1))
                done
                """, CLI.executable, repository]
            try process.run()
            processes.append(process)
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let log = try CLI(repository: repository).run(["log", "wire", "--format", "json"])
        struct Entry: Decodable { let revision: Int }
        let entries = try JSONDecoder().decode([Entry].self, from: Data(log.stdout.utf8))
        #expect(entries.count == workers * addsPerWorker)
        #expect(entries.map(\.revision) == Array((1...(workers * addsPerWorker)).reversed()))
        // Every text landed exactly once.
        var texts = Set<String>()
        for number in 1...(workers * addsPerWorker) {
            texts.insert(try CLI(repository: repository).run(["show", "wire@\(number)"]).stdout)
        }
        #expect(texts.count == workers * addsPerWorker)
        if let fsck = runGit(["--git-dir", repository, "fsck", "--strict"]) {
            #expect(fsck.status == 0, "\(fsck.output)")
        }
    }
}
