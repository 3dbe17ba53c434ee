import Foundation

/// Lines of a stream, read a block at a time (JSON Lines for `batch` and
/// `import`). A line longer than `maximum` is skipped to its end and
/// reported, never held in memory whole; blank lines are skipped.
final class LineReader {
    struct TooLong: Error { let maximum: Int }

    private let handle: FileHandle
    private let maximum: Int
    private var buffer: [UInt8] = []
    /// Where the unread bytes start, and where the search for a newline resumes.
    private var position = 0, scanned = 0
    private var finished = false
    /// The number of the line `next()` returned last, counting blank ones (1-based).
    private(set) var line = 0

    init(_ handle: FileHandle, maximum: Int) {
        self.handle = handle
        self.maximum = maximum
    }

    /// The next line without its newline (a final line without one counts), or nil at the end.
    func next() -> Result<Data, TooLong>? {
        var skipping = false
        while true {
            if let newline = buffer[max(position, scanned)...].firstIndex(of: 0x0A) {
                var text = buffer[position..<newline]
                position = newline + 1
                scanned = position
                line += 1
                if skipping || text.count > maximum { return .failure(TooLong(maximum: maximum)) }
                if text.last == 0x0D { text = text.dropLast() }
                if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                return .success(Data(text))
            }
            if buffer.count - position > maximum {
                // Drop what is read of an overlong line; keep reading to its end.
                skipping = true
                position = buffer.count
            }
            scanned = buffer.count - position
            if position > 0 { buffer.removeFirst(position); position = 0 }
            if finished {
                guard !buffer.isEmpty else { return skipping ? .failure(TooLong(maximum: maximum)) : nil }
                let text = buffer
                buffer = []
                scanned = 0
                line += 1
                if skipping { return .failure(TooLong(maximum: maximum)) }
                return text.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) ? nil : .success(Data(text))
            }
            let block = (try? handle.read(upToCount: 1 << 20)) ?? nil
            if let block, !block.isEmpty { buffer += block } else { finished = true }
        }
    }
}
