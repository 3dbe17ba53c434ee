import Foundation

/// The rules for what `text.txt` may hold. Storage owns them because they are
/// part of the repository format: UTF-8, LF line endings, no leading BOM,
/// nothing else altered.
public enum ArticleText {
    /// Larger inputs are refused: no news text comes near it, and a mistaken
    /// binary upload should not bloat the archive.
    public static let maximumBytes = 64 * 1024 * 1024

    /// Validates raw bytes (from a file or stdin) and returns the text as it
    /// will be stored.
    public static func decode(_ bytes: [UInt8]) throws(StorageError) -> String {
        try bytes.withUnsafeBufferPointer { (buffer) throws(StorageError) in try decode(buffer) }
    }

    /// The same for bytes anywhere in memory (a mapped file): the text is
    /// validated and copied once, into the string.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(StorageError) -> String {
        if bytes.count > maximumBytes {
            throw .invalidText("input is \(bytes.count) bytes; the limit is \(maximumBytes) bytes (64 MiB)")
        }
        if let offset = firstByte(0, in: bytes) {
            throw .invalidText("input looks binary: NUL byte at offset \(offset)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalidText("input is not valid UTF-8 (at byte \(firstInvalidUTF8Offset(bytes)))")
        }
        return try normalize(text)
    }

    /// Applies the storage rules to text already in memory.
    public static func normalize(_ text: String) throws(StorageError) -> String {
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let (hasCR, hasNUL) = text.withUTF8 { bytes in (firstByte(0x0D, in: bytes) != nil, firstByte(0, in: bytes) != nil) }
        if hasCR { text = text.replacingCRLF() }
        if hasNUL { throw .invalidText("input looks binary: it contains a NUL character") }
        if text.utf8.count > maximumBytes {
            throw .invalidText("input is \(text.utf8.count) bytes; the limit is \(maximumBytes) bytes (64 MiB)")
        }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw .invalidText(text.isEmpty ? "input is empty" : "input holds only whitespace")
        }
        return text
    }

    /// memchr: the byte scans run over whole articles.
    private static func firstByte(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress, let found = memchr(base, Int32(byte), buffer.count) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private static func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var consumed = 0
        // Count scalars' bytes until the decoder reports an error.
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
                offset = consumed
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}

extension String {
    /// CRLF and lone CR both become LF.
    func replacingCRLF() -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var previousWasCR = false
        for byte in utf8 {
            if byte == 0x0D {
                bytes.append(0x0A)
                previousWasCR = true
                continue
            }
            if byte == 0x0A && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
