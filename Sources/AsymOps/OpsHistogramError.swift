/// Why an ``OpsHistogram`` could not be built from the given buckets.
public enum OpsHistogramError: Error, Equatable, Sendable {
    /// Bounds and counts differ in number.
    case bucketCountMismatch(bounds: Int, counts: Int)
    /// The bound at `index` is infinite or NaN (`+Inf` is implicit: it is `count`).
    case nonFiniteBound(index: Int)
    /// The bound at `index` is not above the one before it.
    case boundsNotIncreasing(index: Int)
    /// The count at `index` is negative, below the one before it, or above the total.
    case countsNotCumulative(index: Int)
}
