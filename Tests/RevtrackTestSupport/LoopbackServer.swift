import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for capture tests: no internet, no
/// Python. Tests set what each path answers (and change it between steps);
/// the server logs every request it received. Call `stop()` when done.
public final class LoopbackServer: @unchecked Sendable {
    public struct Request: Sendable {
        public let method: String
        public let path: String
        /// Header names lowercased.
        public let headers: [String: String]
        public var body = Data()
    }

    public struct Response: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: Data
        /// Seconds to wait before answering: a slow server.
        public var delay: TimeInterval = 0
        /// Send no Content-Length and end the body by closing the connection,
        /// as servers that stream do.
        public var omitLength = false

        public init(status: Int = 200, headers: [(String, String)] = [], body: Data = Data(),
                    delay: TimeInterval = 0, omitLength: Bool = false) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.omitLength = omitLength
        }

        public static func html(_ text: String, headers: [(String, String)] = []) -> Response {
            Response(headers: [("Content-Type", "text/html; charset=utf-8")] + headers, body: Data(text.utf8))
        }

        public static func status(_ code: Int) -> Response {
            Response(status: code, headers: [("Content-Type", "text/plain")], body: Data("status \(code)\n".utf8))
        }

        public static func redirect(to location: String, status: Int = 301) -> Response {
            Response(status: status, headers: [("Location", location)])
        }
    }

    public let port: UInt16
    private let socket: Int32
    private let lock = NSLock()
    private var routes: [String: @Sendable (Request) -> Response] = [:]
    private var log: [Request] = []
    private var stopped = false

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public init() throws {
        #if canImport(Glibc)
        let listener = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard listener >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && listen(listener, 64) == 0
                    && getsockname(listener, pointer, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw POSIXError(.EADDRINUSE)
        }
        socket = listener
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Sets what `path` answers from now on.
    public func route(_ path: String, _ response: Response) {
        route(path) { _ in response }
    }

    public func route(_ path: String, _ responder: @escaping @Sendable (Request) -> Response) {
        lock.lock()
        routes[path] = responder
        lock.unlock()
    }

    /// The requests received so far, oldest first.
    public var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return log
    }

    public func url(_ path: String) -> String { baseURL + path }

    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
    }

    private func acceptLoop() {
        while true {
            let connection = accept(socket, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            DispatchQueue.global().async { [self] in serve(connection) }
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        while received.count < 65_536 {
            let count = read(connection, &buffer, buffer.count)
            if count <= 0 { return }
            received += buffer[0..<count]
            if received.count >= 4, received.indices.dropLast(3).contains(where: { Array(received[$0..<($0 + 4)]) == end }) { break }
        }
        let headEnd = received.indices.dropLast(3).first { Array(received[$0..<($0 + 4)]) == end }.map { $0 + 4 } ?? received.count
        let head = String(decoding: received[..<headEnd], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2 else { return }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        // A body of Content-Length bytes (a webhook's POST).
        var body = Array(received[headEnd...])
        let length = min(Int(headers["content-length"] ?? "") ?? 0, 1 << 20)
        while body.count < length {
            let count = read(connection, &buffer, buffer.count)
            if count <= 0 { break }
            body += buffer[0..<count]
        }
        let request = Request(method: String(parts[0]), path: String(parts[1]), headers: headers, body: Data(body.prefix(length)))
        lock.lock()
        log.append(request)
        let responder = routes[request.path]
        lock.unlock()
        let response = responder?(request) ?? .status(404)
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }

        var text = "HTTP/1.1 \(response.status) \(HTTPURLResponse.localizedString(forStatusCode: response.status))\r\n"
        for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
        if !response.omitLength { text += "Content-Length: \(response.body.count)\r\n" }
        text += "Connection: close\r\n\r\n"
        var bytes = Array(text.utf8)
        if request.method != "HEAD" { bytes += response.body }
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
            if count <= 0 { return }
            sent += count
        }
    }
}
