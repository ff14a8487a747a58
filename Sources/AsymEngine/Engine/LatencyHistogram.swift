/// A fixed-size log-linear histogram of nanosecond latencies (the HdrHistogram layout with 16 sub-buckets per
/// power of two, so any value is recorded within 1/16 ≈ 6 % of itself): O(1) `record`, no allocation after
/// `init`, percentiles in O(buckets) without sorting, so a status thread can read percentiles of a running
/// engine at any rate. Gil Tene, "HdrHistogram: A High Dynamic Range Histogram", hdrhistogram.org.
public struct LatencyHistogram: Sendable, Equatable {
    /// Sub-buckets per power of two (a power of two itself).
    static let subBucketBits = 4
    static let subBuckets = 1 << subBucketBits
    /// Powers of two covered above the linear range: up to 2^44 ns ≈ 4.9 hours, past which values saturate.
    static let magnitudes = 40
    public static let bucketCount = subBuckets + magnitudes * subBuckets

    public private(set) var counts: [Int64]
    public private(set) var count: Int64 = 0
    /// Σ of the recorded values, ns (for a Prometheus `_sum`).
    public private(set) var sum: Int64 = 0
    public private(set) var maximum: Int64 = 0

    public init() {
        counts = Array(repeating: 0, count: Self.bucketCount)
    }

    /// The bucket of `value` (negative values count as 0).
    static func bucket(of value: Int64) -> Int {
        let value = UInt64(max(0, value))
        if value < UInt64(subBuckets) { return Int(value) }
        let exponent = 63 - value.leadingZeroBitCount
        let shift = exponent - subBucketBits
        let magnitude = min(shift, magnitudes - 1)
        let sub = Int((value >> UInt64(shift)) & UInt64(subBuckets - 1))
        return subBuckets + magnitude * subBuckets + (shift > magnitude ? subBuckets - 1 : sub)
    }

    /// The largest value that falls in `bucket`.
    static func upperBound(of bucket: Int) -> Int64 {
        if bucket < subBuckets { return Int64(bucket) }
        let magnitude = (bucket - subBuckets) / subBuckets
        let sub = (bucket - subBuckets) % subBuckets
        let lower = Int64(subBuckets + sub) << Int64(magnitude)
        return lower + (Int64(1) << Int64(magnitude)) - 1
    }

    /// Records one latency, ns.
    public mutating func record(_ nanoseconds: Int64) {
        counts[Self.bucket(of: nanoseconds)] &+= 1
        count &+= 1
        sum &+= max(0, nanoseconds)
        maximum = max(maximum, nanoseconds)
    }

    /// A copy with storage of its own: a plain copy shares the buckets, so the recorder's next `record` would
    /// copy them (5 KB). `TradingSession` hands its readers these.
    public func snapshot() -> LatencyHistogram {
        var copy = LatencyHistogram()
        copy.merge(self)
        return copy
    }

    /// Becomes a copy of `other` in its own storage, without allocating when that storage is not shared: how
    /// the engine thread refreshes its reused status snapshot.
    public mutating func copySamples(of other: LatencyHistogram) {
        for index in counts.indices { counts[index] = other.counts[index] }
        count = other.count
        sum = other.sum
        maximum = other.maximum
    }

    /// A copy with storage of its own, so rewriting this one in place later never has to copy it first.
    public func detached() -> LatencyHistogram {
        var copy = self
        copy.counts = counts.map { $0 }
        return copy
    }

    /// Forgets every sample, keeping the storage.
    public mutating func removeAll() {
        for index in counts.indices { counts[index] = 0 }
        count = 0
        sum = 0
        maximum = 0
    }

    /// Adds every sample of `other`.
    public mutating func merge(_ other: LatencyHistogram) {
        for index in counts.indices { counts[index] &+= other.counts[index] }
        count &+= other.count
        sum &+= other.sum
        maximum = max(maximum, other.maximum)
    }

    /// The samples recorded since `earlier` (a copy of this histogram taken before); the maximum is this one's.
    public func subtracting(_ earlier: LatencyHistogram) -> LatencyHistogram {
        var result = self
        for index in counts.indices { result.counts[index] &-= earlier.counts[index] }
        result.count &-= earlier.count
        result.sum &-= earlier.sum
        return result
    }

    /// The value at quantile `q` in [0, 1]: the upper bound of the bucket holding it (never above the maximum);
    /// 0 when empty.
    public func value(atQuantile q: Double) -> Int64 {
        guard count > 0 else { return 0 }
        let rank = max(1, Int64((q * Double(count)).rounded(.up)))
        var seen: Int64 = 0
        for index in counts.indices {
            seen &+= counts[index]
            if seen >= rank { return min(Self.upperBound(of: index), maximum) }
        }
        return maximum
    }

    /// p50, p99, p99.9 and the maximum.
    public var percentiles: LatencyPercentiles {
        LatencyPercentiles(p50: value(atQuantile: 0.5), p99: value(atQuantile: 0.99),
                           p999: value(atQuantile: 0.999), max: maximum)
    }

    /// Cumulative counts at each upper bound in `bounds` (ascending, ns): how many samples are ≤ each bound, to
    /// within the bucket resolution (a bucket counts toward a bound when its whole range is at or below it).
    public func cumulativeCounts(atOrBelow bounds: [Int64]) -> [Int64] {
        var result: [Int64] = []
        result.reserveCapacity(bounds.count)
        var bucket = 0
        var seen: Int64 = 0
        for bound in bounds {
            while bucket < counts.count && Self.upperBound(of: bucket) <= bound {
                seen &+= counts[bucket]
                bucket += 1
            }
            result.append(seen)
        }
        return result
    }
}
