#if canImport(Glibc)
import Glibc
#endif

extension LoopbackHTTPServer {
    /// Runs `body` with a 127.0.0.1 port whose TCP handshake never completes, to provoke connect timeouts.
    ///
    /// A listener with backlog 0 that never accepts is filled by one connection of our own; Linux then drops
    /// further SYNs (accept queue full), so a client's connect hangs until its own timeout.
    public static func withUnresponsivePort<Result>(_ body: (UInt16) throws -> Result) throws -> Result {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        defer {
            close(filler)
            close(listener)
        }
        guard listener >= 0, filler >= 0 else { throw LoopbackHTTPServerError(operation: "socket", errno: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        // Safety: `address` is a live sockaddr_in and `length` is its exact size.
        let ready = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && listen(listener, 0) == 0
                    && getsockname(listener, pointer, &length) == 0 && connect(filler, pointer, length) == 0
            }
        }
        guard ready else { throw LoopbackHTTPServerError(operation: "bind/listen/connect", errno: errno) }
        return try body(UInt16(bigEndian: address.sin_port))
    }
}
