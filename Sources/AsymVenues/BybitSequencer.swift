/// Bybit V5 `orderbook.{depth}` sequencing: every `snapshot` resets the book; deltas apply in order.
///
/// Bybit publishes no previous-id field, so a delta gap cannot be detected: the snapshot is the only
/// resync point (PROTOCOLS.md §1 "Rules"). A snapshot with `u == 1` is a service restart (counted in
/// `restarts`) and, like any snapshot, overwrites the book. Deltas before the first snapshot are dropped
/// (the venue sends a snapshot right after subscribing; if it never comes, resubscribe). A delta whose `u`
/// does not increase is not a documented error: it is applied and counted in `nonIncreasingUpdates`,
/// never reported as a gap. Allocation-free.
public struct BybitSequencer: Sendable {
    @usableFromInline var storedState: SequencerState = .awaitingSnapshot
    @usableFromInline var storedLastUpdateID: Int64 = 0
    @usableFromInline var storedCounters = SequencerCounters()
    @usableFromInline var recovering = false

    /// A sequencer awaiting its first snapshot.
    public init() {}

    /// `.awaitingSnapshot` or `.live` (Bybit never synchronises from REST).
    @inlinable public var state: SequencerState { storedState }
    /// `u` of the last accepted snapshot or delta.
    @inlinable public var lastUpdateID: Int64 { storedLastUpdateID }
    /// Running counts.
    @inlinable public var counters: SequencerCounters { storedCounters }
    /// Bybit has no gap verdict; present for uniform glue code.
    @inlinable public var gapEventStartsBuffer: Bool { false }

    /// A `snapshot` message with update id `u`: always `.resetThenApply`.
    @inlinable
    public mutating func onSnapshot(updateID: Int64) -> SequencerAction {
        storedCounters.snapshots &+= 1
        if updateID == 1 { storedCounters.restarts &+= 1 }
        if recovering {
            storedCounters.resyncs &+= 1
            recovering = false
        }
        storedState = .live
        storedLastUpdateID = updateID
        return .resetThenApply
    }

    /// A `delta` message with update id `u`: `.apply` once a snapshot has been seen, else `.drop`.
    @inlinable
    public mutating func onDelta(updateID: Int64) -> SequencerAction {
        guard storedState == .live else {
            storedCounters.unsyncedDrops &+= 1
            return .drop
        }
        if updateID <= storedLastUpdateID { storedCounters.nonIncreasingUpdates &+= 1 }
        storedLastUpdateID = updateID
        return .apply
    }

    /// Caller-driven resync (disconnect, stale book): drop deltas until the next snapshot.
    @inlinable
    public mutating func invalidate() {
        storedCounters.invalidations &+= 1
        storedState = .awaitingSnapshot
        recovering = true
    }
}
