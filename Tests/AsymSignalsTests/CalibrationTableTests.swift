import AsymCore
import AsymSignals
import Testing

/// Hit rates per confidence bucket, resolved from later mids.
@Suite struct CalibrationTableTests {
    static let second: Int64 = 1_000_000_000

    /// 5 bps hit threshold, 60 s horizon.
    static func table(capacity: Int = 16) -> CalibrationTable {
        var configuration = CalibrationConfiguration()
        configuration.hitBasisPoints = 5
        configuration.horizon = 60 * second
        configuration.pendingCapacity = capacity
        return CalibrationTable(configuration: configuration)
    }

    @Test func handBuiltSequenceGivesTheExpectedCountsAndHitRates() {
        var table = Self.table()
        // Mid 100 000 ticks: 5 bps = 50 ticks.
        table.record(direction: .long, confidence: 0.82, midTicks: 100_000, at: 0)   // bucket 8: will hit
        table.record(direction: .long, confidence: 0.85, midTicks: 100_000, at: 0)   // bucket 8: hits too
        table.record(direction: .short, confidence: 0.88, midTicks: 100_000, at: 0)  // bucket 8: misses
        table.record(direction: .short, confidence: 0.15, midTicks: 100_000, at: 0)  // bucket 1: misses
        #expect(table.pending == 4)
        table.observe(midTicks: 100_030, at: 10 * Self.second)  // +3 bps: nothing yet
        #expect(table.pending == 4)
        table.observe(midTicks: 100_050, at: 20 * Self.second)  // +5 bps: both longs hit
        #expect(table.pending == 2)
        table.observe(midTicks: 99_990, at: 59 * Self.second)   // −1 bp: no short hit
        table.observe(midTicks: 99_000, at: 61 * Self.second)   // past the horizon: the shorts miss
        #expect(table.pending == 0)

        let high = table.bucket(8)
        #expect(high.count == 3 && high.hits == 2)
        #expect(high.hitRate == 2.0 / 3.0)
        #expect(abs(high.meanConfidence! - (0.82 + 0.85 + 0.88) / 3) < 1e-12)
        let low = table.bucket(1)
        #expect(low.count == 1 && low.hits == 0 && low.hitRate == 0)
        #expect(table.bucket(5).count == 0 && table.bucket(5).hitRate == nil)
        #expect(table.buckets.map(\.count).reduce(0, +) == 4)
        #expect(table.buckets.first?.lowerBound == 0 && table.buckets.last?.upperBound == 1)
        // ECE = (3/4)·|2/3 − 0.85| + (1/4)·|0 − 0.15|.
        #expect(abs(table.expectedCalibrationError - (0.75 * abs(2.0 / 3 - 0.85) + 0.25 * 0.15)) < 1e-12)
    }

    @Test func aHitAtAnyMomentInsideTheHorizonCountsEvenIfPriceComesBack() {
        var table = Self.table()
        table.record(direction: .short, confidence: 0.55, midTicks: 100_000, at: 0)
        table.observe(midTicks: 99_940, at: 5 * Self.second)
        table.observe(midTicks: 100_500, at: 30 * Self.second)
        table.observe(midTicks: 100_500, at: 90 * Self.second)
        #expect(table.bucket(5).hits == 1 && table.bucket(5).count == 1)
    }

    @Test func aMoveAfterTheHorizonDoesNotCount() {
        var table = Self.table()
        table.record(direction: .long, confidence: 0.35, midTicks: 100_000, at: 0)
        table.observe(midTicks: 100_100, at: 61 * Self.second)
        #expect(table.bucket(3).count == 1 && table.bucket(3).hits == 0)
    }

    @Test func confidenceOfOneFallsInTheTopBucketAndZeroInTheBottom() {
        let table = Self.table()
        #expect(table.bucketIndex(of: 1) == 9)
        #expect(table.bucketIndex(of: 0.999) == 9)
        #expect(table.bucketIndex(of: 0) == 0)
        #expect(table.bucketIndex(of: 0.1) == 1)
        #expect(table.bucketIndex(of: -3) == 0 && table.bucketIndex(of: 7) == 9)
    }

    @Test func aFullPendingQueueDropsNewSignalsAndWrapsAround() {
        var table = Self.table(capacity: 2)
        table.record(direction: .long, confidence: 0.5, midTicks: 100_000, at: 0)
        table.record(direction: .long, confidence: 0.5, midTicks: 100_000, at: 1)
        table.record(direction: .long, confidence: 0.5, midTicks: 100_000, at: 2)
        #expect(table.pending == 2 && table.dropped == 1)
        // Resolve and refill a few times so the ring wraps.
        for round in 0..<5 {
            let time = Int64(round + 1) * 100 * Self.second
            table.observe(midTicks: 100_000, at: time)
            #expect(table.pending == 0)
            table.record(direction: .short, confidence: 0.95, midTicks: 100_000, at: time)
            table.record(direction: .long, confidence: 0.95, midTicks: 100_000, at: time)
            table.observe(midTicks: 99_900, at: time + 1)  // the short hits; the long waits
            #expect(table.pending == 1)
        }
        #expect(table.bucket(9).hits == 5)
        #expect(table.bucket(5).count == 2 && table.bucket(5).hits == 0)
    }

    @Test func calibratedConfidenceIsTheBucketHitRateOnceItHasEnoughOutcomes() {
        var table = Self.table(capacity: 64)
        for index in 0..<10 {
            table.record(direction: .long, confidence: 0.9, midTicks: 100_000, at: Int64(index))
        }
        #expect(table.calibratedConfidence(0.93, minimumCount: 10) == nil)
        table.observe(midTicks: 100_000, at: 10)
        table.observe(midTicks: 100_000, at: 200 * Self.second)
        #expect(table.calibratedConfidence(0.93, minimumCount: 10) == 0, "all ten missed")
        #expect(table.calibratedConfidence(0.93, minimumCount: 11) == nil)
    }
}
