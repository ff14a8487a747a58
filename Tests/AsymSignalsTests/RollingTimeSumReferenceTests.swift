import AsymCore
import AsymSignals
import Testing
import TestSupport

/// The bucket arithmetic written the obvious way: every call divides the time into a bucket index and
/// expires the buckets in between one by one.
struct DividingTimeSum {
    var buckets: [Double]
    var currentBucket: Int64 = .min
    var total: Double = 0
    let bucketWidth: Int64

    init(window: Int64, bucketCount: Int) {
        bucketWidth = window / Int64(bucketCount)
        buckets = Array(repeating: 0, count: bucketCount)
    }

    mutating func advance(to time: Int64) {
        let bucket = time / bucketWidth
        guard bucket > currentBucket else { return }
        let count = Int64(buckets.count)
        if currentBucket == .min || bucket - currentBucket >= count {
            for index in buckets.indices { buckets[index] = 0 }
            total = 0
        } else {
            for next in (currentBucket + 1)...bucket {
                let slot = Int(next % count)
                total -= buckets[slot]
                buckets[slot] = 0
            }
        }
        currentBucket = bucket
    }

    mutating func add(_ value: Double, at time: Int64) {
        advance(to: time)
        buckets[Int(currentBucket % Int64(buckets.count))] += value
        total += value
    }
}

@Suite struct RollingTimeSumReferenceTests {
    /// The cached bucket boundary and the open-bucket scalar must give the very same `Double` totals as dividing
    /// on every call, through steady flow, late values, short gaps and silences longer than the window.
    @Test func totalsEqualTheDividingReferenceBitForBit() {
        var random = SplitMix64(seed: 11)
        for (window, bucketCount) in [(Int64(1_000), 1), (1_000, 10), (1_000_000_000, 20), (60_000_000_000, 20)] {
            var sum = RollingTimeSum(window: window, bucketCount: bucketCount)
            var reference = DividingTimeSum(window: window, bucketCount: bucketCount)
            var time: Int64 = 1_767_225_600_000_000_000 + random.int64(in: 0...window)
            for step in 0..<20_000 {
                switch random.below(100) {
                case 0..<70: time += random.int64(in: 0...(window / 40))      // steady flow, often the same bucket
                case 70..<80: time += random.int64(in: 0...(window / 3))      // a few buckets ahead
                case 80..<88: time += random.int64(in: (window / 2)...(window + window / 5))  // every gap near a window
                case 88..<91: time += random.int64(in: window...(3 * window))  // a silence longer than the window
                case 91..<95: time -= random.int64(in: 0...(window / 50))     // a late value
                default: break
                }
                if random.below(4) == 0 {
                    sum.advance(to: time)
                    reference.advance(to: time)
                } else {
                    let value = Double(random.int64(in: -1_000...1_000)) / 7  // not integers: rounding must match too
                    sum.add(value, at: time)
                    reference.add(value, at: time)
                }
                #expect(sum.total.bitPattern == reference.total.bitPattern, "window \(window), step \(step)")
                if sum.total.bitPattern != reference.total.bitPattern { return }
            }
        }
    }
}
