public import AsymCore
public import AsymRing

/// The engine-thread side of a live feed: pops frames from the feed's `FrameRing` into the
/// processor and routes REST snapshots and resync requests by the frame's `FeedTag`.
///
/// It runs on the engine thread only. Per frame it does one ring pop, one tag decode and one
/// `process`; resync requests go back to the feed only when a frame reported a gap.
public final class MarketDataPump<Rules: VenueSequencing> {
    /// The processor frames are applied to.
    public let processor: MarketDataProcessor<Rules>
    /// The ring the feed fills.
    public let ring: FrameRing
    /// Feed symbol index → processor instrument id.
    public let instruments: [InstrumentID]
    /// Called (rarely, off the per-frame path) with the feed symbol index whose book needs a resync.
    public let requestResync: (Int) -> Void
    /// Gaps and decode errors already forwarded; a gap can also surface while buffered frames drain.
    @usableFromInline var troublesSeen = 0

    /// A pump from `ring` into `processor`; `feedSymbols` are the feed's symbols in its own order.
    public init(processor: MarketDataProcessor<Rules>, ring: FrameRing, instruments: [InstrumentID],
                requestResync: @escaping (Int) -> Void) {
        self.processor = processor
        self.ring = ring
        self.instruments = instruments
        self.requestResync = requestResync
    }

    /// Processes every frame currently in the ring; returns how many.
    @inlinable
    @discardableResult
    public func pumpAvailable() -> Int {
        var count = 0
        while let frame = ring.front() {
            let tag = FeedTag(rawValue: frame.tag)
            if tag.kind == .depthSnapshot, tag.symbolIndex < instruments.count {
                processor.restSnapshotInstrument = instruments[tag.symbolIndex]
            }
            _ = processor.process(frame.bytes, receiveTime: frame.receiveTime)
            ring.popFront()
            count += 1
            let troubles = processor.counters.gaps &+ processor.counters.decodeErrors &+ processor.counters.bufferOverflows
            if troubles != troublesSeen {
                troublesSeen = troubles
                forwardResyncRequests()
            }
        }
        return count
    }

    @usableFromInline
    func forwardResyncRequests() {
        for (symbolIndex, instrument) in instruments.enumerated()
        where processor.resyncRequested[Int(instrument.rawValue)] {
            processor.acknowledgeResync(instrument)
            requestResync(symbolIndex)
        }
    }
}
