/// Binance USD-M futures diff-depth sequencing, the documented local-book procedure (PROTOCOLS.md §2;
/// futures rules, not spot's):
///
/// 1. Until a REST snapshot arrives every event is `.buffer`: the caller keeps the frames.
/// 2. `onSnapshot(lastUpdateID:)` returns `.resetThenApply`; the caller applies the snapshot, then feeds the
///    kept frames back through `onDepthUpdate` in order, then live frames.
/// 3. Events with `u < lastUpdateId` are `.drop`.
/// 4. The first applied event must bridge: `U <= lastUpdateId <= u`; otherwise `.gap` (snapshot too old:
///    refetch it).
/// 5. Afterwards each event's `pu` must equal the previous applied `u`, otherwise `.gap` (refetch).
///
/// On `.gap` the event is not applied but starts the new buffer (`gapEventStartsBuffer`), because it may
/// bridge the next snapshot. One extension to the documented procedure: once live, an event with
/// `u <= previous u` carries nothing new (ids only grow), so it is `.drop` (counted in `staleDrops`)
/// rather than a gap; applying its absolute sizes would regress the book. Allocation-free.
public struct BinanceSequencer: Sendable {
    @usableFromInline var storedState: SequencerState = .awaitingSnapshot
    @usableFromInline var storedLastUpdateID: Int64 = 0
    @usableFromInline var storedCounters = SequencerCounters()
    @usableFromInline var recovering = false

    /// A sequencer awaiting its first REST snapshot.
    public init() {}

    /// Where the procedure stands.
    @inlinable public var state: SequencerState { storedState }
    /// The snapshot's `lastUpdateId` while `.synchronizing`, else the last applied `u`.
    @inlinable public var lastUpdateID: Int64 { storedLastUpdateID }
    /// Running counts.
    @inlinable public var counters: SequencerCounters { storedCounters }
    /// `true`: the event that reported `.gap` is the first frame of the new buffer.
    @inlinable public var gapEventStartsBuffer: Bool { true }

    /// A REST `/fapi/v1/depth` snapshot: always `.resetThenApply`; then drain the buffer.
    @inlinable
    public mutating func onSnapshot(lastUpdateID: Int64) -> SequencerAction {
        storedCounters.snapshots &+= 1
        storedState = .synchronizing
        storedLastUpdateID = lastUpdateID
        return .resetThenApply
    }

    /// A `depthUpdate` event with first id `U`, final id `u` and previous final id `pu`.
    @inlinable
    public mutating func onDepthUpdate(
        firstUpdateID: Int64, finalUpdateID: Int64, previousFinalUpdateID: Int64
    ) -> SequencerAction {
        switch storedState {
        case .awaitingSnapshot:
            storedCounters.buffered &+= 1
            return .buffer
        case .synchronizing:
            if finalUpdateID < storedLastUpdateID {
                storedCounters.staleDrops &+= 1
                return .drop
            }
            guard firstUpdateID <= storedLastUpdateID else { return gap() }
            storedState = .live
            storedLastUpdateID = finalUpdateID
            if recovering {
                storedCounters.resyncs &+= 1
                recovering = false
            }
            return .apply
        case .live:
            if previousFinalUpdateID == storedLastUpdateID {
                storedLastUpdateID = finalUpdateID
                return .apply
            }
            if finalUpdateID <= storedLastUpdateID {
                storedCounters.staleDrops &+= 1
                return .drop
            }
            return gap()
        }
    }

    @inlinable
    mutating func gap() -> SequencerAction {
        storedCounters.gaps &+= 1
        storedState = .awaitingSnapshot
        recovering = true
        return .gap
    }

    /// Caller-driven resync (disconnect, stale book): buffer until the next snapshot.
    @inlinable
    public mutating func invalidate() {
        storedCounters.invalidations &+= 1
        storedState = .awaitingSnapshot
        recovering = true
    }
}
