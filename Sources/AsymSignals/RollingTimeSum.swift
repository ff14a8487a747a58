/// A sum of values over a sliding window of time, kept in a fixed ring of time buckets.
///
/// The window is `bucketCount × bucketWidth` nanoseconds, with bucket granularity: a value leaves
/// the sum when its whole bucket does, so the effective window is between `(bucketCount − 1)` and
/// `bucketCount` bucket widths. Late values (time before the current bucket) count in the current
/// bucket. Integer-valued inputs (lots) stay exact in `Double` below 2⁵³.
/// - Complexity: `add`/`advance` are O(1) amortised, O(bucketCount) after a long silence; no allocation.
public struct RollingTimeSum: Sendable {
    @usableFromInline var buckets: ContiguousArray<Double>
    @usableFromInline var currentBucket: Int64 = .min
    /// The sum over the window as of the last `add` or `advance`.
    @inlinable public var total: Double { storedTotal }
    @usableFromInline var storedTotal: Double = 0
    /// Width of one bucket, ns.
    public let bucketWidth: Int64

    /// A window of `window` ns split into `bucketCount` buckets.
    public init(window: Int64, bucketCount: Int = 20) {
        precondition(window > 0 && bucketCount >= 1 && window % Int64(bucketCount) == 0,
                     "window must be a positive multiple of bucketCount")
        bucketWidth = window / Int64(bucketCount)
        buckets = ContiguousArray(repeating: 0, count: bucketCount)
    }

    /// The window length, ns.
    public var window: Int64 { bucketWidth * Int64(buckets.count) }

    /// Expires buckets older than the window ending at `time`.
    @inlinable
    public mutating func advance(to time: Int64) {
        let bucket = time / bucketWidth
        guard bucket > currentBucket else { return }
        let count = Int64(buckets.count)
        if currentBucket == .min || bucket &- currentBucket >= count {
            for index in buckets.indices { buckets[index] = 0 }
            storedTotal = 0
        } else {
            var next = currentBucket &+ 1
            while next <= bucket {
                let slot = Int(next % count)
                storedTotal -= buckets[slot]
                buckets[slot] = 0
                next &+= 1
            }
        }
        currentBucket = bucket
    }

    /// Adds `value` at `time` (advancing the window first).
    @inlinable
    public mutating func add(_ value: Double, at time: Int64) {
        advance(to: time)
        let slot = Int(currentBucket % Int64(buckets.count))
        buckets[slot] += value
        storedTotal += value
    }
}
