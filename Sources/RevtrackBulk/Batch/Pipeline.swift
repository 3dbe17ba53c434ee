import Foundation

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
