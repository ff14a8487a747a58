import AsymBook
import AsymCore
import AsymTransport
import AsymVenues

/// The one place recorded frames become one instrument's book updates and trades, shared by
/// `FeatureDumpReplay`, `SignalReplay` and `asym bench features`: run a frame through the venue's processor, keep
/// the instrument's outcomes, pick the exchange time (the receive time when the venue sends none) and skip block
/// trades.
enum InstrumentFeed {
    /// What a replay read.
    struct Span {
        /// Frames read.
        var frames = 0
        /// Receive time of the first and last frame, ns.
        var firstReceiveTime: Int64 = 0
        var lastReceiveTime: Int64 = 0
    }

    /// Processes one frame and reports the instrument's book update or trades to `observer`.
    @inline(__always)
    static func process<Rules: VenueSequencing, Observer: InstrumentFeedObserver>(
        _ frame: UnsafeRawBufferPointer, receiveTime: Int64, instrument: InstrumentID,
        processor: MarketDataProcessor<Rules>, observer: inout Observer
    ) throws {
        switch processor.process(frame, receiveTime: receiveTime) {
        case .bookUpdated(let id), .bookUnusable(let id), .gap(let id):
            guard id == instrument else { return }
            let exchangeTime = processor.batch.header.exchangeTime ?? receiveTime
            try observer.bookUpdated(processor.books[id], exchangeTime: exchangeTime, receiveTime: receiveTime)
        case .trades(let id):
            guard id == instrument else { return }
            let trades = processor.batch.trades
            for index in trades.indices where !trades[index].isBlockTrade {
                try observer.traded(trades[index])
            }
        case .noChange, .control, .decodeError:
            return
        }
    }

    /// Replays the recording at `path` through `processor` (whose symbol-less REST snapshots are attributed to
    /// `instrument`).
    static func replay<Rules: VenueSequencing, Observer: InstrumentFeedObserver>(
        path: String, instrument: InstrumentID, processor: MarketDataProcessor<Rules>, observer: inout Observer
    ) throws -> Span {
        processor.restSnapshotInstrument = instrument
        let reader = try RecordingReader(path: path)
        defer { reader.close() }
        var span = Span()
        while let line = try reader.next() {
            let receiveTime = line.receiveTimeNanoseconds
            if span.frames == 0 { span.firstReceiveTime = receiveTime }
            span.frames += 1
            span.lastReceiveTime = receiveTime
            try process(line.frame, receiveTime: receiveTime, instrument: instrument, processor: processor,
                        observer: &observer)
        }
        return span
    }
}
