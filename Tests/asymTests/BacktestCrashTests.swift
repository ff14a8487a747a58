import AsymCore
@testable import AsymEngine
import AsymJournal
import Foundation
import TestSupport
import Testing

/// The kill -9 test: `asym backtest` on a synthetic recording, killed with SIGKILL at random moments (at least 20
/// times, seeded) and restarted on the same journal until it completes, against one uninterrupted run.
///
/// After every kill the journal must be a prefix of the uninterrupted run's (each record once: no client order
/// id submitted twice, no fill twice); at the end it must be the whole of it, and the final summary (positions,
/// equity, risk counters, orders, fills) the same.
@Suite(.serialized) struct BacktestCrashTests {
    static let kills = Int(ProcessInfo.processInfo.environment["ASYM_CRASH_KILLS"] ?? "") ?? 20
    /// Kills per journal before it is run to completion (then a new journal starts).
    static let killsPerTrial = 10
    static let frames: Int64 = 30_000
    static let seed = UInt64(ProcessInfo.processInfo.environment["ASYM_CRASH_SEED"] ?? "") ?? 20_260_101

    /// Risk limits loosened as far as the hard caps allow, so a few minutes of synthetic market trade.
    static let config = """
        [risk]
        entry_cooldown_seconds = 30
        loss_cooldown_seconds = 30
        reversal_cooldown_seconds = 60
        duplicate_signal_window_seconds = 0.5
        max_entries_per_hour = 12
        max_entries_per_day = 50
        confidence_trending = 0.5
        confidence_ranging = 0.5
        confidence_volatile = 0.5

        """

    struct Run {
        var status: Int32
        var killed: Bool
        var output: String
    }

    /// Runs `asym` with `arguments`; with `killAfter` (ns), sends SIGKILL then if it is still running.
    static func run(_ binary: String, _ arguments: [String], killAfter: Int64? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        var killed = false
        if let killAfter {
            usleep(useconds_t(killAfter / 1_000))
            if process.isRunning {
                killed = kill(process.processIdentifier, SIGKILL) == 0
            }
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        killed = killed && process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        return Run(status: process.terminationStatus, killed: killed, output: String(decoding: data, as: UTF8.self))
    }

    /// The session's records (configuration hashes left out: one per start) as recovery compares them.
    static func records(_ journal: String) throws -> [JournalledRecord] {
        var records: [JournalledRecord] = []
        try JournalReader(directory: journal).forEach { record in
            guard let type = record.type, type != .configHash,
                  let payload = TradingSessionRecovery.decode(record, type) else { return }
            let recovered = RecoveredRecord(sequence: record.sequence, type: type, time: record.time, payload: payload)
            records.append(JournalledRecord(type: record.typeRawValue, time: record.time, key: recovered.key,
                                            payload: recovered.payload))
        }
        return records
    }

    /// Client order ids of `.orderSubmitted` records, and trade ids of fills, in journal order.
    static func ordersAndFills(_ records: [JournalledRecord]) -> (orders: [UInt64], fills: [UInt64]) {
        var orders: [UInt64] = []
        var fills: [UInt64] = []
        for record in records {
            guard case .execution(let event, let type) = record.payload else { continue }
            if type == .orderSubmitted { orders.append(event.clientOrderID.rawValue) }
            if type == .fill { fills.append(event.tradeID) }
        }
        return (orders, fills)
    }

    static func summary(_ output: String) throws -> [String: Any] {
        let line = try #require(output.split(separator: "\n").last { $0.hasPrefix("{") }, "no JSON in: \(output)")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        object["resumed_from_frame"] = nil
        object["regenerated_records"] = nil
        return object
    }

    @Test func killedAndRestartedTheJournalAndStateAreTheUninterruptedRuns() throws {
        let binary = try AsymBinary.path()
        try TemporaryDirectory.with { directory in
            let recording = directory.path("BTCUSDT.synthetic.txt")
            _ = try SyntheticRecording.write(venue: .bybit, frames: Int(Self.frames), seed: 2, to: recording, labelsPath: nil)
            let config = directory.path("asym.toml")
            try Self.config.write(toFile: config, atomically: true, encoding: .utf8)
            func arguments(_ journal: String) -> [String] {
                // Limit entries resting in the queue and 2 ms each way: orders are in flight across frames and
                // checkpoints, so the restored router and paper venue matter.
                ["backtest", recording, "--venue", "bybit", "--journal", journal, "--config", config,
                 "--signals", "short-candles", "--equity", "100000", "--entry-orders", "limit", "--latency-us", "2000",
                 "--json"]
            }

            let cleanJournal = directory.path("clean")
            let started = MonotonicClock.nanoseconds()
            let clean = try Self.run(binary, arguments(cleanJournal))
            let duration = MonotonicClock.nanoseconds() - started
            try #require(clean.status == 0, "\(clean.output)")
            let cleanSummary = try Self.summary(clean.output)
            let cleanRecords = try Self.records(cleanJournal)
            let (cleanOrders, cleanFills) = Self.ordersAndFills(cleanRecords)
            try #require(cleanOrders.count >= 2 && cleanFills.count >= 2, "the run must trade: \(clean.output)")
            #expect(Set(cleanOrders).count == cleanOrders.count && Set(cleanFills).count == cleanFills.count)

            print("crash test: seed \(Self.seed), \(Self.kills) kills, clean run \(duration / 1_000_000) ms, "
                  + "\(cleanRecords.count) records, \(cleanOrders.count) orders, \(cleanFills.count) fills")
            var random = SplitMix64(seed: Self.seed)
            var kills = 0
            var trial = 0
            while kills < Self.kills {
                trial += 1
                let journal = directory.path("crashed-\(trial)")
                var completed = false
                var killsInTrial = 0
                while !completed {
                    let wantsKill = kills < Self.kills && killsInTrial < Self.killsPerTrial
                    // A restart first re-reads the frames before its checkpoint (about as fast as processing them),
                    // so aim past them: at a random point of what is left, the early part of it more often.
                    let resumed = Double(try TradingSessionRecovery(journalDirectory: journal).resumeFrame) / Double(Self.frames)
                    let delay = Int64(Double(duration) * (0.02 + resumed + 0.8 * random.unit() * (1 - resumed)))
                    let run = try Self.run(binary, arguments(journal), killAfter: wantsKill ? delay : nil)
                    if run.killed {
                        kills += 1
                        killsInTrial += 1
                        let records = try Self.records(journal)
                        let (orders, fills) = Self.ordersAndFills(records)
                        print("crash test: kill \(kills) (trial \(trial), resumed at \(Int(resumed * 100)) %) after "
                              + "\(delay / 1_000_000) ms: "
                              + "\(records.count) durable records, \(orders.count) orders, \(fills.count) fills")
                        #expect(records.count <= cleanRecords.count)
                        #expect(Array(cleanRecords.prefix(records.count)) == records,
                                "kill \(kills): the journal is a prefix of the uninterrupted run's")
                        #expect(Set(orders).count == orders.count, "kill \(kills): no client order id submitted twice")
                        #expect(Set(fills).count == fills.count, "kill \(kills): no fill journalled twice")
                    } else {
                        try #require(run.status == 0, "trial \(trial): \(run.output)")
                        completed = true
                        let summary = try Self.summary(run.output)
                        #expect(NSDictionary(dictionary: summary).isEqual(to: cleanSummary),
                                "trial \(trial): final state differs:\n\(summary)\n\(cleanSummary)")
                        let records = try Self.records(journal)
                        #expect(records == cleanRecords, "trial \(trial): the journal is the uninterrupted run's")
                        let (orders, fills) = Self.ordersAndFills(records)
                        #expect(orders == cleanOrders && fills == cleanFills)
                    }
                }
            }
            #expect(kills >= Self.kills)
        }
    }
}

/// A record as recovery compares it, with its payload for the order and fill checks.
struct JournalledRecord: Equatable, CustomStringConvertible {
    var type: UInt16
    var time: Int64
    var key: SessionRecordKey
    var payload: RecoveredRecord.Payload

    var description: String { "\(JournalRecordType.name(forRawValue: type))@\(time)" }

    static func == (lhs: JournalledRecord, rhs: JournalledRecord) -> Bool {
        lhs.type == rhs.type && lhs.time == rhs.time && lhs.key == rhs.key
    }
}
