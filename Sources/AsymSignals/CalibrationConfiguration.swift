/// Parameters of `CalibrationTable`: what counts as a hit, and the table's shape.
public struct CalibrationConfiguration: Sendable {
    /// Equal-width confidence buckets over [0, 1].
    public var bucketCount = 10
    /// A signal hits when the mid moves its way by at least this many basis points of the mid at the signal...
    public var hitBasisPoints = 5.0
    /// ...within this horizon after it, ns.
    public var horizon: Int64 = 60_000_000_000
    /// Signals awaiting their outcome at once; more are not tracked (counted in `dropped`).
    public var pendingCapacity = 256

    /// The defaults.
    public init() {}
}
