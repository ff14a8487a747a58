import AsymCore
@testable import AsymEngine
@testable import AsymExecution
import AsymJournal
import AsymRisk
import AsymTransport

/// Everything recovery must reproduce, as comparable values.
struct SessionState: Equatable {
    var gate: RiskGateCheckpoint
    /// `PositionBook`, `OrderRouter` + `PaperVenue` and `ExitManager` checkpoint words.
    var positions: [UInt64]
    var orders: [UInt64]
    var exits: [UInt64]
    var openOrders: Int
    var summary: TradingSessionSummary
}

/// Builds a session from `recovery` the way a driver does and feeds it the first `frames` lines of `path` (for a
/// recording source, those before the checkpoint to `warmUp`), then reports its state and what recovery did.
struct SessionProbe: MarketDataVisitor {
    struct Result {
        var state: SessionState
        var regenerated: Int
        var stillRegenerating: Bool
        var divergence: TradingSessionRecoveryError?
        var idEpoch: UInt32
    }

    var path: String
    var instruments: [Instrument]
    var configuration: TradingSessionConfiguration
    var recovery: TradingSessionRecovery
    var source: TradingSessionSource
    var frames: Int64

    static func run(path: String, configuration: TradingSessionConfiguration, recovery: TradingSessionRecovery = .empty,
                    source: TradingSessionSource = .recording, frames: Int64,
                    session: MarketDataSession? = nil) throws -> Result {
        let market = try session ?? MarketDataSession(venue: .bybit)
        return try market.withProcessor(SessionProbe(path: path, instruments: market.instruments, configuration: configuration,
                                                     recovery: recovery, source: source, frames: frames))
    }

    func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws -> Result {
        let session = try TradingSession.recovering(processor: processor, instruments: instruments,
                                                    configuration: configuration, from: recovery, source: source)
        let reader = try RecordingReader(path: path)
        defer { reader.close() }
        var frame: Int64 = 0
        while frame < frames, let line = try reader.next() {
            if frame < recovery.resumeFrame {
                session.warmUp(line.frame, receiveTime: line.receiveTimeNanoseconds)
            } else {
                session.process(line.frame, receiveTime: line.receiveTimeNanoseconds)
            }
            frame += 1
        }
        return Result(state: Self.state(session), regenerated: session.regeneratedRecords,
                      stillRegenerating: session.isRegenerating, divergence: session.divergence,
                      idEpoch: session.router.ids.epoch)
    }

    static func state<Rules>(_ session: TradingSession<Rules>) -> SessionState {
        var positions = CheckpointWriter()
        session.positions.writeCheckpoint(into: &positions)
        var orders = CheckpointWriter()
        session.router.writeCheckpoint(into: &orders)
        session.router.venue.writeCheckpoint(into: &orders)
        var exits = CheckpointWriter()
        session.exits.writeCheckpoint(into: &exits)
        return SessionState(gate: session.gate.checkpoint(), positions: positions.words, orders: orders.words,
                            exits: exits.words, openOrders: session.openOrders, summary: session.summary().ignoringRecovery)
    }
}

/// A journal opened on `directory` (plain writes: tests may run where io_uring is not allowed) and started.
func openJournal(_ directory: String) throws -> Journal {
    var configuration = JournalConfiguration(directory: directory)
    configuration.backend = .plain
    let journal = try Journal(configuration: configuration)
    journal.start()
    return journal
}

/// A record as recovery compares it: type, time and key (configuration hashes left out: one per start).
struct JournalledRecord: Equatable, CustomStringConvertible {
    var type: UInt16
    var time: Int64
    var key: SessionRecordKey

    var description: String { "\(JournalRecordType.name(forRawValue: type))@\(time)" }

    static func read(_ directory: String) throws -> [JournalledRecord] {
        var records: [JournalledRecord] = []
        try JournalReader(directory: directory).forEach { record in
            guard let type = record.type, type != .configHash,
                  let payload = TradingSessionRecovery.decode(record, type) else { return }
            records.append(JournalledRecord(type: record.typeRawValue, time: record.time,
                                            key: RecoveredRecord(sequence: record.sequence, type: type, time: record.time,
                                                                 payload: payload).key))
        }
        return records
    }
}
