import AsymCore
import AsymEngine
import AsymJournal
import AsymRisk
import AsymSignals
import TestSupport

/// A real journal: the trading session over a synthetic Bybit recording with relaxed signal and risk settings
/// (as in the engine's own session tests), so it holds signals, approvals, denials, orders, fills and snapshots.
enum EngineJournal {
    static let second: Int64 = 1_000_000_000

    static func configuration(journal: Journal) throws -> TradingSessionConfiguration {
        let signals = SignalProfile.shortCandles.configuration
        let limits = DemoProfile.loosenedLimits()

        var configuration = TradingSessionConfiguration(riskLimits: try limits.validated())
        configuration.signals = signals
        configuration.startingEquity = 100_000
        configuration.journal = journal
        return configuration
    }

    /// Runs `frames` synthetic frames through a journalled session into `directory/journal`; returns the journal
    /// directory, the session's summary and its instruments by id.
    static func write(in directory: TemporaryDirectory, frames: Int = 40_000, seed: UInt64 = 11) throws
        -> (journal: String, summary: TradingSessionSummary, instruments: [InstrumentID: String])
    {
        let recording = directory.path("BTCUSDT.synthetic.txt")
        _ = try SyntheticRecording.write(venue: .bybit, frames: frames, seed: seed, to: recording, labelsPath: nil)
        let journalDirectory = directory.path("journal")
        let journal = try Journal(configuration: JournalConfiguration(directory: journalDirectory))
        journal.start()
        let session = try MarketDataSession(venue: .bybit)
        let summary = try TradingSessionReplay.run(path: recording, session: session,
                                                   configuration: try configuration(journal: journal))
        try journal.close()
        var instruments: [InstrumentID: String] = [:]
        for (index, instrument) in session.instruments.enumerated() {
            instruments[InstrumentID(UInt16(index))] = instrument.symbol
        }
        return (journalDirectory, summary, instruments)
    }
}
