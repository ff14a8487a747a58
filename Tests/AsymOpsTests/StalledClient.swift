#if canImport(Glibc)
import Glibc
#endif

/// A loopback TCP client that sends (part of) a request and then neither sends nor reads, to hold a server
/// connection open.
final class StalledClient {
    private let fd: Int32

    /// Connects to 127.0.0.1:`port` and sends `partialRequest`; nil if that fails. The receive buffer is kept small
    /// so a large response soon stops the server's writes.
    init?(port: Int, partialRequest: String) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var receiveBuffer: Int32 = 4096
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            // Safety: sockaddr_in is layout-compatible with the sockaddr prefix connect reads; it outlives the call.
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        let bytes = Array(partialRequest.utf8)
        // Safety: `bytes` is a live array for the duration of the call.
        guard connected == 0, bytes.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == bytes.count
        else {
            close(fd)
            return nil
        }
    }

    /// Whether the server has closed the connection: reading what it sent, without blocking, ends in end-of-file
    /// or a reset rather than "nothing yet".
    var serverClosed: Bool {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if count > 0 { continue }
            return count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)
        }
    }

    deinit { close(fd) }
}
