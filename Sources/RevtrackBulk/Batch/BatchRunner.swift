import Foundation
import RevtrackFacts
import RevtrackRender
import RevtrackStorage
import RevtrackStory
import RevtrackText

/// `revtrack batch`: comparison requests in, results out, one JSON object
/// per line each way. This is the contract Spark's `RDD.pipe`, Hadoop
/// Streaming and GNU parallel expect, so an archive too big for one machine
/// is diffed by an engine that already exists.
///
/// - A request: `{"id": …, "old": "text", "new": "text"}`, optionally
///   `"facts_as": "versions"|"outlets"` and `"date": "YYYY-MM-DD"` (the day
///   relative dates resolve against; default: today).
/// - A result: the `diff --format json` document on one line, `id` first;
///   a request that cannot be read gives `{"id": …, "line": N, "error": "…"}`
///   and the batch goes on.
///
/// Workers on every core take the next line, compare, and write; in input
/// order (a window of lines ahead of the next to write bounds the memory) or
/// as they finish with `unordered`.
public struct BatchRunner: Sendable {
    public struct Options: Sendable {
        public var level: DiffRequest.Level = .word
        /// Facts cost most of a comparison's time; off unless asked for.
        public var facts = false
        public var unordered = false
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        /// A line longer than this is refused, not read into memory.
        public var maximumLineBytes = 64 << 20
        public init() {}
    }

    public struct Summary: Sendable { public let requests: Int; public let errors: Int }

    public let options: Options

    public init(options: Options) { self.options = options }

    public func run(input: FileHandle, output: FileHandle) -> Summary {
        let pipeline = Pipeline(reader: LineReader(input, maximum: options.maximumLineBytes), output: output,
                                window: max(4, options.jobs * 4), ordered: !options.unordered)
        let workers = (0..<max(1, options.jobs)).map { _ in
            Thread { [options] in pipeline.work { line, number in Self.answer(line, number: number, options: options) } }
        }
        for worker in workers { worker.stackSize = 8 << 20; worker.start() }
        pipeline.waitUntilDone(workers: workers.count)
        return pipeline.summary
    }

    struct Request: Decodable {
        let id: ID?
        let old: String
        let new: String
        let factsAs: String?
        let date: String?
        enum CodingKeys: String, CodingKey { case id, old, new, factsAs = "facts_as", date }
    }

    /// A request's id as it came: a string or a number.
    enum ID: Codable, Sendable {
        case string(String), number(Double)
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) { self = .number(number) } else { self = .string(try container.decode(String.self)) }
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let text): try container.encode(text)
            case .number(let number):
                if number == number.rounded(), abs(number) < 1e15 { try container.encode(Int64(number)) } else { try container.encode(number) }
            }
        }
    }

    /// One line in, one line out (with its newline); `ok` false for an error record.
    static func answer(_ line: Result<Data, LineReader.TooLong>, number: Int, options: Options) -> (Data, ok: Bool) {
        func failure(_ id: ID?, _ message: String) -> (Data, ok: Bool) {
            struct Failure: Encodable { let id: ID?; let line: Int; let error: String }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return ((try? encoder.encode(Failure(id: id, line: number, error: message))) ?? Data(), false)
        }
        let data: Data
        switch line {
        case .failure(let tooLong): return failure(nil, "the line is longer than \(tooLong.maximum) bytes")
        case .success(let bytes): data = bytes
        }
        let request: Request
        do { request = try JSONDecoder().decode(Request.self, from: data) } catch {
            return failure(nil, "not a request: a JSON object with \"old\" and \"new\" texts is expected")
        }
        var mode: FactComparison.Mode? = nil
        switch request.factsAs {
        case nil: break
        case "versions": mode = .versions
        case "outlets": mode = .outlets
        case let other?: return failure(request.id, "facts_as must be \"versions\" or \"outlets\", not \"\(other)\"")
        }
        var today = Date()
        if let date = request.date {
            guard date.count == 10, let parsed = CaptureTime.parse(date) else { return failure(request.id, "date must be YYYY-MM-DD, not \"\(date)\"") }
            today = parsed
        }
        var comparison = DiffRequest(level: options.level, factsAs: mode, ignore: SentenceFilter(furniture: true, rules: []))
        comparison.facts = options.facts || options.level == .facts
        let diff = comparison.compare(TextSource(label: "old", text: request.old, revision: nil),
                                      TextSource(label: "new", text: request.new, revision: nil), today: today)
        let document: String
        do {
            document = try JSONDiffRenderer.render(diff.comparison, old: DiffSide(spec: "old"), new: DiffSide(spec: "new"),
                                                   facts: diff.facts.map { FactSection($0, links: diff.factLinks) },
                                                   sentences: diff.sentencesShown, hidden: diff.hiddenChanges,
                                                   outlets: diff.outlets.map { AlignmentView($0, oldLabel: "old", newLabel: "new") },
                                                   compact: true)
        } catch {
            return failure(request.id, "could not write the result: \(error)")
        }
        // The id first, then the document's members.
        var out = Data("{\"id\":".utf8)
        let encoder = JSONEncoder()
        out += (try? encoder.encode(request.id)) ?? Data("null".utf8)
        var body = Data(document.utf8)
        while body.last == 0x0A { body.removeLast() }
        if body.count > 2 { out += Data(",".utf8) + body.dropFirst() } else { out += Data("}".utf8) }
        return (out, true)
    }
}
