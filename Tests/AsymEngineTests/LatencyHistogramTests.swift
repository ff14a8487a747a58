@testable import AsymEngine
import AsymCore
import AsymTransport
import Testing

@Suite struct LatencyHistogramTests {
    @Test func everyValueLandsInABucketWhoseRangeHoldsItWithinOneSixteenth() {
        var generator = SplitMix64(seed: 3)
        for _ in 0..<50_000 {
            let value = Int64(generator.next() % (1 << 40))
            let bucket = LatencyHistogram.bucket(of: value)
            let upper = LatencyHistogram.upperBound(of: bucket)
            let lower = bucket == 0 ? 0 : LatencyHistogram.upperBound(of: bucket - 1) + 1
            #expect(lower <= value && value <= upper)
            #expect(Double(upper - lower) <= max(1, Double(value) / 16), "bucket [\(lower), \(upper)] for \(value)")
        }
    }

    @Test func percentilesAgreeWithSortingWithinTheBucketResolution() {
        var histogram = LatencyHistogram()
        var generator = SplitMix64(seed: 9)
        var values: [Int64] = []
        for _ in 0..<20_000 {
            // A long-tailed mix: mostly hundreds of ns, some microseconds, a few milliseconds.
            let draw = generator.next() % 1000
            let noise = generator.next()
            let value: Int64
            if draw < 900 {
                value = 200 + Int64(noise % 400)
            } else if draw < 995 {
                value = 2_000 + Int64(noise % 8_000)
            } else {
                value = 1_000_000 + Int64(noise % 3_000_000)
            }
            values.append(value)
            histogram.record(value)
        }
        values.sort()
        for q in [0.5, 0.9, 0.99, 0.999] {
            let exact = values[Int((q * Double(values.count)).rounded(.up)) - 1]
            let estimate = histogram.value(atQuantile: q)
            #expect(estimate >= exact && Double(estimate - exact) <= Double(exact) / 16 + 1, "q \(q): \(estimate) vs \(exact)")
        }
        #expect(histogram.count == 20_000 && histogram.maximum == values.last)
        #expect(histogram.sum == values.reduce(0, +))
    }

    @Test func cumulativeCountsAreMonotoneAndEndAtTheCount() {
        var histogram = LatencyHistogram()
        for value in [10, 100, 1_000, 10_000, 100_000] as [Int64] { histogram.record(value) }
        let counts = histogram.cumulativeCounts(atOrBelow: [50, 500, 5_000, 50_000, 500_000, .max])
        #expect(counts == [1, 2, 3, 4, 5, 5])
    }

    @Test func mergingAddsEverySample() {
        var first = LatencyHistogram(), second = LatencyHistogram()
        first.record(100)
        second.record(1_000_000)
        first.merge(second)
        #expect(first.count == 2 && first.maximum == 1_000_000 && first.value(atQuantile: 0.5) < 107, "the median is the small sample, to within its bucket")
    }

    @Test func anEmptyHistogramReportsZeros() {
        #expect(LatencyHistogram().percentiles == LatencyPercentiles(p50: 0, p99: 0, p999: 0, max: 0))
    }

    @Test func recordingAfterASnapshotAllocatesNothingWhereAPlainCopyCopiesTheBuckets() {
        var histogram = LatencyHistogram()
        histogram.record(250)
        let snapshot = histogram.snapshot()
        let (_, afterSnapshot) = AllocationCounter.countingOnThisThread { histogram.record(300) }
        #expect(afterSnapshot == 0)
        #expect(snapshot.count == 1 && snapshot.value(atQuantile: 1) == 250 && histogram.count == 2)
        // The reason `snapshot` exists: a copy shares the buckets until the next record copies them.
        let shared = histogram
        let (_, afterPlainCopy) = AllocationCounter.countingOnThisThread { histogram.record(300) }
        #expect(afterPlainCopy >= 1)
        #expect(shared.count == 2 && histogram.count == 3)
    }

    /// The engine thread refreshes its reused status snapshot with `removeAll` and `copySamples`: in place, and
    /// into storage of its own, so the recorder's next sample neither allocates nor shows in the snapshot.
    @Test func refreshingAReusedHistogramCopiesTheSamplesInPlaceIntoStorageOfItsOwn() {
        var recorder = LatencyHistogram()
        for value: Int64 in [120, 900, 15_000] { recorder.record(value) }
        var reused = LatencyHistogram()
        reused.record(5)
        let (_, refreshing) = AllocationCounter.countingOnThisThread {
            reused.removeAll()
            reused.copySamples(of: recorder)
        }
        #expect(refreshing == 0)
        #expect(reused == recorder)
        let (_, recording) = AllocationCounter.countingOnThisThread { recorder.record(7) }
        #expect(recording == 0)
        #expect(reused.count == 3 && recorder.count == 4)
        reused.removeAll()
        #expect(reused == LatencyHistogram())
    }
}
