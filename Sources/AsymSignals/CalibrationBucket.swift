/// One row of a `CalibrationTable`: the signals whose confidence fell in `[lowerBound, upperBound)` and how
/// often they hit.
public struct CalibrationBucket: Sendable, BitwiseCopyable, Equatable {
    /// Confidence range (the last bucket includes 1).
    public var lowerBound: Double
    public var upperBound: Double
    /// Resolved signals, and those that hit.
    public var count: Int64 = 0
    public var hits: Int64 = 0
    /// Sum of the resolved signals' confidences.
    public var confidenceSum: Double = 0

    /// An empty bucket.
    public init(lowerBound: Double, upperBound: Double) {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// Realised hit rate, nil when empty.
    @inlinable public var hitRate: Double? { count > 0 ? Double(hits) / Double(count) : nil }
    /// Mean stated confidence, nil when empty; a calibrated model has `hitRate ≈ meanConfidence`.
    @inlinable public var meanConfidence: Double? { count > 0 ? confidenceSum / Double(count) : nil }
}
