/// A latency histogram as Prometheus exposes it: cumulative bucket counts at fixed upper bounds, plus count and sum.
///
/// The engine records into fixed buckets (one relaxed increment per sample, no allocation) and converts to this
/// type only when scraped. `count` is the `+Inf` bucket, so samples above the last bound are still counted.
/// Bounds are in seconds, the base unit Prometheus expects (`histogram_quantile` works in whatever unit `le` has).
public struct OpsHistogram: Sendable, Equatable {
    /// Finite upper bounds (`le`), strictly increasing.
    public let upperBoundsSeconds: [Double]
    /// Samples ≤ each bound; non-decreasing, each ≤ `count`.
    public let cumulativeCounts: [Int64]
    /// All samples (the `+Inf` bucket).
    public let count: Int64
    /// Sum of all samples, seconds.
    public let sumSeconds: Double

    /// No buckets and no samples.
    public static let empty = OpsHistogram(checkedBounds: [], cumulativeCounts: [], count: 0, sumSeconds: 0)

    /// Upper bounds for latencies from 100 ns to 1 s: fine where the hot path lives, coarse where only outliers go.
    public static let defaultLatencyUpperBoundsNanoseconds: [Int64] = [
        100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000,
        1_000_000, 5_000_000, 25_000_000, 100_000_000, 1_000_000_000,
    ]

    /// A histogram from cumulative counts; throws if the buckets are inconsistent.
    public init(
        upperBoundsSeconds: [Double], cumulativeCounts: [Int64], count: Int64, sumSeconds: Double
    ) throws(OpsHistogramError) {
        guard upperBoundsSeconds.count == cumulativeCounts.count else {
            throw .bucketCountMismatch(bounds: upperBoundsSeconds.count, counts: cumulativeCounts.count)
        }
        for (index, bound) in upperBoundsSeconds.enumerated() {
            guard bound.isFinite else { throw .nonFiniteBound(index: index) }
            if index > 0, bound <= upperBoundsSeconds[index - 1] { throw .boundsNotIncreasing(index: index) }
        }
        var previous: Int64 = 0
        for (index, cumulative) in cumulativeCounts.enumerated() {
            guard cumulative >= previous, cumulative <= count else { throw .countsNotCumulative(index: index) }
            previous = cumulative
        }
        guard count >= 0 else { throw .countsNotCumulative(index: cumulativeCounts.count) }
        self.init(checkedBounds: upperBoundsSeconds, cumulativeCounts: cumulativeCounts, count: count, sumSeconds: sumSeconds)
    }

    /// A histogram from per-bucket counts in nanoseconds, the way a recorder keeps them.
    ///
    /// - Parameters:
    ///   - upperBoundsNanoseconds: bucket `i` holds samples in `(bound[i-1], bound[i]]`.
    ///   - bucketCounts: samples per bucket, one per bound.
    ///   - overflowCount: samples above the last bound.
    ///   - sumNanoseconds: sum of all samples.
    public init(
        upperBoundsNanoseconds: [Int64], bucketCounts: [Int64], overflowCount: Int64, sumNanoseconds: Int64
    ) throws(OpsHistogramError) {
        guard upperBoundsNanoseconds.count == bucketCounts.count else {
            throw .bucketCountMismatch(bounds: upperBoundsNanoseconds.count, counts: bucketCounts.count)
        }
        var cumulative: [Int64] = []
        cumulative.reserveCapacity(bucketCounts.count)
        var running: Int64 = 0
        for (index, bucket) in bucketCounts.enumerated() {
            guard bucket >= 0 else { throw .countsNotCumulative(index: index) }
            running += bucket
            cumulative.append(running)
        }
        guard overflowCount >= 0 else { throw .countsNotCumulative(index: bucketCounts.count) }
        try self.init(
            upperBoundsSeconds: upperBoundsNanoseconds.map { Double($0) / 1e9 }, cumulativeCounts: cumulative,
            count: running + overflowCount, sumSeconds: Double(sumNanoseconds) / 1e9)
    }

    private init(checkedBounds: [Double], cumulativeCounts: [Int64], count: Int64, sumSeconds: Double) {
        self.upperBoundsSeconds = checkedBounds
        self.cumulativeCounts = cumulativeCounts
        self.count = count
        self.sumSeconds = sumSeconds
    }
}
