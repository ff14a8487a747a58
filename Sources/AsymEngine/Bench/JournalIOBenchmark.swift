import AsymCore
import AsymTransport
import Foundation

/// `asym bench journal-io`: appending fixed-size records with a group-commit fsync every
/// `recordsPerCommit` records, through io_uring; baseline: the same buffering with `pwrite` + `fdatasync`.
///
/// Latency is per `append` (the cost the journal thread pays per record, commits included, so the
/// p99.9 shows the fsync stalls); throughput counts durable records per second.
enum JournalIOBenchmark {
    static let recordSize = 128
    static let recordsPerCommit = 8192

    static func run(operations: Int, directory: String? = nil) throws -> BenchmarkResult {
        let folder = directory ?? NSTemporaryDirectory() + "asym-bench-journal-io-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let uring = try measure(try URingFileWriter(path: folder + "/uring.log"), operations: operations)
        let plain = try measure(try PlainFileWriter(path: folder + "/plain.log"), operations: operations)
        let megabytes = { (rate: Double) in (rate * Double(recordSize) / 1e6 * 10).rounded() / 10 }
        return BenchmarkResult(
            suite: "journal-io",
            subject: "io_uring append of \(recordSize)-byte records, fdatasync every \(recordsPerCommit) (\(megabytes(uring.1)) MB/s durable)",
            operations: operations, latency: uring.0, operationsPerSecond: uring.1, allocationsPerOperation: uring.2,
            baseline: .init(subject: "pwrite + fdatasync, same buffering (\(megabytes(plain.1)) MB/s durable)",
                            latency: plain.0, operationsPerSecond: plain.1, allocationsPerOperation: plain.2))
    }

    /// Appends `operations` records with periodic commits, timing each append.
    static func measure<Writer: AppendOnlyFileWriter>(_ writer: Writer, operations: Int) throws
        -> (LatencyPercentiles, Double, Double?)
    {
        var record = [UInt8](repeating: 0x5A, count: recordSize)
        var recorder = LatencyRecorder(capacity: operations)
        let counting = AllocationCounter.isAvailable
        if counting { AllocationCounter.setCounting(true) }
        let allocationsBefore = AllocationCounter.allocations
        let started = MonotonicClock.nanoseconds()
        try record.withUnsafeMutableBytes { bytes in
            for index in 0..<operations {
                bytes.storeBytes(of: UInt64(index), as: UInt64.self)
                let before = MonotonicClock.nanoseconds()
                try writer.append(UnsafeRawBufferPointer(bytes))
                if (index + 1) % recordsPerCommit == 0 { try writer.commit() }
                recorder.record(MonotonicClock.nanoseconds() - before)
            }
        }
        try writer.commit()
        let elapsed = MonotonicClock.nanoseconds() - started
        let allocations = AllocationCounter.allocations - allocationsBefore
        if counting { AllocationCounter.setCounting(false) }
        try writer.close()
        return (recorder.percentiles(), Double(operations) / (Double(elapsed) / 1e9),
                counting ? Double(allocations) / Double(operations) : nil)
    }
}
