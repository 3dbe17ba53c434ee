import Foundation
import RevtrackRender
import RevtrackStorage
import RevtrackStory

/// A CLI-level problem (bad file, bad option value) with a one-line message.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// An error whose message is already one line for the user ("revtrack: …").
protocol OneLineError: Error, CustomStringConvertible {}
extension CommandFailure: OneLineError {}
extension StoryError: OneLineError {}
extension StorageError: OneLineError {}

enum StandardError {
    /// `fputs(..., stderr)` does not compile in Swift 6 mode; FileHandle does.
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
    }
}

enum StandardOutput {
    static let isTerminal = isatty(STDOUT_FILENO) == 1

    /// Writes exactly these bytes (no newline added), straight from the
    /// string's storage: a large diff is not copied again on the way out.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    static func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}

/// Text from articles shown in a listing: control characters made visible.
func safe(_ text: String) -> String {
    TerminalText.escapingControls(text, keepNewlines: false)
}

extension Int {
    /// `2,341`: byte counts that read at a glance.
    var grouped: String {
        let digits = String(self.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (self < 0 ? "-" : "") + out
    }
}

enum TerminalSize {
    /// `COLUMNS`, else the terminal's width, else 100.
    static func columns() -> Int {
        if let value = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(value), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 100
    }
}
