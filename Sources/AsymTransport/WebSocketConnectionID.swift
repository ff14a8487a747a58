/// Identifies one WebSocket connection accepted by a ``WebSocketServer``.
public struct WebSocketConnectionID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// A server-unique, never reused, non-zero number.
    public let rawValue: UInt64

    /// Wraps a raw identifier.
    @inlinable
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// `"#<n>"`.
    public var description: String { "#\(rawValue)" }
}
