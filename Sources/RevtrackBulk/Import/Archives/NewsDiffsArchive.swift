import Foundation

/// A NewsDiffs archive: a git repository in which each article is a file and
/// each commit that changed it a version, captured at the commit's time. The
/// file's path becomes the track `PREFIX/path-slug`. Read with git itself
/// (`git log` for the history, one `git cat-file --batch` for the texts), so
/// an archive of any size streams.
final class NewsDiffsArchive: RecordSource {
    private let versions: [(commit: String, time: Double, path: String)]
    private var position = 0
    private let prefix: String
    private let catFile: Process
    private let requests: FileHandle
    private let answers: FileHandle

    init(repository: String, prefix: String) throws {
        let log = Process()
        log.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        log.arguments = ["git", "-C", repository, "log", "--all", "--reverse", "--no-renames", "--format=%x00%H %ct", "--name-only"]
        let output = Pipe()
        log.standardOutput = output
        log.standardError = FileHandle.nullDevice
        try log.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        log.waitUntilExit()
        guard log.terminationStatus == 0 else { throw Importer.Failure(description: "'\(repository)' is not a git repository with history") }
        var versions: [(String, Double, String)] = []
        for block in text.split(separator: "\0") {
            let lines = block.split(separator: "\n")
            guard let head = lines.first?.split(separator: " "), head.count == 2, let time = Double(head[1]) else { continue }
            for path in lines.dropFirst() where !path.isEmpty { versions.append((String(head[0]), time, String(path))) }
        }
        self.versions = versions
        self.prefix = prefix
        catFile = Process()
        catFile.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        catFile.arguments = ["git", "-C", repository, "cat-file", "--batch"]
        let input = Pipe(), answer = Pipe()
        catFile.standardInput = input
        catFile.standardOutput = answer
        catFile.standardError = FileHandle.nullDevice
        try catFile.run()
        requests = input.fileHandleForWriting
        answers = answer.fileHandleForReading
    }

    deinit {
        try? requests.close()
        catFile.waitUntilExit()
    }

    func next() throws -> Result<ImportSourceRecord, ImportSourceRecord.Bad>? {
        while position < versions.count {
            let (commit, time, path) = versions[position]
            position += 1
            requests.write(Data("\(commit):\(path)\n".utf8))
            let header = readLine()
            // "<oid> blob <size>", or "<name> missing" for a file the commit deleted.
            let parts = header.split(separator: " ")
            guard parts.count == 3, parts[1] == "blob", let size = Int(parts[2]) else { continue }
            let data = readExactly(size + 1).dropLast()
            return .success(ImportSourceRecord(track: prefix + "/" + Slug.make(path), text: String(decoding: data, as: UTF8.self),
                                               captured: Date(timeIntervalSince1970: time), title: nil, url: nil, line: position))
        }
        return nil
    }

    private var buffer = Data()

    private func readLine() -> String {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer = Data(buffer[(newline + 1)...])
                return line
            }
            let more = answers.availableData
            if more.isEmpty { return "" }
            buffer += more
        }
    }

    private func readExactly(_ count: Int) -> Data {
        while buffer.count < count {
            let more = answers.availableData
            if more.isEmpty { break }
            buffer += more
        }
        let data = buffer.prefix(count)
        buffer = Data(buffer.dropFirst(count))
        return Data(data)
    }
}
