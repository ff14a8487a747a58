/// Preallocated storage for per-operation latencies, so recording never allocates mid-run.
public struct LatencyRecorder {
    private var samples: [Int64]
    private var recorded = 0

    /// Reserves room for `capacity` samples up front.
    public init(capacity: Int) {
        samples = [Int64](repeating: 0, count: capacity)
    }

    /// Records one latency in nanoseconds; samples past capacity are ignored.
    @inline(__always)
    public mutating func record(_ nanoseconds: Int64) {
        if recorded < samples.count {
            samples[recorded] = nanoseconds
            recorded += 1
        }
    }

    /// The number of samples recorded.
    public var count: Int { recorded }

    /// Nearest-rank percentiles of the recorded samples.
    ///
    /// - Complexity: O(n log n): sorts the samples.
    public mutating func percentiles() -> LatencyPercentiles {
        guard recorded > 0 else { return LatencyPercentiles(p50: 0, p99: 0, p999: 0, max: 0) }
        samples[0..<recorded].sort()
        func rank(_ fraction: Double) -> Int64 {
            samples[min(recorded - 1, Int((Double(recorded) * fraction).rounded(.up)) - 1)]
        }
        return LatencyPercentiles(p50: rank(0.50), p99: rank(0.99), p999: rank(0.999), max: samples[recorded - 1])
    }
}

/// Latency percentiles in nanoseconds.
public struct LatencyPercentiles: Sendable, Equatable {
    /// Median.
    public var p50: Int64
    /// 99th percentile.
    public var p99: Int64
    /// 99.9th percentile.
    public var p999: Int64
    /// Largest sample.
    public var max: Int64

    public init(p50: Int64, p99: Int64, p999: Int64, max: Int64) {
        self.p50 = p50
        self.p99 = p99
        self.p999 = p999
        self.max = max
    }
}
