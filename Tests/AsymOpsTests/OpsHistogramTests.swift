import AsymOps
import Testing

@Suite("OpsHistogram")
struct OpsHistogramTests {
    @Test("per-bucket nanosecond counts become cumulative second buckets with the overflow only in the count")
    func convertsNanosecondBucketsToCumulativeSeconds() throws {
        let histogram = try OpsHistogram(
            upperBoundsNanoseconds: [500, 1_000, 2_000], bucketCounts: [3, 0, 5], overflowCount: 2, sumNanoseconds: 9_500)
        #expect(histogram.upperBoundsSeconds == [5e-7, 1e-6, 2e-6])
        #expect(histogram.cumulativeCounts == [3, 3, 8])
        #expect(histogram.count == 10)
        #expect(histogram.sumSeconds == 9.5e-6)
    }

    @Test("inconsistent buckets are refused with the reason", arguments: [
        ([1.0, 2.0], [1], 1, OpsHistogramError.bucketCountMismatch(bounds: 2, counts: 1)),
        ([1.0, .infinity], [1, 1], 1, .nonFiniteBound(index: 1)),
        ([1.0, .nan], [1, 1], 1, .nonFiniteBound(index: 1)),
        ([2.0, 1.0], [1, 1], 1, .boundsNotIncreasing(index: 1)),
        ([1.0, 1.0], [1, 1], 1, .boundsNotIncreasing(index: 1)),
        ([1.0, 2.0], [2, 1], 2, .countsNotCumulative(index: 1)),
        ([1.0, 2.0], [1, 3], 2, .countsNotCumulative(index: 1)),
        ([1.0], [-1], 0, .countsNotCumulative(index: 0)),
    ] as [([Double], [Int64], Int64, OpsHistogramError)])
    func refusesInconsistentBuckets(bounds: [Double], counts: [Int64], count: Int64, expected: OpsHistogramError) {
        #expect(throws: expected) {
            try OpsHistogram(upperBoundsSeconds: bounds, cumulativeCounts: counts, count: count, sumSeconds: 0)
        }
    }

    @Test("negative per-bucket or overflow counts are refused")
    func refusesNegativeBucketCounts() {
        #expect(throws: OpsHistogramError.countsNotCumulative(index: 1)) {
            try OpsHistogram(upperBoundsNanoseconds: [1, 2], bucketCounts: [1, -1], overflowCount: 0, sumNanoseconds: 0)
        }
        #expect(throws: OpsHistogramError.countsNotCumulative(index: 2)) {
            try OpsHistogram(upperBoundsNanoseconds: [1, 2], bucketCounts: [1, 1], overflowCount: -1, sumNanoseconds: 0)
        }
        #expect(throws: OpsHistogramError.bucketCountMismatch(bounds: 1, counts: 2)) {
            try OpsHistogram(upperBoundsNanoseconds: [1], bucketCounts: [1, 1], overflowCount: 0, sumNanoseconds: 0)
        }
    }
}
