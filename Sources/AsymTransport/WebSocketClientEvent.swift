/// A lifecycle or data event delivered to a ``WebSocketClient`` handler on its service thread.
///
/// Buffers are borrowed from libwebsockets or the connection's reassembly buffer and are valid
/// only for the duration of the handler call: copy out what you need, never escape them.
public enum WebSocketClientEvent {
    /// The WebSocket handshake completed (`LWS_CALLBACK_CLIENT_ESTABLISHED`).
    case connected
    /// A whole message, reassembled from continuation frames if it was fragmented.
    case message(WebSocketOpcode, UnsafeRawBufferPointer)
    /// A pong arrived, answering one of our pings (`LWS_CALLBACK_CLIENT_RECEIVE_PONG`).
    case pong(UnsafeRawBufferPointer)
    /// The connection closed. The code is the peer's if it sent a close frame, ours if we
    /// initiated it, or ``WebSocketCloseCode/abnormalClosure`` if the connection simply dropped.
    case closed(WebSocketCloseCode, reason: String)
    /// The connection failed or was aborted (connect/TLS failure, oversized message).
    case connectionError(WebSocketError)
}
