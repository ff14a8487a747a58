public import AsymCore

/// A venue's frame decoder: raw WebSocket text in, `FrameBatch` out, no allocation.
///
/// The engine is generic over `Codec: FrameCodec` (specialised, never an existential) so a decode
/// is a direct, inlinable call. Implementations: `BybitCodec`, `BinanceCodec`, `OKXCodec`.
public protocol FrameCodec: Sendable {
    /// The venue this codec speaks.
    static var venue: Venue { get }

    /// Decodes one text frame into `batch`, replacing its previous contents.
    ///
    /// Throws on malformed, truncated or oversized input; a frame that is valid but not relevant
    /// (another channel, an unregistered symbol) decodes as `MessageKind.ignored`.
    func decode(_ frame: UnsafeRawBufferPointer, into batch: FrameBatch) throws(DecodeError)
}
