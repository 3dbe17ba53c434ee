import Foundation

/// Lines of a stream, read a block at a time. A line longer than `maximum`
/// is skipped to its end and reported, never held in memory whole.
final class LineReader {
    struct TooLong: Error { let maximum: Int }

    private let handle: FileHandle
    private let maximum: Int
    private var buffer: [UInt8] = []
    /// Where the unread bytes start, and where the search for a newline resumes.
    private var position = 0, scanned = 0
    private var finished = false

    init(_ handle: FileHandle, maximum: Int) {
        self.handle = handle
        self.maximum = maximum
    }

    /// The next line without its newline (a final line without one counts), or nil at the end.
    func next() -> Result<Data, TooLong>? {
        var skipping = false
        while true {
            if let newline = buffer[max(position, scanned)...].firstIndex(of: 0x0A) {
                var line = buffer[position..<newline]
                position = newline + 1
                scanned = position
                if skipping || line.count > maximum { return .failure(TooLong(maximum: maximum)) }
                if line.last == 0x0D { line = line.dropLast() }
                if line.isEmpty { continue }
                return .success(Data(line))
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
                let line = buffer
                buffer = []
                scanned = 0
                return skipping ? .failure(TooLong(maximum: maximum)) : .success(Data(line))
            }
            let block = (try? handle.read(upToCount: 1 << 20)) ?? nil
            if let block, !block.isEmpty { buffer += block } else { finished = true }
        }
    }
}

/// Workers that take numbered lines, answer each, and write the answers, in
/// input order or as they come. Ordered, a worker waits before reading a line
/// more than `window` ahead of the next answer to write, so memory stays
/// bounded whatever the input's length.
///
/// `@unchecked Sendable`: every field is read and written under `condition`.
final class Pipeline: @unchecked Sendable {
    private let reader: LineReader
    private let output: FileHandle
    private let window: Int
    private let ordered: Bool
    private let condition = NSCondition()
    private var read = 0, written = 0, errors = 0, done = 0
    private var pending: [Int: Data] = [:]

    init(reader: LineReader, output: FileHandle, window: Int, ordered: Bool) {
        self.reader = reader
        self.output = output
        self.window = window
        self.ordered = ordered
    }

    var summary: BatchRunner.Summary {
        condition.lock()
        defer { condition.unlock() }
        return BatchRunner.Summary(requests: read, errors: errors)
    }

    func work(_ answer: (Result<Data, LineReader.TooLong>, Int) -> (Data, ok: Bool)) {
        while true {
            condition.lock()
            while ordered && read - written >= window { condition.wait() }
            guard let line = reader.next() else {
                done += 1
                condition.broadcast()
                condition.unlock()
                return
            }
            read += 1
            let number = read
            condition.unlock()

            var (data, ok) = answer(line, number)
            data.append(0x0A)

            condition.lock()
            if !ok { errors += 1 }
            if ordered {
                pending[number] = data
                var chunk = Data()
                while let next = pending.removeValue(forKey: written + 1) {
                    chunk += next
                    written += 1
                }
                if !chunk.isEmpty { output.write(chunk) }
            } else {
                output.write(data)
                written += 1
            }
            condition.broadcast()
            condition.unlock()
        }
    }

    func waitUntilDone(workers: Int) {
        condition.lock()
        while done < workers || written < read { condition.wait() }
        condition.unlock()
    }
}
