/// A WebSocket client (`ws://`, `wss://`) over libwebsockets, with its own service thread.
///
/// Events — connected, whole messages, pongs, close, errors — are delivered to the handler on
/// the service thread (named from ``WebSocketClientConfiguration/threadName``). All other
/// methods may be called from any thread; sends are queued and written by the service thread.
/// After a `.closed` or `.connectionError` event, call ``connect(to:headers:)`` or
/// ``reconnect()`` again on the same object.
public final class WebSocketClient: Sendable {
    private let core: WebSocketClientCore

    /// Creates the lws context and starts the service thread; does not connect yet.
    /// The handler runs on the service thread; buffers it receives are valid only during the call.
    public init(
        configuration: WebSocketClientConfiguration = WebSocketClientConfiguration(),
        onEvent handler: @escaping @Sendable (WebSocketClientEvent) -> Void
    ) throws(WebSocketError) {
        core = WebSocketClientCore(configuration: configuration, handler: handler)
        try core.start().get()
    }

    deinit {
        core.shutdown()
    }

    /// The configuration this client was created with.
    public var configuration: WebSocketClientConfiguration { core.configuration }

    /// Whether the handshake completed and no close has started.
    public var isConnected: Bool { core.isConnected }

    /// Connects and blocks until the handshake completes or fails (`lws_client_connect_via_info`).
    ///
    /// - Parameters:
    ///   - url: `ws://` or `wss://` URL; path and query are sent as the request target.
    ///   - headers: Extra handshake request headers.
    /// - Throws: ``WebSocketError/connectFailed(reason:)``, ``WebSocketError/tlsFailed(reason:)``,
    ///   ``WebSocketError/timedOut``, ``WebSocketError/alreadyConnected``, and others.
    public func connect(to url: String, headers: [String: String] = [:]) throws(WebSocketError) {
        try core.connect(url: url, headers: headers).get()
    }

    /// Connects again to the URL and headers of the last ``connect(to:headers:)``.
    public func reconnect() throws(WebSocketError) {
        try core.reconnect().get()
    }

    /// Queues one message (`lws_write` with `LWS_WRITE_TEXT`/`LWS_WRITE_BINARY`); copies `payload`.
    public func send(_ payload: UnsafeRawBufferPointer, opcode: WebSocketOpcode) throws(WebSocketError) {
        // Safety: `payload` only needs to be valid for this call; it is copied before queueing.
        let writeProtocol = WebSocketOutgoingFrame.writeProtocol(opcode, isFirst: true, isLast: true)
        try core.enqueue([.data(payload, writeProtocol: writeProtocol)]).get()
    }

    /// Queues one binary (or text) message from bytes.
    public func send(_ bytes: [UInt8], opcode: WebSocketOpcode = .binary) throws(WebSocketError) {
        // Safety: the view is only read (copied) inside the closure.
        let frame = bytes.withUnsafeBytes { payload in
            WebSocketOutgoingFrame.data(payload, writeProtocol: WebSocketOutgoingFrame.writeProtocol(opcode, isFirst: true, isLast: true))
        }
        try core.enqueue([frame]).get()
    }

    /// Queues one text message.
    public func send(text: String) throws(WebSocketError) {
        try send(Array(text.utf8), opcode: .text)
    }

    /// Queues a ping (`LWS_WRITE_PING`); the answer arrives as a `.pong` event.
    /// - Throws: ``WebSocketError/invalidArgument(_:)`` if `payload` exceeds 125 bytes.
    public func ping(_ payload: [UInt8] = []) throws(WebSocketError) {
        guard payload.count <= 125 else { throw .invalidArgument("ping payload over 125 bytes") }
        // Safety: the view is only read (copied) inside the closure.
        let frame = payload.withUnsafeBytes { WebSocketOutgoingFrame.data($0, writeProtocol: WebSocketOutgoingFrame.pingProtocol) }
        try core.enqueue([frame]).get()
    }

    /// Starts a close handshake after already queued messages (`lws_close_reason`).
    /// The `.closed` event follows once the connection is down.
    public func close(code: WebSocketCloseCode = .normal, reason: String = "") throws(WebSocketError) {
        try core.enqueue([.close(code, reason: Array(reason.utf8.prefix(123)))], closing: true).get()
    }

    /// Stops the service thread and destroys the lws context, dropping any connection.
    /// Idempotent; also done by `deinit`.
    public func shutdown() {
        core.shutdown()
    }
}
