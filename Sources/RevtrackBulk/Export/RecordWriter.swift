import Foundation

/// One exported record: named values in a fixed column order, so a CSV
/// header and every JSON object list the same columns the same way.
struct Record {
    enum Value {
        case text(String?)
        case integer(Int?)
    }

    var fields: [(name: String, value: Value)] = []

    mutating func add(_ name: String, _ text: String?) { fields.append((name, .text(text))) }
    mutating func add(_ name: String, _ number: Int?) { fields.append((name, .integer(number))) }
}

/// Writes records as JSON Lines or CSV (RFC 4180, a header first), through a
/// buffer flushed every 64 KB: an export of any size runs in constant memory.
final class RecordWriter {
    enum Format: String { case jsonl, csv }

    private let output: FileHandle
    private let format: Format
    private var buffer = Data()
    private var wroteHeader = false
    private(set) var count = 0

    init(_ output: FileHandle, format: Format) {
        self.output = output
        self.format = format
        buffer.reserveCapacity(1 << 17)
    }

    func write(_ record: Record) {
        switch format {
        case .jsonl:
            buffer.append(0x7B)   // {
            for (index, field) in record.fields.enumerated() {
                if index > 0 { buffer.append(0x2C) }
                Self.appendJSONString(field.name, to: &buffer)
                buffer.append(0x3A)
                switch field.value {
                case .text(let text?): Self.appendJSONString(text, to: &buffer)
                case .integer(let number?): buffer.append(contentsOf: String(number).utf8)
                case .text(nil), .integer(nil): buffer.append(contentsOf: "null".utf8)
                }
            }
            buffer.append(contentsOf: "}\n".utf8)
        case .csv:
            if !wroteHeader {
                buffer.append(contentsOf: (record.fields.map { Self.csvField($0.name) }.joined(separator: ",") + "\r\n").utf8)
                wroteHeader = true
            }
            let values = record.fields.map { field -> String in
                switch field.value {
                case .text(let text): return Self.csvField(text ?? "")
                case .integer(let number): return number.map(String.init) ?? ""
                }
            }
            buffer.append(contentsOf: (values.joined(separator: ",") + "\r\n").utf8)
        }
        count += 1
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes the header alone when no record came (a CSV file is still a table).
    func finish(columns: [String]) {
        if format == .csv, !wroteHeader { buffer.append(contentsOf: (columns.map(Self.csvField).joined(separator: ",") + "\r\n").utf8) }
        flush()
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        output.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
    static func appendJSONString(_ text: String, to data: inout Data) {
        data.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: data.append(contentsOf: [0x5C, 0x22])
            case 0x5C: data.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: data.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: data.append(contentsOf: [0x5C, 0x72])
            case 0x09: data.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20: data.append(contentsOf: String(format: "\\u%04x", byte).utf8)
            default: data.append(byte)
            }
        }
        data.append(0x22)
    }
}
