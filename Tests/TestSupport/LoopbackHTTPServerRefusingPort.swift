#if canImport(Glibc)
import Glibc
#endif

extension LoopbackHTTPServer {
    /// Runs `body` with a 127.0.0.1 port that refuses connections.
    ///
    /// The port is held by a bound socket that never listens, so connecting gets a RST (`ECONNREFUSED`)
    /// and no concurrently running test can be handed the same port meanwhile.
    public static func withRefusingPort<Result>(_ body: (UInt16) throws -> Result) throws -> Result {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw LoopbackHTTPServerError(operation: "socket", errno: errno) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        // Safety: `address` is a live sockaddr_in and `length` is its exact size.
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw LoopbackHTTPServerError(operation: "bind", errno: errno) }
        return try body(UInt16(bigEndian: address.sin_port))
    }
}
