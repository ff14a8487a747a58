import AsymCore
import AsymJournal
import AsymTransport
import Foundation

/// `asym bench journal`: the journal as the engine uses it.
///
/// - Main measurement: the hot-path `Journal.append` of a 32-byte event (claim a ring slot, copy, publish), timed
///   one call at a time with the CPU timestamp counter while the journal thread drains and commits on the other
///   core. The producer pauses (untimed) whenever the ring is half full, so the numbers are enqueue cost, not
///   back-pressure.
/// - Variant `durable_uring` and baseline (`PlainFileWriter`): end-to-end durable throughput. One thread enqueues
///   as fast as the ring admits; the journal thread frames, writes and group-commits (`fdatasync`) every 2 ms or
///   1 MiB; the clock stops when the last record is durable. Their latencies are `append` under that saturation
///   (the p99.9 shows the producer spinning on a full ring while an fsync runs).
enum JournalBenchmark {
    /// A 32-byte event, the size of a typical engine record (order, fill, verdict).
    struct Event: BitwiseCopyable {
        var first: Int64
        var second: Int64
        var third: Int64
        var fourth: Int64
    }

    static let commitInterval: Int64 = 2_000_000
    static let recordBytes = JournalRecordLayout.overhead + MemoryLayout<Event>.size

    static func run(operations: Int, directory: String? = nil) throws -> BenchmarkResult {
        let folder = directory ?? NSTemporaryDirectory() + "asym-bench-journal-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let enqueue = try measureEnqueue(operations: operations, directory: folder + "/enqueue")
        let uring = try measureDurable(backend: .uring, operations: operations, directory: folder + "/uring")
        let plain = try measureDurable(backend: .plain, operations: operations, directory: folder + "/plain")

        var result = BenchmarkResult(
            suite: "journal",
            subject: "Journal.append of a \(MemoryLayout<Event>.size)-byte event from the hot path (ring enqueue; "
                + "target p50 <= 50 ns, 0 allocations)",
            operations: operations, latency: enqueue.latency, operationsPerSecond: enqueue.rate,
            allocationsPerOperation: enqueue.allocations,
            baseline: .init(subject: plain.subject, latency: plain.latency, operationsPerSecond: plain.rate,
                            allocationsPerOperation: plain.allocations))
        result.variant = ("durable_uring", .init(
            subject: uring.subject, latency: uring.latency, operationsPerSecond: uring.rate,
            allocationsPerOperation: uring.allocations))
        return result
    }

    static func configuration(backend: JournalBackend, directory: String) -> JournalConfiguration {
        var configuration = JournalConfiguration(directory: directory)
        configuration.backend = backend
        configuration.commitInterval = commitInterval
        configuration.fullRingSpinLimit = .max
        return configuration
    }

    /// The timestamp counter's own cost, in cycles, to subtract from each sample.
    static func timerOverhead() -> UInt64 {
        var overhead = LatencyRecorder(capacity: 10_001)
        for _ in 0..<10_001 {
            let start = CycleClock.cycles()
            overhead.record(Int64(CycleClock.cycles() &- start))
        }
        return UInt64(overhead.percentiles().p50)
    }

    static func measureEnqueue(operations: Int, directory: String) throws
        -> (latency: LatencyPercentiles, rate: Double, allocations: Double?)
    {
        let journal = try Journal(configuration: configuration(backend: .uring, directory: directory))
        journal.start()
        let clock = CycleClock()
        let timerCycles = timerOverhead()
        let pauseAbove = journal.configuration.ringSlots / 2
        for index in 0..<10_000 { journal.append(event(index), type: .diagnostic, time: Int64(index)) }  // warm-up
        var recorder = LatencyRecorder(capacity: operations)
        var timed: Int64 = 0
        var failures = 0
        let counting = AllocationCounter.isAvailable
        if counting { AllocationCounter.setCounting(true) }
        let allocationsBefore = AllocationCounter.allocations
        for index in 0..<operations {
            if index & 1023 == 0 {
                while journal.queuedRecords > pauseAbove {}  // untimed: let the journal thread catch up
            }
            let payload = event(index)
            let started = CycleClock.cycles()
            let sequence = journal.append(payload, type: .diagnostic, time: Int64(index))
            let cycles = CycleClock.cycles() &- started
            if sequence == nil { failures += 1 }
            let elapsed = Int64(clock.nanoseconds(cycles > timerCycles ? cycles - timerCycles : 0).rounded())
            recorder.record(elapsed)
            timed &+= max(1, elapsed)
        }
        let allocations = AllocationCounter.allocations &- allocationsBefore
        if counting { AllocationCounter.setCounting(false) }
        try journal.close()
        precondition(failures == 0, "the enqueue benchmark must never find the ring full")
        return (recorder.percentiles(), Double(operations) / (Double(timed) / 1e9),
                counting ? Double(allocations) / Double(operations) : nil)
    }

    static func measureDurable(backend: JournalBackend, operations: Int, directory: String) throws
        -> (latency: LatencyPercentiles, rate: Double, allocations: Double?, subject: String)
    {
        let journal = try Journal(configuration: configuration(backend: backend, directory: directory))
        journal.start()
        let clock = CycleClock()
        var recorder = LatencyRecorder(capacity: operations)
        var last: UInt64 = 0
        let counting = AllocationCounter.isAvailable
        if counting { AllocationCounter.setCounting(true) }
        let allocationsBefore = AllocationCounter.allocations
        let started = MonotonicClock.nanoseconds()
        for index in 0..<operations {
            let payload = event(index)
            let before = CycleClock.cycles()
            let sequence = journal.append(payload, type: .diagnostic, time: Int64(index))
            recorder.record(Int64(clock.nanoseconds(CycleClock.cycles() &- before).rounded()))
            last = sequence ?? last
        }
        let allocations = AllocationCounter.allocations &- allocationsBefore
        if counting { AllocationCounter.setCounting(false) }
        let durable = journal.waitUntilDurable(last, timeout: 120_000_000_000)
        let elapsed = MonotonicClock.nanoseconds() - started
        let statistics = journal.statistics
        try journal.close()
        precondition(durable && statistics.enqueueFailures == 0 && last == UInt64(operations),
                     "every record must become durable")
        let rate = Double(operations) / (Double(elapsed) / 1e9)
        let megabytes = (rate * Double(recordBytes) / 1e5).rounded() / 10
        let meanCommit = statistics.commits > 0
            ? (Double(statistics.commitNanoseconds) / Double(statistics.commits) / 1e4).rounded() / 100 : 0
        let name = backend == .uring ? "io_uring write + fdatasync" : "pwrite + fdatasync"
        let subject = "durable end to end via \(name): \(JSONText.number((rate / 1e4).rounded() / 100)) M events/s "
            + "(\(JSONText.number(megabytes)) MB/s of \(recordBytes)-byte records, target >= 2 M/s), "
            + "\(statistics.commits) group commits every <= \(commitInterval / 1_000_000) ms or 1 MiB, "
            + "mean commit \(JSONText.number(meanCommit)) ms; latency = append under saturation"
        return (recorder.percentiles(), rate, counting ? Double(allocations) / Double(operations) : nil, subject)
    }

    @inline(__always)
    static func event(_ index: Int) -> Event {
        Event(first: Int64(index), second: Int64(index) &* 3, third: -Int64(index), fourth: 42)
    }
}
