/// How the best bid and best ask related at the end of the last frame (`OrderBook.endFrame(at:)`).
public enum BookCrossing: UInt8, Sendable, BitwiseCopyable {
    /// Best bid < best ask, or a side is empty.
    case none
    /// Best bid == best ask.
    case locked
    /// Best bid > best ask.
    case crossed
}
