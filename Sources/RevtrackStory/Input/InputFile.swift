import Foundation
import RevtrackStorage

/// Reads an input file or stdin as article text, refusing what cannot be
/// article text before reading it whole.
public enum InputFile {
    /// The text of `path` ("-" for stdin) under the storage rules.
    public static func text(_ path: String) throws -> String {
        if path == "-" { return try ArticleText.decode(try readLimited(STDIN_FILENO, name: "standard input", expected: 0)) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StoryError("\(path): no such file")
        }
        if isDirectory.boolValue { throw StoryError("\(path): is a directory, not a text file") }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoryError("\(path): cannot be read (permission denied?)") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw StoryError("\(path): cannot be read") }
        let size = Int(status.st_size)
        try checkSize(size, of: path)
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
            if failure != 0 { throw StoryError("\(name): cannot be read (\(String(cString: strerror(failure))))") }
            try checkSize(bytes.count, of: name)
            if reachedEnd { return bytes }
            capacity *= 2
        }
    }

    /// The one place the storage limit is enforced on input, before and while reading.
    private static func checkSize(_ size: Int, of name: String) throws {
        guard size > ArticleText.maximumBytes else { return }
        throw StoryError("\(name): larger than \(ArticleText.maximumBytes) bytes (64 MiB); revtrack stores article text")
    }
}
