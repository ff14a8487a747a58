/// Errors thrown by ``WebSocketClient`` and ``WebSocketServer``.
public enum WebSocketError: Error, Hashable, Sendable {
    /// The URL is not a valid `ws://` or `wss://` URL.
    case invalidURL(String)
    /// A configuration value is out of range (e.g. a ping payload over 125 bytes).
    case invalidArgument(String)
    /// `lws_create_context` failed (bad certificate/key path, or the listen port is taken).
    case contextCreationFailed(String)
    /// The service thread could not be started (`pthread_create`).
    case threadStartFailed(Errno)
    /// The connection attempt failed before the WebSocket handshake completed.
    case connectFailed(reason: String)
    /// The TLS handshake failed, typically certificate verification.
    case tlsFailed(reason: String)
    /// A blocking call did not complete within its deadline.
    case timedOut
    /// The peer closed the connection with this close code and reason.
    case closedByPeer(code: WebSocketCloseCode, reason: String)
    /// A received message exceeded the configured maximum size; the connection was closed with 1009.
    case messageTooLarge(limit: Int)
    /// There is no open connection to send on.
    case notConnected
    /// `connect` was called while a connection is open or being opened.
    case alreadyConnected
    /// The server has no open connection with this identifier.
    case unknownConnection(WebSocketConnectionID)
    /// A blocking call was made from the service thread, where it would deadlock.
    case calledOnServiceThread
    /// The client or server has been shut down.
    case shutDown
}
