import AsymCore
import AsymJournal
import AsymTransport
import Foundation

/// `asym bench engine`: the whole per-frame hot path of a `TradingSession` — decode → sequence → book → features →
/// signal → risk gate → order router → paper venue → positions → journal enqueue — per frame, over a synthetic
/// Bybit recording held in memory, with a running journal. The `decision` variant is the tick-to-decision time of
/// the frames whose signal reached the gate (DESIGN's frame → verdict budget); the baseline is decode + book alone
/// on the same frames. Allocations are counted on the engine thread only, after a warm-up tenth.
enum EngineBenchmark: MarketDataVisitor {
    case measure(frames: [[UInt8]], times: [Int64], instruments: [Instrument], journalDirectory: String)

    struct Measured {
        var perFrame: LatencyPercentiles
        var framesPerSecond: Double
        var allocationsPerFrame: Double?
        var decision: LatencyHistogram
        var summary: TradingSessionSummary
    }

    static func run(operations: Int) throws -> BenchmarkResult {
        var frames: [[UInt8]] = []
        var times: [Int64] = []
        frames.reserveCapacity(operations)
        times.reserveCapacity(operations)
        _ = try SyntheticRecording.generate(venue: .bybit, frames: operations, seed: 42,
                                            wallProbability: DemoOptions.wallProbability) { time, text in
            frames.append(Array(text.utf8))
            times.append(time)
        }
        let session = try MarketDataSession(venue: .bybit, symbols: ["BTCUSDT"])
        let directory = NSTemporaryDirectory() + "asym-bench-engine-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let measured = try session.withProcessor(
            EngineBenchmark.measure(frames: frames, times: times, instruments: session.instruments,
                                   journalDirectory: directory))
        let baseline = try session.withProcessor(DecodeOnly(frames: frames, times: times))
        let s = measured.summary
        var result = BenchmarkResult(
            suite: "engine",
            subject: "TradingSession.process per frame (decode, book, features, signal, gate, router, paper venue, "
                + "positions, journal enqueue) over \(frames.count) synthetic Bybit frames: \(s.signals) signals, "
                + "\(s.approved) approved, \(s.orders) orders, \(s.fills) fills",
            operations: frames.count, latency: measured.perFrame, operationsPerSecond: measured.framesPerSecond,
            allocationsPerOperation: measured.allocationsPerFrame,
            baseline: .init(subject: "MarketDataProcessor.process alone (decode, sequence, book) on the same frames",
                            latency: baseline.0, operationsPerSecond: baseline.1, allocationsPerOperation: nil))
        let decision = measured.decision
        result.variant = ("decision", .init(
            subject: "tick-to-decision of the \(decision.count) frames whose signal reached the gate (frame start → verdict)",
            latency: decision.percentiles, operationsPerSecond: 0, allocationsPerOperation: nil))
        return result
    }

    func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws -> Measured {
        guard case .measure(let frames, let times, let instruments, let journalDirectory) = self else { fatalError("unreachable") }
        var journalConfiguration = JournalConfiguration(directory: journalDirectory)
        journalConfiguration.commitInterval = 2_000_000
        let journal = try Journal(configuration: journalConfiguration)
        journal.start()
        defer { try? journal.close() }
        var configuration = try DemoProfile.session()
        configuration.journal = journal
        configuration.latencyCapacity = frames.count
        processor.restSnapshotInstrument = InstrumentID(0)
        let session = TradingSession(processor: processor, instruments: instruments,
                                     configuration: configuration)
        let warmUp = frames.count / 10
        for index in 0..<warmUp {
            frames[index].withUnsafeBytes { session.process($0, receiveTime: times[index]) }
        }
        let decisionsBefore = session.latencyHistogram
        var recorder = LatencyRecorder(capacity: frames.count)
        let clock = CycleClock()
        let started = MonotonicClock.nanoseconds()
        let (_, allocations) = AllocationCounter.countingOnThisThread {
            for index in warmUp..<frames.count {
                let begin = CycleClock.cycles()
                frames[index].withUnsafeBytes { session.process($0, receiveTime: times[index]) }
                recorder.record(Int64(clock.nanoseconds(CycleClock.cycles() &- begin).rounded()))
            }
        }
        let elapsed = MonotonicClock.nanoseconds() - started
        let measuredFrames = frames.count - warmUp
        let decisions = session.latencyHistogram.subtracting(decisionsBefore)
        return Measured(
            perFrame: recorder.percentiles(), framesPerSecond: Double(measuredFrames) / (Double(max(1, elapsed)) / 1e9),
            allocationsPerFrame: AllocationCounter.isAvailable ? Double(allocations) / Double(measuredFrames) : nil,
            decision: decisions, summary: session.summary())
    }

    /// The baseline: decode, sequence and book only.
    struct DecodeOnly: MarketDataVisitor {
        let frames: [[UInt8]]
        let times: [Int64]

        func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws -> (LatencyPercentiles, Double) {
            processor.restSnapshotInstrument = InstrumentID(0)
            var recorder = LatencyRecorder(capacity: frames.count)
            let clock = CycleClock()
            let warmUp = frames.count / 10
            let started = MonotonicClock.nanoseconds()
            for index in frames.indices {
                let begin = CycleClock.cycles()
                frames[index].withUnsafeBytes { _ = processor.process($0, receiveTime: times[index]) }
                if index >= warmUp { recorder.record(Int64(clock.nanoseconds(CycleClock.cycles() &- begin).rounded())) }
            }
            let elapsed = MonotonicClock.nanoseconds() - started
            return (recorder.percentiles(), Double(frames.count) / (Double(max(1, elapsed)) / 1e9))
        }
    }
}
