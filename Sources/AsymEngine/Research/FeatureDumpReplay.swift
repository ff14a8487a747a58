import AsymBook
public import AsymCore
public import AsymSignals
import AsymVenues

/// Receives the feature engine after each book update of a `FeatureDumpReplay`.
public protocol FeatureDumpSink {
    /// Called after `engine` processed a book update of the replayed instrument.
    mutating func bookUpdated(_ engine: inout BookFeatureEngine) throws
    /// Called once at the end of the recording (after `engine.spoof.flush()`).
    mutating func finish(_ engine: inout BookFeatureEngine) throws
}

/// Replays a recording through a venue's processor and one `BookFeatureEngine`: book frames of the chosen
/// instrument update the features, its trades feed trade flow and the spoof detector's traded flags.
///
/// The engine of `asym features` and `asym spoof`. Book updates use the frame's exchange time for the
/// rolling windows (the receive time when the venue sends none) and its receive time for spoof lifetimes.
public struct FeatureDumpReplay<Sink: FeatureDumpSink>: MarketDataVisitor {
    /// What the replay ended with.
    public struct Result {
        /// The sink after `finish`.
        public var sink: Sink
        /// The engine at the end.
        public var engine: BookFeatureEngine
        /// Frames read.
        public var frames: Int
        /// Receive time of the first and last frame, ns.
        public var firstReceiveTime: Int64
        public var lastReceiveTime: Int64
    }

    /// Recording path.
    public var path: String
    /// The instrument whose features are computed (also the owner of symbol-less REST snapshots).
    public var instrument: InstrumentID
    /// Engine parameters.
    public var configuration: BookFeatureConfiguration
    /// The sink, copied into the replay.
    public var sink: Sink

    public init(path: String, instrument: InstrumentID, configuration: BookFeatureConfiguration, sink: Sink) {
        self.path = path
        self.instrument = instrument
        self.configuration = configuration
        self.sink = sink
    }

    /// Replays `path` for `session`'s venue; the instrument is `symbol`, else guessed from the file name,
    /// else the session's first.
    public static func run(path: String, session: MarketDataSession, symbol: String?,
                           configuration: BookFeatureConfiguration, sink: Sink) throws -> Result {
        let id = symbol.flatMap(session.instrumentID(of:)) ?? session.instrumentID(forRecording: path) ?? InstrumentID(0)
        return try session.withProcessor(FeatureDumpReplay(path: path, instrument: id, configuration: configuration,
                                                           sink: sink))
    }

    public func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws -> Result {
        var feeding = Feeding(engine: BookFeatureEngine(configuration: configuration), sink: sink)
        let span = try InstrumentFeed.replay(path: path, instrument: instrument, processor: processor,
                                             observer: &feeding)
        feeding.engine.spoof.flush()
        try feeding.sink.finish(&feeding.engine)
        return Result(sink: feeding.sink, engine: feeding.engine, frames: span.frames,
                      firstReceiveTime: span.firstReceiveTime, lastReceiveTime: span.lastReceiveTime)
    }

    /// Book updates go to the engine, then the sink; trades go to the engine.
    struct Feeding: InstrumentFeedObserver {
        var engine: BookFeatureEngine
        var sink: Sink

        mutating func bookUpdated(_ book: borrowing OrderBook, exchangeTime: Int64, receiveTime: Int64) throws {
            engine.update(book: book, exchangeTime: exchangeTime, receiveTime: receiveTime)
            try sink.bookUpdated(&engine)
        }

        mutating func traded(_ trade: TradeEvent) throws {
            engine.recordTrade(price: trade.price, quantity: trade.quantity, taker: trade.takerSide,
                               exchangeTime: trade.exchangeTime)
        }
    }
}
