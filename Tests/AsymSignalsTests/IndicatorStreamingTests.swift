@testable import AsymSignals
import Foundation
import Testing

private let day: Int64 = 86_400_000_000_000
private let hour: Int64 = 3_600_000_000_000

@Suite struct IndicatorStreamingTests {
    @Test func sessionVWAPResetsAtUTCMidnight() {
        var vwap = SessionVWAP()
        #expect(vwap.value == nil)
        #expect(vwap.update(price: 100, volume: 1, time: day - 2 * hour) == 100)
        #expect(vwap.update(price: 200, volume: 3, time: day - 1) == 175)
        #expect(vwap.update(price: 50, volume: 2, time: day) == 50, "a new UTC day starts a new session")
        #expect(vwap.update(price: 80, volume: 0, time: day + 1) == 50)
    }

    @Test func sessionVWAPHonoursAConfiguredSessionBoundaryAndWaitsForVolume() {
        var vwap = SessionVWAP(sessionLength: day, sessionOffset: 8 * hour)  // sessions start 08:00 UTC
        #expect(vwap.update(price: 10, volume: 1, time: 7 * hour) == 10)
        #expect(vwap.update(price: 30, volume: 1, time: 7 * hour + hour - 1) == 20)
        #expect(vwap.update(price: 99, volume: 0, time: 8 * hour) == nil, "a session with no volume yet has no VWAP")
        #expect(vwap.update(candle: CandleValues(open: 0, high: 12, low: 6, close: 9, volume: 2), openTime: 9 * hour) == 9)
    }

    @Test func realizedVolatilityIsTheSampleStddevOfLogReturnsAndAnnualisesOnRequest() {
        var perBar = RealizedVolatility(period: 2)
        var yearly = RealizedVolatility(period: 2, periodsPerYear: 365)
        let prices = [100.0, 110, 99]
        var last: Double?
        var lastYearly: Double?
        for price in prices {
            last = perBar.update(price)
            lastYearly = yearly.update(price)
        }
        let r1 = Foundation.log(110.0 / 100), r2 = Foundation.log(99.0 / 110)
        let mean = (r1 + r2) / 2
        let expected = (((r1 - mean) * (r1 - mean) + (r2 - mean) * (r2 - mean)) / 1).squareRoot()
        #expect(abs(last! - expected) <= 1e-15)
        #expect(abs(lastYearly! - expected * 365.0.squareRoot()) <= 1e-14)
    }

    @Test func zScoreOfAFlatWindowIsZeroNotNaN() {
        var z = ZScore(period: 3)
        #expect(z.update(5) == nil && z.update(5) == nil)
        #expect(z.update(5) == 0)
        #expect(z.update(8)! > 1)
    }

    @Test func warmUpLengthsFollowTALibLookbacks() {
        func firstValue(_ update: (inout Int) -> Bool) -> Int {
            var index = 0
            while !update(&index) { index += 1 }
            return index
        }
        var sma = SimpleMovingAverage(period: 20), ema = ExponentialMovingAverage(period: 20)
        var rsi = RelativeStrengthIndex(period: 14), macd = MovingAverageConvergenceDivergence()
        var atr = AverageTrueRange(period: 14), adx = AverageDirectionalIndex(period: 14), bands = BollingerBands(period: 20)
        #expect(firstValue { i in sma.update(Double(i)) != nil } == 19)
        #expect(firstValue { i in ema.update(Double(i)) != nil } == 19)
        #expect(firstValue { i in rsi.update(Double(i % 7)) != nil } == 14)
        #expect(firstValue { i in macd.update(Double(i % 5)) != nil } == 33)
        #expect(firstValue { i in bands.update(Double(i)) != nil } == 19)
        #expect(firstValue { i in atr.update(high: Double(i + 2), low: Double(i), close: Double(i + 1)) != nil } == 14)
        #expect(firstValue { i in adx.update(high: Double(i % 9 + 2), low: Double(i % 9), close: Double(i % 9 + 1)) != nil } == 27)
    }

    /// Updates return optionals of small value types; the rings are allocated once at init and reused.
    @Test func updatesReturnSmallValuesAndNeverReallocateTheirRings() {
        #expect(MemoryLayout<MovingAverageConvergenceDivergence.Output?>.size <= 32)
        #expect(MemoryLayout<BollingerBands.Output?>.size <= 32)
        var bands = BollingerBands(period: 20)
        var zscore = ZScore(period: 20)
        let before = (bands.average.window.storage.withUnsafeBufferPointer { $0.baseAddress },
                      zscore.moments.window.storage.withUnsafeBufferPointer { $0.baseAddress })
        for i in 0..<10_000 {
            _ = bands.update(30_000 + Double(i % 37))
            _ = zscore.update(Double(i % 11))
        }
        let after = (bands.average.window.storage.withUnsafeBufferPointer { $0.baseAddress },
                     zscore.moments.window.storage.withUnsafeBufferPointer { $0.baseAddress })
        #expect(before == after)
        #expect(bands.average.window.capacity == 20 && zscore.moments.window.capacity == 20)
    }

    @Test func rollingWindowOverwritesItsOldestValueWhenFull() {
        var window = RollingWindow(capacity: 3)
        #expect(window.append(1) == nil && window.append(2) == nil && window.append(3) == nil)
        #expect(window.append(4) == 1)
        #expect((0..<3).map { window[$0] } == [2, 3, 4] && window.oldest == 2 && window.newest == 4)
    }
}
