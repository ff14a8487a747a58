/// A WebSocket close status code (RFC 6455 §7.4), e.g. `1000` normal or `4001` application-defined.
public struct WebSocketCloseCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The 16-bit code carried in the close frame.
    public let rawValue: UInt16

    /// Creates a close code from its wire value.
    @inlinable
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// `1000`: normal closure.
    public static var normal: WebSocketCloseCode { .init(rawValue: 1000) }
    /// `1001`: endpoint going away (server shutdown, page navigation).
    public static var goingAway: WebSocketCloseCode { .init(rawValue: 1001) }
    /// `1002`: protocol error.
    public static var protocolError: WebSocketCloseCode { .init(rawValue: 1002) }
    /// `1003`: unacceptable data type.
    public static var unsupportedData: WebSocketCloseCode { .init(rawValue: 1003) }
    /// `1005`: the close frame carried no status code (never sent on the wire).
    public static var noStatus: WebSocketCloseCode { .init(rawValue: 1005) }
    /// `1006`: the connection dropped without a close frame (never sent on the wire).
    public static var abnormalClosure: WebSocketCloseCode { .init(rawValue: 1006) }
    /// `1007`: payload inconsistent with the message type.
    public static var invalidPayload: WebSocketCloseCode { .init(rawValue: 1007) }
    /// `1008`: policy violation.
    public static var policyViolation: WebSocketCloseCode { .init(rawValue: 1008) }
    /// `1009`: message too big to process.
    public static var messageTooBig: WebSocketCloseCode { .init(rawValue: 1009) }
    /// `1011`: unexpected server condition.
    public static var internalError: WebSocketCloseCode { .init(rawValue: 1011) }

    /// The decimal code, e.g. `"1001"`.
    public var description: String { String(rawValue) }
}
