internal import CLibXML2

/// libxml2's global state: initialised once, on one thread, before any parse
/// (its docs require it before parsing on several threads, which `watch` does),
/// and its last error read at once into a Swift string.
enum LibXML2Runtime {
    private static let initialized: Void = { xmlInitParser() }()

    /// Makes sure `xmlInitParser()` ran; Swift runs a static's initializer exactly once.
    static func prepare() { _ = initialized }

    /// The message of libxml2's last error on this thread, trimmed, with its line.
    static func lastErrorMessage() -> String? {
        guard let error = xmlGetLastError(), let message = error.pointee.message else { return nil }
        return "line \(error.pointee.line): " + String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
