#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A minimal blocking HTTP/1.1 GET over a raw POSIX socket to 127.0.0.1, so HTTP tests need
/// neither curl nor the production HTTP client.
public enum LoopbackPortHTTPClient {
    /// A parsed response.
    public struct Response: Sendable {
        /// Status code from the status line.
        public var status: Int
        /// Headers with lower-cased names.
        public var headers: [String: String]
        /// The body bytes (read until the server closes).
        public var body: [UInt8]
    }

    /// Errors from the raw socket exchange.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// Sends `GET target` with `Connection: close` and reads the reply until EOF (10 s socket timeout).
    public static func get(port: UInt16, target: String) throws -> Response {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            // Safety: sockaddr_in is layout-compatible with the sockaddr prefix connect reads.
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure(description: "connect: errno \(errno)") }

        let request = Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "send: errno \(errno)") }
            sent += n
        }

        var raw: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { break }
            guard n > 0 else { throw Failure(description: "recv: errno \(errno)") }
            raw.append(contentsOf: chunk[..<n])
            if let response = complete(raw) { return response }
        }
        guard let response = parse(raw) else { throw Failure(description: "malformed response") }
        return response
    }

    /// Returns the response once headers plus `Content-Length` bytes have arrived.
    private static func complete(_ raw: [UInt8]) -> Response? {
        guard let response = parse(raw), let length = response.headers["content-length"].flatMap(Int.init),
              response.body.count >= length else { return nil }
        return response
    }

    private static func parse(_ raw: [UInt8]) -> Response? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = raw.indices.dropLast(3).first(where: { Array(raw[$0..<$0 + 4]) == separator }) else { return nil }
        let head = String(decoding: raw[..<end], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Array(raw[(end + 4)...]))
    }
}
