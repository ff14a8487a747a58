public import AsymCore
public import AsymRing

/// The engine-thread side of a live feed: pops frames from the feed's `FrameRing` into a `FrameConsumer`
/// built on `processor` (the processor itself, or a `TradingSession` over it) and routes REST snapshots and
/// resync requests by the frame's `FeedTag`.
///
/// It runs on the engine thread only. Per frame it does one ring pop, one tag decode and one
/// `consume`; resync requests go back to the feed only when a frame reported a gap.
public final class MarketDataPump<Rules: VenueSequencing, Consumer: FrameConsumer> {
    /// The processor whose books and counters the consumer updates.
    public let processor: MarketDataProcessor<Rules>
    /// What each frame is handed to.
    public let consumer: Consumer
    /// The ring the feed fills.
    public let ring: FrameRing
    /// Feed symbol index → processor instrument id.
    public let instruments: [InstrumentID]
    /// Called (rarely, off the per-frame path) with the feed symbol index whose book needs a resync.
    public let requestResync: (Int) -> Void
    /// Gaps and decode errors already forwarded; a gap can also surface while buffered frames drain.
    @usableFromInline var troublesSeen = 0

    /// A pump from `ring` into `consumer`, which processes frames with `processor`; `instruments` maps the
    /// feed's symbol indices to the processor's instrument ids.
    public init(processor: MarketDataProcessor<Rules>, consumer: Consumer, ring: FrameRing, instruments: [InstrumentID],
                requestResync: @escaping (Int) -> Void) {
        self.processor = processor
        self.consumer = consumer
        self.ring = ring
        self.instruments = instruments
        self.requestResync = requestResync
    }

    /// Processes the frames currently in the ring, at most `limit`; returns how many.
    @inlinable
    @discardableResult
    public func pumpAvailable(limit: Int = .max) -> Int {
        var count = 0
        while count < limit, let frame = ring.front() {
            let tag = FeedTag(rawValue: frame.tag)
            if tag.kind == .depthSnapshot, tag.symbolIndex < instruments.count {
                processor.restSnapshotInstrument = instruments[tag.symbolIndex]
            }
            consumer.consume(frame.bytes, receiveTime: frame.receiveTime)
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

extension MarketDataPump where Consumer == MarketDataProcessor<Rules> {
    /// A pump that only maintains the books.
    public convenience init(processor: MarketDataProcessor<Rules>, ring: FrameRing, instruments: [InstrumentID],
                            requestResync: @escaping (Int) -> Void) {
        self.init(processor: processor, consumer: processor, ring: ring, instruments: instruments,
                  requestResync: requestResync)
    }
}
