import Foundation
import RevtrackStorage

/// Reads an input file or stdin as article text, refusing what cannot be
/// article text before reading it whole.
enum InputFile {
    /// The text of `path` ("-" for stdin) under the storage rules.
    static func text(_ path: String) throws -> String {
        if path == "-" { return try ArticleText.decode(try readLimited(STDIN_FILENO, name: "standard input", expected: 0)) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure("\(path): no such file")
        }
        if isDirectory.boolValue { throw CommandFailure("\(path): is a directory, not a text file") }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CommandFailure("\(path): cannot be read (permission denied?)") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw CommandFailure("\(path): cannot be read") }
        let size = Int(status.st_size)
        if size > ArticleText.maximumBytes { throw tooLarge(path) }
        // A regular file is mapped: its bytes are validated and copied once,
        // straight from the page cache into the string.
        if status.st_mode & S_IFMT == S_IFREG, size > 0,
           let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0), mapping != MAP_FAILED {
            defer { munmap(mapping, size) }
            return try ArticleText.decode(UnsafeBufferPointer(start: mapping.assumingMemoryBound(to: UInt8.self), count: size))
        }
        return try ArticleText.decode(try readLimited(descriptor, name: path, expected: size))
    }

    /// Reads to the end with read(2) into one array sized from the expected
    /// length, doubled (with one copy) as a pipe delivers more.
    private static func readLimited(_ descriptor: Int32, name: String, expected: Int) throws -> [UInt8] {
        let limit = ArticleText.maximumBytes
        var bytes: [UInt8] = []
        var capacity = max(expected + 1, 64 * 1024)
        while true {
            var failure: Int32 = 0, reachedEnd = false
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                var count = previous.count
                _ = buffer.initialize(from: previous)
                while count < buffer.count {
                    let read = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                    if read < 0 && errno == EINTR { continue }
                    if read < 0 { failure = errno; break }
                    if read == 0 { reachedEnd = true; break }
                    count += read
                }
                initialized = count
            }
            if failure != 0 { throw CommandFailure("\(name): cannot be read (\(String(cString: strerror(failure))))") }
            if bytes.count > limit { throw tooLarge(name) }
            if reachedEnd { return bytes }
            capacity *= 2
        }
    }

    private static func tooLarge(_ name: String) -> CommandFailure {
        CommandFailure("\(name): larger than \(ArticleText.maximumBytes) bytes (64 MiB); revtrack stores article text")
    }
}
