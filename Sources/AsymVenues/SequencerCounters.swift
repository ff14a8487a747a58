/// Running counts a venue sequencer keeps for monitoring; fields a venue cannot produce stay zero.
public struct SequencerCounters: Hashable, Sendable, BitwiseCopyable {
    /// Snapshots accepted (`.resetThenApply`).
    public var snapshots: Int = 0
    /// `.gap` verdicts.
    public var gaps: Int = 0
    /// Returns to `live` after a gap or `invalidate()`.
    public var resyncs: Int = 0
    /// `invalidate()` calls (caller-driven resyncs, e.g. a reconnect).
    public var invalidations: Int = 0
    /// Events dropped because the book already holds them (older than the snapshot, or a duplicate).
    public var staleDrops: Int = 0
    /// Events dropped because no snapshot has arrived yet (Bybit, OKX WebSocket bootstrap).
    public var unsyncedDrops: Int = 0
    /// `.buffer` verdicts.
    public var buffered: Int = 0
    /// Bybit snapshots with `u == 1` (service restart).
    public var restarts: Int = 0
    /// Bybit deltas whose `u` did not increase (undocumented; applied, not treated as a gap).
    public var nonIncreasingUpdates: Int = 0
    /// OKX keep-alive updates (`seqId == prevSeqId`).
    public var keepAlives: Int = 0
    /// OKX post-maintenance sequence resets (`seqId < prevSeqId`).
    public var sequenceResets: Int = 0
    /// OKX WebSocket snapshots ignored during a REST bootstrap.
    public var ignoredSnapshots: Int = 0
    /// REST snapshots rejected as older than the buffered stream (`.retrySnapshot`).
    public var retriedSnapshots: Int = 0

    /// All zero.
    public init() {}
}
