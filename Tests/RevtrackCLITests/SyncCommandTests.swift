import Foundation
import RevtrackTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `git daemon` serving a folder on 127.0.0.1 at a free port, for as long as the value lives.
final class GitDaemon {
    let process = Process()
    let port: Int

    init?(serving base: String) {
        // The daemon itself, not `git daemon`: the `git` wrapper would outlive a SIGTERM.
        guard let execPath = runGit(["--exec-path"])?.output.trimmingCharacters(in: .whitespacesAndNewlines),
              FileManager.default.isExecutableFile(atPath: execPath + "/git-daemon"),
              let port = GitDaemon.freePort() else { return nil }
        self.port = port
        process.executableURL = URL(fileURLWithPath: execPath + "/git-daemon")
        process.arguments = ["--reuseaddr", "--export-all", "--enable=receive-pack", "--listen=127.0.0.1",
                             "--port=\(port)", "--base-path=\(base)", base]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        // Wait until it accepts connections.
        for _ in 0..<100 {
            if GitDaemon.canConnect(port) { return }
            usleep(50_000)
        }
        process.terminate()
        return nil
    }

    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// A TCP socket and 127.0.0.1:`port` as a `sockaddr`, for `body`; the socket is closed afterwards.
    static func withLoopbackSocket<T>(port: Int, _ body: (Int32, UnsafeMutablePointer<sockaddr>) -> T?) -> T? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body(socket, $0) }
        }
    }

    /// A port the kernel hands out for port 0, free a moment ago.
    static func freePort() -> Int? {
        withLoopbackSocket(port: 0) { socket, address in
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            guard bind(socket, address, length) == 0, getsockname(socket, address, &length) == 0 else { return nil }
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
    }

    static func canConnect(_ port: Int) -> Bool {
        withLoopbackSocket(port: port) { socket, address in
            connect(socket, address, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        } ?? false
    }
}

@Suite("clone, remote, push and pull from the command line")
struct SyncCommandTests {
    let folder = TemporaryFolder()
    var storm: String { URL(fileURLWithPath: samplesFolder).deletingLastPathComponent().appendingPathComponent("storm").path }

    func add(_ cli: CLI, _ revision: Int) throws {
        let result = try cli.run(["add", "storm/wire", "\(storm)/wire-\(revision).txt",
                                  "--date", String(format: "2025-10-14T%02d:15:00Z", revision + 6)])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("over git://: push, clone, diverge, pull replays, and real git reads the tracks",
          .enabled(if: gitIsInstalled, "needs git and git daemon"))
    func gitProtocol() throws {
        #expect(runGit(["init", "-q", "--bare", folder.file("served/archive.git")])?.status == 0)
        let daemon = try #require(GitDaemon(serving: folder.file("served")))
        defer { withExtendedLifetime(daemon) {} }
        let url = "git://127.0.0.1:\(daemon.port)/archive.git"
        let a = CLI(repository: folder.file("a")), b = CLI(repository: folder.file("b"))

        #expect(try a.run(["init"]).status == 0)
        #expect(try a.run(["remote", "add", "origin", url]).stdout == "added remote origin: \(url)\n")
        #expect(try a.run(["remote", "list"]).stdout == "origin\t\(url)\n")
        try add(a, 1); try add(a, 2)
        let pushed = try a.run(["push"])
        #expect(pushed.status == 0)
        #expect(pushed.stdout == "storm/wire  created  2 revisions sent\npushed to origin: 1 track updated, 0 up to date · 2 revisions sent\n")

        let cloned = try CLI(repository: folder.file("unused")).run(["clone", url, folder.file("b")])
        #expect(cloned.status == 0 && cloned.stdout.contains("storm/wire  created  2 revisions received"), "\(cloned.stderr)")

        try add(a, 3)
        try add(b, 4); try add(b, 5)
        #expect(try a.run(["push", "origin"]).status == 0)
        let refused = try b.run(["push"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "revtrack: push refused: track storm/wire has revisions on 'origin' that are not here; run 'revtrack pull origin' first (nothing was sent)\n")
        let pulled = try b.run(["pull", "origin", "wire"])
        #expect(pulled.stdout.hasPrefix("storm/wire  replayed  1 received; 2 local revisions replayed on top\n"), "\(pulled.stderr)")
        #expect(try b.run(["push"]).status == 0)
        #expect(try a.run(["pull"]).stdout.hasPrefix("storm/wire  fast-forward  2 revisions received\n"))

        let logA = try a.run(["log", "wire"]).stdout, logB = try b.run(["log", "wire"]).stdout
        #expect(logA == logB && logA.split(separator: "\n").count == 5)
        #expect(logA.split(separator: "\n").map { $0.prefix(2) } == ["@5", "@4", "@3", "@2", "@1"])

        // Plain git sees the same history through the same server.
        #expect(runGit(["clone", "-q", "--mirror", url, folder.file("mirror.git")])?.status == 0)
        let gitLog = runGit(["-C", folder.file("mirror.git"), "log", "--format=%ct", "storm/wire"])?.output ?? ""
        let times = gitLog.split(separator: "\n").compactMap { Int($0) }
        #expect(times.count == 5 && times == times.sorted(by: >))
        for path in [folder.file("a"), folder.file("b"), folder.file("served/archive.git")] {
            #expect(runGit(["-C", path, "fsck", "--strict"])?.status == 0, "\(path)")
        }
    }

    @Test("bad remotes from the command line: one line, exit 2")
    func badInput() throws {
        let cli = CLI(repository: folder.file("a"))
        #expect(try cli.run(["init"]).status == 0)
        let unknown = try cli.run(["pull", "upstream"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "revtrack: unknown remote 'upstream': no remotes are configured (add one with 'revtrack remote add NAME URL')\n")
        #expect(try cli.run(["remote", "add", "closed", "git://127.0.0.1:1/x.git"]).status == 0)
        let closed = try cli.run(["push", "closed"])
        #expect(closed.status == 2 && closed.stderr.hasPrefix("revtrack: remote 'closed' (git://127.0.0.1:1/x.git): "))
        #expect(closed.stderr.split(separator: "\n").count == 1)
        let clone = try cli.run(["clone", folder.file("nowhere"), folder.file("copy")])
        #expect(clone.status == 2 && !FileManager.default.fileExists(atPath: folder.file("copy")))
    }
}
