import AsymConsensus
import AsymCore
import AsymRisk
import AsymTransport
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `asym bench bias-read`: the engine thread's read of the AI consensus bias, `AdvisoryBiasCell.view(at:)`
/// (a seqlock read plus the expiry check), which builds the `AdvisoryView` every entry intent carries.
///
/// One read takes a few nanoseconds, less than the timestamp counter's own cost, so each sample times a batch of
/// `batch` reads (the counter's overhead subtracted) and records the per-read mean. Allocations are counted over
/// every read. Variant `concurrent_writer`: the same reads while another thread publishes a new bias every
/// ~1 µs (a consensus round publishes once per round; this is the worst case). Baseline: the same bias behind a
/// `Mutex`, read while the same writer publishes, so the variant and the baseline compare like with like.
enum BiasReadBenchmark {
    static let batch = 32
    static let second: Int64 = 1_000_000_000

    struct Measurement {
        var latency: LatencyPercentiles
        var rate: Double
        var allocations: Double?
    }

    /// The baseline: the obvious lock-protected cell.
    final class LockedBias: Sendable {
        let state: Mutex<AdvisoryBias?>
        init(_ bias: AdvisoryBias) { state = Mutex(bias) }
        func view(at now: Int64) -> AdvisoryView {
            state.withLock { bias in
                guard let bias, bias.isFresh(at: now) else { return .absent }
                return bias.view
            }
        }
        func publish(_ bias: AdvisoryBias) { state.withLock { $0 = bias } }
    }

    static func bias(at time: Int64, confidence: Double = 0.8) -> AdvisoryBias {
        AdvisoryBias(instrument: InstrumentID(0), direction: .long, strength: 0.67, confidence: confidence,
                     agreeingModels: 0b011, createdAt: time, expiresAt: time + 2_700 * second)
    }

    static func run(operations: Int) -> BenchmarkResult {
        let start: Int64 = 1_767_268_800 * second
        let cell = AdvisoryBiasCell(instrument: InstrumentID(0))
        cell.publish(bias(at: start))
        let locked = LockedBias(bias(at: start))

        let lockFree = measure(operations: operations, start: start) { cell.view(at: $0) }
        let contended = measureWithWriter(operations: operations, start: start, read: { cell.view(at: $0) },
                                          publish: { cell.publish($0) })
        let baseline = measureWithWriter(operations: operations, start: start, read: { locked.view(at: $0) },
                                         publish: { locked.publish($0) })

        var result = BenchmarkResult(
            suite: "bias-read",
            subject: "AdvisoryBiasCell.view(at:): seqlock read + expiry check (goal <= 10 ns, 0 allocations)",
            operations: operations, latency: lockFree.latency, operationsPerSecond: lockFree.rate,
            allocationsPerOperation: lockFree.allocations,
            baseline: .init(subject: "Mutex-protected bias while another thread publishes every ~1 us", latency: baseline.latency,
                            operationsPerSecond: baseline.rate, allocationsPerOperation: baseline.allocations))
        result.variant = ("concurrent_writer", .init(
            subject: "AdvisoryBiasCell.view(at:) while another thread publishes every ~1 us",
            latency: contended.latency, operationsPerSecond: contended.rate, allocationsPerOperation: contended.allocations))
        return result
    }

    /// Times `operations` reads in batches; `read` gets a moving `now` so nothing can be hoisted.
    static func measure(operations: Int, start: Int64, _ read: (Int64) -> AdvisoryView) -> Measurement {
        let clock = CycleClock()
        var overheadSamples = LatencyRecorder(capacity: 10_001)
        for _ in 0..<10_001 {
            let begin = CycleClock.cycles()
            overheadSamples.record(Int64(CycleClock.cycles() &- begin))
        }
        let overhead = UInt64(overheadSamples.percentiles().p50)
        let batches = max(1, operations / batch)
        var recorder = LatencyRecorder(capacity: batches)
        var sink = 0.0
        var now = start
        // Warm-up: first touches, branch history.
        for _ in 0..<1_000 {
            now &+= 1
            sink += read(now).confidence
        }
        let counting = AllocationCounter.isAvailable
        if counting { AllocationCounter.setCounting(true) }
        let allocationsBefore = AllocationCounter.allocations
        var totalCycles: UInt64 = 0
        for _ in 0..<batches {
            let begin = CycleClock.cycles()
            for _ in 0..<batch {
                now &+= 1
                sink += read(now).confidence
            }
            let cycles = CycleClock.cycles() &- begin
            let net = cycles > overhead ? cycles - overhead : 0
            totalCycles &+= net
            recorder.record(Int64((clock.nanoseconds(net) / Double(batch)).rounded()))
        }
        let allocations = AllocationCounter.allocations &- allocationsBefore
        if counting { AllocationCounter.setCounting(false) }
        BenchmarkClock.consume(sink)
        let seconds = max(1e-9, clock.nanoseconds(totalCycles) / 1e9)
        return Measurement(latency: recorder.percentiles(), rate: Double(batches * batch) / seconds,
                           allocations: counting ? Double(allocations) / Double(batches * batch) : nil)
    }

    /// `measure` of `read` on this thread while a writer thread calls `publish` every ~1 µs until the reads are done.
    static func measureWithWriter(operations: Int, start: Int64, read: (Int64) -> AdvisoryView,
                                  publish: @escaping @Sendable (AdvisoryBias) -> Void) -> Measurement {
        let box = WriterFlags()
        let writer = NamedThread(name: "bench-bias-pub", pinnedToCore: 1) {
            var published: Int64 = 0
            box.ready.store(true, ordering: .releasing)
            while !box.done.load(ordering: .acquiring) {
                published &+= 1
                publish(bias(at: start, confidence: 0.5 + Double(published & 255) / 1_000))
                let pause = MonotonicClock.nanoseconds() + 1_000
                while MonotonicClock.nanoseconds() < pause {}
            }
        }
        writer.start()
        while !box.ready.load(ordering: .acquiring) { usleep(100) }
        let measurement = measure(operations: operations, start: start, read)
        box.done.store(true, ordering: .releasing)
        writer.join()
        return measurement
    }
}

/// The writer thread's flags (atomics are not copyable, so the closure reaches them through a class).
private final class WriterFlags: Sendable {
    let done = Atomic<Bool>(false)
    let ready = Atomic<Bool>(false)
}
