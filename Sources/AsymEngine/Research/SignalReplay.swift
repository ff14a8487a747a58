import AsymBook
public import AsymCore
public import AsymSignals
import AsymVenues

/// Runs a recording through the whole signal chain for one instrument — decode → book → `BookFeatureEngine`
/// (features, spoof score, risk penalty) → candles and indicators → regime → strategies → `Signal` — and returns
/// the signals, for tests, research and `asym demo`.
///
/// The same per-update code the live engine runs: book updates call `BookFeatureEngine.update` then
/// `SignalEngine.update(features:now:)` with `now` = the frame's receive time (so a replay is deterministic);
/// trades feed both engines. Signals go to a preallocated `SignalBuffer` (overflow is counted, never grown), so
/// the per-frame path allocates nothing after warm-up; `Result.signals` is copied out once at the end.
public struct SignalReplay<Strategies: Strategy>: MarketDataVisitor {
    /// What a replay produced.
    public struct Result {
        /// Every emitted signal, in order.
        public var signals: [Signal]
        /// Signals beyond the buffer's capacity (not in `signals`).
        public var overflow: Int64
        /// The signal engine at the end: counters, calibration table, regime, indicators.
        public var engine: SignalEngine<Strategies>
        /// The last book features.
        public var features: BookFeatures
        /// Frames read, book updates and trades of the instrument.
        public var frames: Int
        public var bookUpdates: Int64
        public var trades: Int64
        /// Receive time of the first and last frame, ns.
        public var firstReceiveTime: Int64
        public var lastReceiveTime: Int64
    }

    /// Recording path.
    public var path: String
    /// The instrument replayed (also the owner of symbol-less REST snapshots).
    public var instrument: InstrumentID
    /// Feature-engine parameters.
    public var featureConfiguration: BookFeatureConfiguration
    /// Signal-engine parameters.
    public var signalConfiguration: SignalConfiguration
    /// The strategies, copied into the replay's engine.
    public var strategies: Strategies
    /// Signals kept at most.
    public var capacity: Int

    /// A replay of `path` for `instrument`.
    public init(path: String, instrument: InstrumentID, featureConfiguration: BookFeatureConfiguration = .init(),
                signalConfiguration: SignalConfiguration = .init(), strategies: Strategies, capacity: Int = 1 << 16) {
        self.path = path
        self.instrument = instrument
        self.featureConfiguration = featureConfiguration
        self.signalConfiguration = signalConfiguration
        self.strategies = strategies
        self.capacity = capacity
    }

    /// Replays `path` for `session`'s venue; the instrument is `symbol`, else guessed from the file name, else
    /// the session's first.
    public static func run(path: String, session: MarketDataSession, symbol: String? = nil,
                           featureConfiguration: BookFeatureConfiguration = .init(),
                           signalConfiguration: SignalConfiguration = .init(), strategies: Strategies,
                           capacity: Int = 1 << 16) throws -> Result {
        let id = symbol.flatMap(session.instrumentID(of:)) ?? session.instrumentID(forRecording: path) ?? InstrumentID(0)
        return try session.withProcessor(SignalReplay(
            path: path, instrument: id, featureConfiguration: featureConfiguration,
            signalConfiguration: signalConfiguration, strategies: strategies, capacity: capacity))
    }

    public func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws -> Result {
        var chain = Chain(
            features: BookFeatureEngine(configuration: featureConfiguration),
            signals: SignalEngine(instrument: instrument, configuration: signalConfiguration, strategies: strategies),
            buffer: SignalBuffer(capacity: capacity))
        let span = try InstrumentFeed.replay(path: path, instrument: instrument, processor: processor,
                                             observer: &chain)
        return Result(
            signals: chain.buffer.signals, overflow: chain.buffer.overflow, engine: chain.signals,
            features: chain.features.features, frames: span.frames, bookUpdates: chain.bookUpdates,
            trades: chain.trades, firstReceiveTime: span.firstReceiveTime, lastReceiveTime: span.lastReceiveTime)
    }

    /// The per-frame chain: features, then signals.
    struct Chain: InstrumentFeedObserver {
        var features: BookFeatureEngine
        var signals: SignalEngine<Strategies>
        var buffer: SignalBuffer
        var bookUpdates: Int64 = 0
        var trades: Int64 = 0

        mutating func bookUpdated(_ book: borrowing OrderBook, exchangeTime: Int64, receiveTime: Int64) {
            bookUpdates &+= 1
            features.update(book: book, exchangeTime: exchangeTime, receiveTime: receiveTime)
            if let signal = signals.update(features: features.features, now: receiveTime) { buffer.append(signal) }
        }

        mutating func traded(_ trade: TradeEvent) {
            trades &+= 1
            features.recordTrade(price: trade.price, quantity: trade.quantity, taker: trade.takerSide,
                                 exchangeTime: trade.exchangeTime)
            signals.recordTrade(price: trade.price, quantity: trade.quantity, taker: trade.takerSide,
                                exchangeTime: trade.exchangeTime)
        }
    }
}

extension SignalReplay where Strategies == StandardStrategies {
    /// A replay of `path` for `instrument` with the standard strategy set.
    public init(path: String, instrument: InstrumentID, featureConfiguration: BookFeatureConfiguration = .init(),
                signalConfiguration: SignalConfiguration = .init(), capacity: Int = 1 << 16) {
        self.init(path: path, instrument: instrument, featureConfiguration: featureConfiguration,
                  signalConfiguration: signalConfiguration, strategies: StandardStrategies(), capacity: capacity)
    }
}
