/// The data opcode of a WebSocket message (RFC 6455 §5.2).
///
/// Only data opcodes are surfaced; control frames (ping/pong/close) have their own events.
public enum WebSocketOpcode: Sendable, Hashable {
    /// A UTF-8 text message (`LWS_WRITE_TEXT`).
    case text
    /// A binary message (`LWS_WRITE_BINARY`).
    case binary
}
