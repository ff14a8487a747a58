public import AsymCore
public import AsymJournal
import AsymTransport

/// Runs a recording through a `TradingSession` for the session's venue: the engine of `asym backtest` and of
/// `asym demo`.
///
/// **Resuming.** With a `recovery` (read from the session's journal), the session starts from the journal's
/// last complete checkpoint: the frames before its position rebuild the market models (`warmUp`), the frames
/// after it are processed, and the records they produce that the journal already holds are matched rather than
/// appended (`TradingSessionSource.recording`). The guarantee, for a deterministic configuration (the paper
/// venue with constant latency, the recording unchanged): however many times a run is killed and resumed on
/// the same journal, the journal ends up with exactly the records of one uninterrupted run, each once (plus one
/// `configHash` per start): no client order id is submitted twice, no fill is lost or doubled, and the final
/// positions, equity and risk counters are those of the uninterrupted run. A resumed run that does not
/// reproduce the journal stops with `TradingSessionRecoveryError.replayDiverged` and appends nothing after it.
public struct TradingSessionReplay: MarketDataVisitor {
    /// Recording path (hftbacktest collector format, plain or gzip).
    public var path: String
    /// The session's instruments, in id order.
    public var instruments: [Instrument]
    /// The instrument a symbol-less REST snapshot line belongs to.
    public var restInstrument: InstrumentID
    public var configuration: TradingSessionConfiguration
    /// What the journal held at start (`.empty`: a fresh run).
    public var recovery: TradingSessionRecovery

    public init(path: String, instruments: [Instrument], restInstrument: InstrumentID = InstrumentID(0),
                configuration: TradingSessionConfiguration, recovery: TradingSessionRecovery = .empty) {
        self.path = path
        self.instruments = instruments
        self.restInstrument = restInstrument
        self.configuration = configuration
        self.recovery = recovery
    }

    /// Replays `path` for `session`'s venue and instruments, resuming after `recovery`, and returns the summary.
    public static func run(path: String, session: MarketDataSession, symbol: String? = nil,
                           configuration: TradingSessionConfiguration,
                           recovery: TradingSessionRecovery = .empty) throws -> TradingSessionSummary {
        let rest = symbol.flatMap(session.instrumentID(of:)) ?? session.instrumentID(forRecording: path) ?? InstrumentID(0)
        return try session.withProcessor(TradingSessionReplay(
            path: path, instruments: session.instruments, restInstrument: rest, configuration: configuration,
            recovery: recovery))
    }

    /// Replays `path` journalled in `journal`'s directory, recovering from it first: opens the journal (a torn
    /// tail is truncated), reads it (`TradingSessionRecovery`), starts it, runs the rest of the recording and
    /// closes it. Kill the process at any point and call this again with the same arguments to carry on.
    /// - Throws: `JournalError` opening or closing the journal, `TradingSessionRecoveryError`, and the replay's
    ///   own errors (recording, instruments).
    public static func runJournalled(path: String, session: MarketDataSession, symbol: String? = nil,
                                     configuration: TradingSessionConfiguration,
                                     journal journalConfiguration: JournalConfiguration) throws -> TradingSessionSummary {
        let journal = try openJournal(journalConfiguration)
        let recovery: TradingSessionRecovery
        do {
            recovery = try TradingSessionRecovery(journalDirectory: journalConfiguration.directory)
        } catch {
            try? journal.close()
            throw error
        }
        journal.start()
        var configuration = configuration
        configuration.journal = journal
        let summary: TradingSessionSummary
        do {
            summary = try run(path: path, session: session, symbol: symbol, configuration: configuration, recovery: recovery)
        } catch {
            try? journal.close()
            throw error
        }
        try journal.close()
        return summary
    }

    /// Opens a journal with io_uring, or with plain writes where io_uring is not allowed (containers).
    static func openJournal(_ configuration: JournalConfiguration) throws(JournalError) -> Journal {
        do {
            return try Journal(configuration: configuration)
        } catch .writer(.uringUnavailable) where configuration.backend == .uring {
            var plain = configuration
            plain.backend = .plain
            return try Journal(configuration: plain)
        }
    }

    public func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws -> TradingSessionSummary {
        processor.restSnapshotInstrument = restInstrument
        let session = try TradingSession.recovering(processor: processor, instruments: instruments,
                                                    configuration: configuration, from: recovery, source: .recording)
        let reader = try RecordingReader(path: path)
        defer { reader.close() }
        let resumeFrame = recovery.resumeFrame
        var frame: Int64 = 0
        var lastReceiveTime = recovery.resumeReceiveTime
        while let line = try reader.next() {
            if frame < resumeFrame {
                session.warmUp(line.frame, receiveTime: line.receiveTimeNanoseconds)
            } else {
                session.process(line.frame, receiveTime: line.receiveTimeNanoseconds)
                if session.hasDiverged, let divergence = session.divergence { throw divergence }
            }
            lastReceiveTime = line.receiveTimeNanoseconds
            frame &+= 1
        }
        guard frame >= resumeFrame else {
            throw TradingSessionRecoveryError.recordingEndedEarly(frames: frame, journalFrames: resumeFrame)
        }
        session.checkpointAtEnd(receiveTime: lastReceiveTime)
        if let divergence = session.divergence { throw divergence }
        if session.isRegenerating {
            throw TradingSessionRecoveryError.recordingEndedEarly(frames: frame, journalFrames: resumeFrame)
        }
        return session.summary()
    }
}
