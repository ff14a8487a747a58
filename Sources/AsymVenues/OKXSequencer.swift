/// OKX V5 order-book sequencing by `prevSeqId` chaining (PROTOCOLS.md §3 "Sequence" and "Announced REST
/// bootstrap"; checksums are deprecated, G2).
///
/// Once live, an update is valid exactly when its `prevSeqId` equals the last `seqId`; that covers the two
/// documented exceptions: a keep-alive (`seqId == prevSeqId`, empty sides; counted in `keepAlives`) and a
/// post-maintenance reset (`seqId < prevSeqId`; counted in `sequenceResets`). The doc example
/// (-1→10), (10→15), (15→15), (15→3), (3→5) is all valid. Any other `prevSeqId` is a `.gap`, except an
/// exact repeat of the last applied update, which is `.drop` (a duplicate carries nothing new).
///
/// REST bootstrap (`onRESTSnapshot(seqID:)`, usable in either mode): updates before it are `.buffer`; a
/// snapshot older than the first buffered `prevSeqId` is `.retrySnapshot`; after it, buffered updates with
/// `seqId <= S` are `.drop`, and the first applied one must satisfy `prevSeqId <= S < seqId`, else `.gap`.
/// Allocation-free.
public struct OKXSequencer: Sendable {
    @usableFromInline let bootstrap: OKXSequencerBootstrap
    @usableFromInline var storedState: SequencerState = .awaitingSnapshot
    /// Last applied `seqId`, or the REST snapshot's `seqId` while synchronizing.
    @usableFromInline var storedLastSeqID: Int64 = 0
    @usableFromInline var lastPreviousSeqID: Int64 = -1
    @usableFromInline var firstBufferedPreviousSeqID: Int64 = 0
    @usableFromInline var hasBuffered = false
    @usableFromInline var storedCounters = SequencerCounters()
    @usableFromInline var recovering = false

    /// A sequencer awaiting its first snapshot of the given kind.
    public init(bootstrap: OKXSequencerBootstrap = .websocketSnapshot) {
        self.bootstrap = bootstrap
    }

    /// Where the procedure stands.
    @inlinable public var state: SequencerState { storedState }
    /// The last applied `seqId` (the REST snapshot's while `.synchronizing`).
    @inlinable public var lastSeqID: Int64 { storedLastSeqID }
    /// Running counts.
    @inlinable public var counters: SequencerCounters { storedCounters }
    /// With the REST bootstrap the event that reported `.gap` starts the new buffer; with WebSocket
    /// snapshots it is discarded (resubscribe).
    @inlinable public var gapEventStartsBuffer: Bool { bootstrap == .restSnapshot }

    /// A WebSocket `snapshot` push (`prevSeqId == -1`): `.resetThenApply`, or `.drop` while a REST
    /// bootstrap is pending (the doc says to ignore it).
    @inlinable
    public mutating func onSnapshot(seqID: Int64) -> SequencerAction {
        if bootstrap == .restSnapshot && storedState != .live {
            storedCounters.ignoredSnapshots &+= 1
            return .drop
        }
        storedCounters.snapshots &+= 1
        storedLastSeqID = seqID
        lastPreviousSeqID = -1
        goLive()
        return .resetThenApply
    }

    /// A REST `GET /api/v5/market/books` snapshot with `seqId`: `.resetThenApply` (then drain the buffer
    /// through `onUpdate`), or `.retrySnapshot` when it predates the buffered stream.
    @inlinable
    public mutating func onRESTSnapshot(seqID: Int64) -> SequencerAction {
        if storedState == .awaitingSnapshot && hasBuffered && seqID < firstBufferedPreviousSeqID {
            storedCounters.retriedSnapshots &+= 1
            return .retrySnapshot
        }
        storedCounters.snapshots &+= 1
        storedState = .synchronizing
        storedLastSeqID = seqID
        hasBuffered = false
        return .resetThenApply
    }

    /// An `update` push with `prevSeqId` and `seqId`.
    @inlinable
    public mutating func onUpdate(previousSeqID: Int64, seqID: Int64) -> SequencerAction {
        switch storedState {
        case .awaitingSnapshot:
            guard bootstrap == .restSnapshot else {
                storedCounters.unsyncedDrops &+= 1
                return .drop
            }
            noteBuffered(previousSeqID: previousSeqID)
            storedCounters.buffered &+= 1
            return .buffer
        case .synchronizing:
            if seqID <= storedLastSeqID {
                storedCounters.staleDrops &+= 1
                return .drop
            }
            guard previousSeqID <= storedLastSeqID else { return gap(previousSeqID: previousSeqID) }
            accept(previousSeqID: previousSeqID, seqID: seqID)
            goLive()
            return .apply
        case .live:
            if previousSeqID == storedLastSeqID {
                if seqID == previousSeqID {
                    storedCounters.keepAlives &+= 1
                } else if seqID < previousSeqID {
                    storedCounters.sequenceResets &+= 1
                }
                accept(previousSeqID: previousSeqID, seqID: seqID)
                return .apply
            }
            if previousSeqID == lastPreviousSeqID && seqID == storedLastSeqID {
                storedCounters.staleDrops &+= 1
                return .drop
            }
            return gap(previousSeqID: previousSeqID)
        }
    }

    /// Caller-driven resync (disconnect, stale book): await the next snapshot.
    @inlinable
    public mutating func invalidate() {
        storedCounters.invalidations &+= 1
        storedState = .awaitingSnapshot
        hasBuffered = false
        recovering = true
    }

    @inlinable
    mutating func accept(previousSeqID: Int64, seqID: Int64) {
        lastPreviousSeqID = previousSeqID
        storedLastSeqID = seqID
    }

    @inlinable
    mutating func goLive() {
        storedState = .live
        if recovering {
            storedCounters.resyncs &+= 1
            recovering = false
        }
    }

    @inlinable
    mutating func noteBuffered(previousSeqID: Int64) {
        if !hasBuffered {
            hasBuffered = true
            firstBufferedPreviousSeqID = previousSeqID
        }
    }

    @inlinable
    mutating func gap(previousSeqID: Int64) -> SequencerAction {
        storedCounters.gaps &+= 1
        storedState = .awaitingSnapshot
        recovering = true
        hasBuffered = false
        if bootstrap == .restSnapshot { noteBuffered(previousSeqID: previousSeqID) }
        return .gap
    }
}
