/// A lifecycle or data event delivered to a ``WebSocketServer`` handler on its service thread.
///
/// Buffers are valid only for the duration of the handler call; never escape them.
public enum WebSocketServerEvent {
    /// A client completed the WebSocket handshake (`LWS_CALLBACK_ESTABLISHED`).
    case connected(WebSocketServerConnection)
    /// A whole message from a client, reassembled if it was fragmented.
    case message(WebSocketConnectionID, WebSocketOpcode, UnsafeRawBufferPointer)
    /// A client answered one of our pings (`LWS_CALLBACK_RECEIVE_PONG`).
    case pong(WebSocketConnectionID, UnsafeRawBufferPointer)
    /// A client connection closed, with the peer's code, ours, or `1006` for a drop.
    case closed(WebSocketConnectionID, WebSocketCloseCode)
}
