/// What one pass over the top N levels of one side accumulates (internal to `BookFeatureEngine`).
@usableFromInline
struct BookSideScan {
    /// Rank-weighted size through depths 1, 5, 10 and N.
    @usableFromInline var weighted1: Double = 0
    @usableFromInline var weighted5: Double = 0
    @usableFromInline var weighted10: Double = 0
    @usableFromInline var weightedN: Double = 0
    /// Least-squares sums of cumulative depth (y) on distance from the mid (x).
    @usableFromInline var n: Double = 0
    @usableFromInline var sumX: Double = 0
    @usableFromInline var sumY: Double = 0
    @usableFromInline var sumXY: Double = 0
    @usableFromInline var sumXX: Double = 0
    @usableFromInline var cumulative: Int64 = 0
    @usableFromInline var whales: Int32 = 0
    @usableFromInline var largest: Int64 = 0
    @usableFromInline var nearestWhale: Int64 = -1
    @usableFromInline var sample: Int64 = -1

    @usableFromInline init() {}

    /// Slope of cumulative depth on distance, lots per tick (0 with fewer than two levels).
    @inlinable
    var slope: Double {
        let denominator = n * sumXX - sumX * sumX
        return n >= 2 && denominator > 0 ? (n * sumXY - sumX * sumY) / denominator : 0
    }
}
