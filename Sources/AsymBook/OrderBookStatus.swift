/// Whether an `OrderBook` mirrors the venue's book.
public enum OrderBookStatus: UInt8, Sendable, BitwiseCopyable {
    /// Never synchronised, or invalidated after a sequence gap: waiting for a snapshot. Levels may be
    /// stale and must not be traded on.
    case resyncing
    /// Rebuilt from a snapshot and kept in sequence since.
    case valid
}
