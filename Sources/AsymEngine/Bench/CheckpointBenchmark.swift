import AsymCore
import AsymJournal
import AsymTransport
import Foundation

/// `asym bench checkpoint`: what a recovery checkpoint costs the engine thread. A `TradingSession` (two Bybit
/// instruments, short-candle signals) runs 20,000 synthetic frames with a journal, then writes checkpoints one
/// at a time: encode gate, router, paper venue, positions, exits and the session's counters into 64-bit words and
/// enqueue them (a replay position and the `SessionCheckpointChunk` parts). The engine does this at the end of a
/// frame that decided or moved an order, and once a second otherwise; the frame itself is not timed. The
/// producer pauses (untimed) while the journal ring is half full, so this is the enqueue cost, not back-pressure.
enum CheckpointBenchmark: MarketDataVisitor {
    case measure(frames: [[UInt8]], times: [Int64], operations: Int, journal: JournalConfiguration)

    struct Measured {
        var latency: LatencyPercentiles
        var rate: Double
        var allocations: Double?
        var words: Int
        var records: Int
    }

    static func run(operations: Int) throws -> BenchmarkResult {
        var frames: [[UInt8]] = []
        var times: [Int64] = []
        _ = try SyntheticRecording.generate(venue: .bybit, frames: 20_000, seed: 7) { time, text in
            frames.append(Array(text.utf8))
            times.append(time)
        }
        let folder = NSTemporaryDirectory() + "asym-bench-checkpoint-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var journal = JournalConfiguration(directory: folder)
        journal.fullRingSpinLimit = .max
        let measured = try MarketDataSession(venue: .bybit).withProcessor(
            CheckpointBenchmark.measure(frames: frames, times: times, operations: operations, journal: journal))
        return BenchmarkResult(
            suite: "checkpoint",
            subject: "TradingSession checkpoint: \(measured.words) state words encoded and enqueued as "
                + "\(measured.records) journal records (2 instruments, after 20,000 frames)",
            operations: operations, latency: measured.latency, operationsPerSecond: measured.rate,
            allocationsPerOperation: measured.allocations, baseline: nil)
    }

    func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws -> Measured {
        guard case .measure(let frames, let times, let operations, let journalConfiguration) = self else {
            fatalError("unreachable")
        }
        let journal = try TradingSessionReplay.openJournal(journalConfiguration)
        journal.start()
        defer { try? journal.close() }
        var configuration = try TradingSessionConfiguration()
        configuration.signals = SignalProfile.shortCandles.configuration
        configuration.journal = journal
        processor.restSnapshotInstrument = InstrumentID(0)
        let instruments = try MarketDataSession(venue: .bybit).instruments
        let session = TradingSession(processor: processor, instruments: instruments, configuration: configuration)
        for index in frames.indices {
            frames[index].withUnsafeBytes { session.process($0, receiveTime: times[index]) }
        }
        var now = times.last ?? 0
        let before = journal.lastSequence
        session.writeCheckpoint(now: now)
        let records = Int(journal.lastSequence - before)
        let words = session.checkpointWriter.words.count
        let pauseAbove = journal.configuration.ringSlots / 2
        for _ in 0..<1_000 {  // warm-up
            while journal.queuedRecords > pauseAbove {}
            now &+= 1
            session.writeCheckpoint(now: now)
        }
        var recorder = LatencyRecorder(capacity: operations)
        var timed: Int64 = 0
        // This thread only: the journal thread allocates when it rotates a segment, which is not the engine's cost.
        let (_, allocations) = AllocationCounter.countingOnThisThread {
            for _ in 0..<operations {
                while journal.queuedRecords > pauseAbove {}  // untimed: let the journal thread catch up
                now &+= 1
                let started = MonotonicClock.nanoseconds()
                session.writeCheckpoint(now: now)
                let elapsed = MonotonicClock.nanoseconds() &- started
                recorder.record(elapsed)
                timed &+= max(1, elapsed)
            }
        }
        let counting = AllocationCounter.isAvailable
        return Measured(latency: recorder.percentiles(), rate: Double(operations) / (Double(timed) / 1e9),
                        allocations: counting ? Double(allocations) / Double(operations) : nil, words: words,
                        records: records)
    }
}
