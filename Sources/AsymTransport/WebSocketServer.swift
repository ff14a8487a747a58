/// A WebSocket server over libwebsockets for loopback test peers and exchange emulation:
/// accepts many clients, answers plain HTTP GET on the same port, optional TLS.
///
/// Events are delivered to the handler on the service thread; the other methods may be
/// called from any thread (writes are queued to the service thread).
public final class WebSocketServer: Sendable {
    private let core: WebSocketServerCore

    /// Binds, listens and starts the service thread (`lws_create_context`).
    ///
    /// - Parameters:
    ///   - configuration: Address, port (0 ⇒ ephemeral) and optional TLS files.
    ///   - httpHandler: Answers plain HTTP GETs by path and query; `nil` ⇒ 404 for everything.
    ///   - handler: Receives connection events on the service thread.
    public init(
        configuration: WebSocketServerConfiguration = WebSocketServerConfiguration(),
        httpHandler: (@Sendable (WebSocketHTTPRequest) -> WebSocketHTTPResponse)? = nil,
        onEvent handler: @escaping @Sendable (WebSocketServerEvent) -> Void
    ) throws(WebSocketError) {
        core = WebSocketServerCore(configuration: configuration, httpHandler: httpHandler, handler: handler)
        try core.start().get()
    }

    deinit {
        core.shutdown()
    }

    /// The port actually bound (`lws_get_vhost_listen_port`), useful when configured with 0.
    public var port: UInt16 { core.port }

    /// The open WebSocket connections, oldest first.
    public var connections: [WebSocketServerConnection] { core.connections }

    /// The open connection with this id, including its request path, query and headers.
    public func connection(_ id: WebSocketConnectionID) -> WebSocketServerConnection? {
        core.connection(id)
    }

    /// Queues one message to a client (`lws_write`).
    public func send(_ bytes: [UInt8], opcode: WebSocketOpcode = .binary, to id: WebSocketConnectionID) throws(WebSocketError) {
        try sendFragmented([bytes], opcode: opcode, to: id)
    }

    /// Queues one text message to a client.
    public func send(text: String, to id: WebSocketConnectionID) throws(WebSocketError) {
        try send(Array(text.utf8), opcode: .text, to: id)
    }

    /// Queues one message split into the given frames: the first with the opcode, the rest as
    /// continuations, all but the last with `LWS_WRITE_NO_FIN`.
    public func sendFragmented(_ fragments: [[UInt8]], opcode: WebSocketOpcode, to id: WebSocketConnectionID) throws(WebSocketError) {
        try core.enqueue(Self.frames(fragments, opcode: opcode), to: [id]).get()
    }

    /// Queues one message to every open connection.
    public func broadcast(_ bytes: [UInt8], opcode: WebSocketOpcode = .binary) throws(WebSocketError) {
        try core.enqueue(Self.frames([bytes], opcode: opcode), to: nil).get()
    }

    /// Queues a ping to a client (`LWS_WRITE_PING`), as exchanges do; lws clients answer by themselves.
    public func ping(_ id: WebSocketConnectionID, payload: [UInt8] = []) throws(WebSocketError) {
        guard payload.count <= 125 else { throw .invalidArgument("ping payload over 125 bytes") }
        // Safety: the view is only read (copied) inside the closure.
        let frame = payload.withUnsafeBytes { WebSocketOutgoingFrame.data($0, writeProtocol: WebSocketOutgoingFrame.pingProtocol) }
        try core.enqueue([frame], to: [id]).get()
    }

    /// Closes a client with a code and reason after its queued messages (`lws_close_reason`).
    public func close(_ id: WebSocketConnectionID, code: WebSocketCloseCode = .normal, reason: String = "") throws(WebSocketError) {
        try core.enqueue([.close(code, reason: Array(reason.utf8.prefix(123)))], to: [id]).get()
    }

    /// Stops the service thread and destroys the context, dropping all clients (they see 1006).
    /// Idempotent; also done by `deinit`.
    public func shutdown() {
        core.shutdown()
    }

    private static func frames(_ fragments: [[UInt8]], opcode: WebSocketOpcode) -> [WebSocketOutgoingFrame] {
        let parts = fragments.isEmpty ? [[]] : fragments
        return parts.enumerated().map { index, bytes in
            let writeProtocol = WebSocketOutgoingFrame.writeProtocol(
                opcode, isFirst: index == 0, isLast: index == parts.count - 1)
            // Safety: the view is only read (copied) inside the closure.
            return bytes.withUnsafeBytes { WebSocketOutgoingFrame.data($0, writeProtocol: writeProtocol) }
        }
    }
}
