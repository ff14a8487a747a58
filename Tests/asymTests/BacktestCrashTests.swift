import AsymCore
@testable import AsymEngine
import AsymJournal
import Foundation
import TestSupport
import Testing

/// The kill -9 test: `asym backtest` on a synthetic recording, killed with SIGKILL at random points (at least 20
/// times, seeded) and restarted on the same journal until it completes, against one uninterrupted run.
///
/// The points are random positions in the run's journal, spread over the whole run (kill k of n lands somewhere in
/// the k-th n-th of the uninterrupted journal's bytes), plus some random moments during a restart's recovery and
/// market rebuild: the machine's speed does not decide where the kills land. After every kill the journal must be
/// a prefix of the uninterrupted run's (each record once: no client order id submitted twice, no fill twice); at
/// the end it must be the whole of it, and the final summary (positions, equity, risk counters, orders, fills)
/// the same.
@Suite(.serialized) struct BacktestCrashTests {
    static let kills = Int(ProcessInfo.processInfo.environment["ASYM_CRASH_KILLS"] ?? "") ?? 20
    static let seed = UInt64(ProcessInfo.processInfo.environment["ASYM_CRASH_SEED"] ?? "") ?? 20_260_101
    static let frames: Int64 = 30_000

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

    /// Where to kill a run.
    enum KillPoint {
        /// Once the journal directory holds this many bytes.
        case journalBytes(Int)
        /// This long (ns) after the start: while the restart recovers and rebuilds the market.
        case afterStart(Int64)
    }

    struct Run {
        var status: Int32
        var killed: Bool
        var output: String
    }

    /// Bytes of the journal's segment files (0 before the directory exists).
    static func journalBytes(_ directory: String) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return 0 }
        return names.filter { $0.hasSuffix(".log") }.reduce(0) { total, name in
            let size = (try? FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.size] as? Int) ?? 0
            return total + (size ?? 0)
        }
    }

    /// Runs `asym` with `arguments`, killing it with SIGKILL at `killAt` if it gets there.
    static func run(_ binary: String, _ arguments: [String], journal: String, killAt: KillPoint? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let reader = OutputCollector(output.fileHandleForReading)
        let started = MonotonicClock.nanoseconds()
        try process.run()
        var killed = false
        if let killAt {
            while process.isRunning && !killed {
                let due = switch killAt {
                case .journalBytes(let bytes): journalBytes(journal) >= bytes
                case .afterStart(let delay): MonotonicClock.nanoseconds() - started >= delay
                }
                if due {
                    killed = kill(process.processIdentifier, SIGKILL) == 0
                } else {
                    usleep(300)
                }
            }
        }
        process.waitUntilExit()
        killed = killed && process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        return Run(status: process.terminationStatus, killed: killed, output: reader.finish())
    }

    /// The session's records (configuration hashes left out: one per start) as recovery compares them.
    static func records(_ journal: String) throws -> [JournalledRecord] {
        guard FileManager.default.fileExists(atPath: journal) else { return [] }
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
                // Limit entries and 2 ms each way: orders and reports are in transit across frames and
                // checkpoints, so the restored router and paper venue matter.
                ["backtest", recording, "--venue", "bybit", "--journal", journal, "--config", config,
                 "--signals", "short-candles", "--equity", "100000", "--entry-orders", "limit", "--latency-us", "2000",
                 "--json"]
            }

            let cleanJournal = directory.path("clean")
            let clean = try Self.run(binary, arguments(cleanJournal), journal: cleanJournal)
            try #require(clean.status == 0, "\(clean.output)")
            let cleanSummary = try Self.summary(clean.output)
            let cleanRecords = try Self.records(cleanJournal)
            let cleanBytes = Self.journalBytes(cleanJournal)
            let (cleanOrders, cleanFills) = Self.ordersAndFills(cleanRecords)
            try #require(cleanOrders.count >= 2 && cleanFills.count >= 2, "the run must trade: \(clean.output)")
            #expect(Set(cleanOrders).count == cleanOrders.count && Set(cleanFills).count == cleanFills.count)

            print("crash test: seed \(Self.seed), \(Self.kills) kills, uninterrupted run \(cleanRecords.count) records "
                  + "(\(cleanBytes) bytes), \(cleanOrders.count) orders, \(cleanFills.count) fills")
            var random = SplitMix64(seed: Self.seed)
            var kills = 0
            var trial = 0
            while kills < Self.kills {
                trial += 1
                let journal = directory.path("crashed-\(trial)")
                var completed = false
                var stratum = 0
                while !completed {
                    var killAt: KillPoint?
                    if kills < Self.kills {
                        if random.below(5) == 0 {
                            killAt = .afterStart(Int64(random.below(400)) * 1_000_000)
                        } else {
                            // The next stratum of the uninterrupted journal that lies beyond what is durable now.
                            let durable = Self.journalBytes(journal)
                            var target = 0
                            while stratum < Self.kills && target <= durable {
                                target = Int(Double(cleanBytes) * (Double(stratum) + random.unit()) / Double(Self.kills))
                                stratum += 1
                            }
                            if target > durable { killAt = .journalBytes(target) }
                        }
                    }
                    let run = try Self.run(binary, arguments(journal), journal: journal, killAt: killAt)
                    if run.killed {
                        kills += 1
                        let records = try Self.records(journal)
                        let (orders, fills) = Self.ordersAndFills(records)
                        print("crash test: kill \(kills) (trial \(trial)) at \(killAt.map { "\($0)" } ?? "?"): "
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

/// Reads a child's output on its own thread, so a chatty child never blocks on a full pipe.
final class OutputCollector: @unchecked Sendable {
    // @unchecked: `data` is written by the reading thread and read only after `finish()` joined it.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything the child wrote, once its output closed.
    func finish() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
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
