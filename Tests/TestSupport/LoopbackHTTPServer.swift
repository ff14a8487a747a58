#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A small HTTP/1.1 server on 127.0.0.1 for client tests: POSIX sockets, one thread per connection, keep-alive,
/// a scriptable route table, and a count of accepted TCP connections so tests can prove connection reuse.
///
/// Unknown paths answer 404. Bodies need `Content-Length` (no chunked uploads). Anything that does not start
/// like an HTTP/1.x request line (a TLS ClientHello, the HTTP/2 preface) gets a 400 and a close. Call ``stop()``
/// when done.
///
/// `Sendable`: the descriptor and port are immutable and all mutable state sits behind one `Mutex`.
public final class LoopbackHTTPServer: Sendable {
    /// The ephemeral port the kernel assigned.
    public let port: UInt16
    private let listener: Int32
    private let state = Mutex(State())

    private struct State: ~Copyable {
        var routes: [String: Route] = [:]
        var acceptedConnections = 0
        var requests: [RecordedRequest] = []
        var connections: Set<Int32> = []
        var connectionThreads: [pthread_t] = []
        var acceptThread: pthread_t?
        var stopped = false
    }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// `baseURL` + `path`.
    public func url(_ path: String) -> String { baseURL + path }

    /// TCP connections accepted so far.
    public var acceptedConnections: Int { state.withLock { $0.acceptedConnections } }

    /// Every request received so far, in arrival order.
    public var recordedRequests: [RecordedRequest] { state.withLock { $0.requests } }

    /// Binds 127.0.0.1:0, listens and starts the accept thread.
    public init(routes: [String: Route] = [:]) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw LoopbackHTTPServerError(operation: "socket", errno: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        // Safety: `address` is a live sockaddr_in and `length` is its exact size.
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 128) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else {
            let failure = LoopbackHTTPServerError(operation: "bind/listen", errno: errno)
            close(fd)
            throw failure
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        state.withLock { $0.routes = routes }
        guard let thread = LoopbackHTTPServerThread.spawn({ [self] in acceptLoop() }) else {
            close(fd)
            throw LoopbackHTTPServerError(operation: "pthread_create", errno: errno)
        }
        state.withLock { $0.acceptThread = thread }
    }

    /// Adds or replaces the route for `path` (matched without the query string).
    public func setRoute(_ path: String, _ route: Route) {
        state.withLock { $0.routes[path] = route }
    }

    /// Closes the listener and every connection, then joins all server threads. Idempotent.
    public func stop() {
        let acceptThread: pthread_t? = state.withLock { state in
            guard !state.stopped else { return nil }
            state.stopped = true
            // Wakes the blocked accept (EINVAL) and every blocked recv/poll (EOF).
            shutdown(listener, Int32(SHUT_RDWR))
            for connection in state.connections { shutdown(connection, Int32(SHUT_RDWR)) }
            return state.acceptThread
        }
        guard let acceptThread else { return }
        pthread_join(acceptThread, nil)
        // The accept thread is gone, so no thread is added after this snapshot.
        for thread in state.withLock({ $0.connectionThreads }) { pthread_join(thread, nil) }
        close(listener)
    }

    // MARK: - Threads

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)  // Safety: null address out-params are allowed
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            var one: Int32 = 1
            // Safety: `one` is a live Int32 and the length says so.
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let accepted = state.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.acceptedConnections += 1
                state.connections.insert(fd)
                guard let thread = LoopbackHTTPServerThread.spawn({ [self] in serve(fd) }) else {
                    state.connections.remove(fd)
                    return false
                }
                state.connectionThreads.append(thread)
                return true
            }
            if !accepted {
                close(fd)
                if state.withLock({ $0.stopped }) { return }
            }
        }
    }

    /// Serves requests on one connection until the peer closes, asks to close, or the server stops.
    private func serve(_ fd: Int32) {
        defer {
            // Close under the lock so stop() never shuts down a descriptor number that has been reused.
            state.withLock { state in
                state.connections.remove(fd)
                close(fd)
            }
        }
        var buffer: [UInt8] = []
        while true {
            switch parseRequest(&buffer) {
            case .incomplete:
                guard receive(fd, into: &buffer) else { return }
            case .malformed:
                _ = send(fd, Self.response(status: 400, headers: [("Connection", "close")], body: []))
                return
            case .request(let request, let keepAlive):
                let route = state.withLock { state in
                    state.requests.append(request)
                    let path = request.target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
                    return state.routes[path]
                }
                guard let route else {
                    guard send(fd, Self.response(status: 404, headers: [], body: Array("not found".utf8))) else { return }
                    if keepAlive { continue } else { return }
                }
                if route.delayMilliseconds > 0, !waitWhileConnected(fd, milliseconds: route.delayMilliseconds) { return }
                var headers = route.headers
                var body = route.body
                if route.echo {
                    headers += [("X-Echo-Method", request.method), ("X-Echo-Path", request.target)]
                    headers += request.headers.map { ("X-Echo-\($0.name)", $0.value) }
                    body = request.body
                }
                if !keepAlive { headers.append(("Connection", "close")) }
                guard send(fd, Self.response(status: route.status, headers: headers, body: body)), keepAlive else { return }
            }
        }
    }

    // MARK: - HTTP

    private enum Parse {
        case incomplete
        case malformed
        case request(RecordedRequest, keepAlive: Bool)
    }

    /// Takes one complete request off the front of `buffer`, if there is one.
    private func parseRequest(_ buffer: inout [UInt8]) -> Parse {
        guard let first = buffer.first else { return .incomplete }
        guard first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") else { return .malformed }
        guard let headerEnd = Self.find([13, 10, 13, 10], in: buffer) else {
            return buffer.count > 65_536 ? .malformed : .incomplete
        }
        let head = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let requestLine = lines.removeFirst().split(separator: " ").map(String.init)
        if requestLine == ["PRI", "*", "HTTP/2.0"] {
            // The HTTP/2 connection preface: recorded so tests can see a client tried h2c, then refused.
            state.withLock { $0.requests.append(RecordedRequest(method: "PRI", target: "*", headers: [], body: [])) }
            return .malformed
        }
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1.") else { return .malformed }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { return .malformed }
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            headers.append((String(line[..<colon]), String(value)))
        }
        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name }?.value.lowercased() }
        if header("transfer-encoding") != nil { return .malformed }
        let length = Int(header("content-length") ?? "0") ?? -1
        guard length >= 0 else { return .malformed }
        let bodyStart = headerEnd + 4
        guard buffer.count >= bodyStart + length else { return .incomplete }
        let body = Array(buffer[bodyStart..<bodyStart + length])
        buffer.removeFirst(bodyStart + length)
        let keepAlive = requestLine[2] == "HTTP/1.1" && header("connection") != "close"
        let request = RecordedRequest(method: requestLine[0], target: requestLine[1], headers: headers, body: body)
        return .request(request, keepAlive: keepAlive)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { start in
            (0..<needle.count).allSatisfy { haystack[start + $0] == needle[$0] }
        }
    }

    private static func response(status: Int, headers: [(name: String, value: String)], body: [UInt8]) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(reason(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        return Array(head.utf8) + body
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }

    // MARK: - Sockets

    /// Appends what one `recv` returns; false on EOF or error.
    private func receive(_ fd: Int32, into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            // Safety: `chunk` is alive and `count` bytes long for the closure.
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer += chunk[..<count]
                return true
            }
            if count < 0 && errno == EINTR { continue }
            return false
        }
    }

    /// Sends everything; `MSG_NOSIGNAL` so a client that gave up yields EPIPE, not SIGPIPE.
    private func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            // Safety: the range [sent, count) lies inside `bytes`, alive for the closure.
            let count = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// Sleeps up to `milliseconds`; false as soon as the peer hangs up or the server stops.
    private func waitWhileConnected(_ fd: Int32, milliseconds: Int) -> Bool {
        let peerHungUp: Int16 = 0x2000  // POLLRDHUP: Linux-only, needs _GNU_SOURCE, so Glibc does not export it
        var descriptor = pollfd(fd: fd, events: peerHungUp, revents: 0)
        // Safety: `descriptor` is one live pollfd, matching the count of 1.
        let ready = poll(&descriptor, 1, Int32(clamping: milliseconds))
        return ready == 0
    }
}
