/// A sum of values over a sliding window of time, kept in a fixed ring of time buckets.
///
/// The window is `bucketCount × bucketWidth` nanoseconds, with bucket granularity: a value leaves
/// the sum when its whole bucket does, so the effective window is between `(bucketCount − 1)` and
/// `bucketCount` bucket widths. Late values (time before the current bucket) count in the current
/// bucket. Integer-valued inputs (lots) stay exact in `Double` below 2⁵³.
///
/// The open bucket's sum is a scalar and the time its bucket ends is cached, so a value landing in the
/// current bucket — nearly every call — costs one comparison and two additions: no integer division and
/// no array write (the ring is written when the bucket closes).
/// - Complexity: `add`/`advance` are O(1) amortised, O(bucketCount) after a long silence; no allocation.
public struct RollingTimeSum: Sendable {
    /// Sums of the closed buckets by slot; the open bucket's slot is stale until it closes.
    @usableFromInline var buckets: ContiguousArray<Double>
    @usableFromInline var currentBucket: Int64 = .min
    @usableFromInline var currentSlot = 0
    /// Sum of the open bucket.
    @usableFromInline var currentValue: Double = 0
    /// The first time that falls after the open bucket (`.min` before the first call).
    @usableFromInline var nextBucketStart: Int64 = .min
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
        if time >= nextBucketStart { openBucket(at: time) }
    }

    /// Adds `value` at `time` (advancing the window first).
    @inlinable
    public mutating func add(_ value: Double, at time: Int64) {
        advance(to: time)
        currentValue += value
        storedTotal += value
    }

    /// Closes the open bucket and opens the one holding `time`, expiring the buckets in between.
    @usableFromInline
    mutating func openBucket(at time: Int64) {
        let count = buckets.count
        if currentBucket >= 0 {
            buckets[currentSlot] = currentValue
            currentValue = 0
            // Usually the next bucket or one soon after: step there without dividing.
            var steps = 1
            while steps < count {
                currentBucket &+= 1
                currentSlot = currentSlot &+ 1 == count ? 0 : currentSlot &+ 1
                storedTotal -= buckets[currentSlot]
                buckets[currentSlot] = 0
                nextBucketStart = nextBucketStart &+ bucketWidth
                if time < nextBucketStart { return }
                steps &+= 1
            }
        }
        // The first value, or a silence of a whole window or more: every bucket has expired.
        for index in buckets.indices { buckets[index] = 0 }
        storedTotal = 0
        currentValue = 0
        let bucket = time / bucketWidth
        currentBucket = bucket
        currentSlot = Int(bucket % Int64(count))
        // Division truncates toward zero, so bucket b ≥ 0 ends at (b + 1)·width and a negative one at b·width + 1.
        let (end, overflow) = (bucket >= 0 ? bucket &+ 1 : bucket).multipliedReportingOverflow(by: bucketWidth)
        nextBucketStart = overflow ? .max : (bucket >= 0 ? end : end &+ 1)
    }
}
