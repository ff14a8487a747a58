public import AsymCore
import AsymTransport

/// Runs a recording through a `TradingSession` for the session's venue: the engine of `asym demo`.
public struct TradingSessionReplay: MarketDataVisitor {
    /// Recording path (hftbacktest collector format, plain or gzip).
    public var path: String
    /// The session's instruments, in id order.
    public var instruments: [Instrument]
    /// The instrument a symbol-less REST snapshot line belongs to.
    public var restInstrument: InstrumentID
    public var configuration: TradingSessionConfiguration

    public init(path: String, instruments: [Instrument], restInstrument: InstrumentID = InstrumentID(0),
                configuration: TradingSessionConfiguration) {
        self.path = path
        self.instruments = instruments
        self.restInstrument = restInstrument
        self.configuration = configuration
    }

    /// Replays `path` for `session`'s venue and instruments and returns the summary.
    public static func run(path: String, session: MarketDataSession, symbol: String? = nil,
                           configuration: TradingSessionConfiguration) throws -> TradingSessionSummary {
        let rest = symbol.flatMap(session.instrumentID(of:)) ?? session.instrumentID(forRecording: path) ?? InstrumentID(0)
        return try session.withProcessor(TradingSessionReplay(
            path: path, instruments: session.instruments, restInstrument: rest, configuration: configuration))
    }

    public func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws -> TradingSessionSummary {
        processor.restSnapshotInstrument = restInstrument
        let session = TradingSession(processor: processor, instruments: instruments, configuration: configuration)
        let reader = try RecordingReader(path: path)
        defer { reader.close() }
        while let line = try reader.next() {
            session.process(line.frame, receiveTime: line.receiveTimeNanoseconds)
        }
        return session.summary()
    }
}
