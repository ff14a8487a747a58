/// What a `MarketDataProcessor` has seen, for `asym book`, `asym replay` and the metrics.
public struct FeedCounters: Sendable, Equatable {
    /// Frames offered to the processor.
    public var frames = 0
    /// Bytes in those frames.
    public var bytes = 0
    /// Frames that changed a book (snapshots and applied deltas, buffered ones included when drained).
    public var bookUpdates = 0
    /// Individual level changes applied.
    public var levelUpdates = 0
    /// Trades decoded.
    public var trades = 0
    /// Sequence gaps detected (book marked invalid, resync requested).
    public var gaps = 0
    /// Resyncs completed: a snapshot restored a book after a gap or a lost frame.
    public var resyncs = 0
    /// Frames after which a book was crossed or locked.
    public var crossed = 0
    /// Frames that failed to decode (malformed, truncated, oversized).
    public var decodeErrors = 0
    /// OKX checksum mismatches (treated as gaps).
    public var checksumMismatches = 0
    /// Acks, pongs, notices and venue errors.
    public var controlMessages = 0
    /// Well-formed frames for other channels or symbols.
    public var ignored = 0
    /// Book frames held until a snapshot (Binance).
    public var buffered = 0
    /// Book frames dropped as stale or arriving before any snapshot.
    public var dropped = 0
    /// Buffered frames lost because the buffer was full (the book then waits for the next snapshot).
    public var bufferOverflows = 0
}
