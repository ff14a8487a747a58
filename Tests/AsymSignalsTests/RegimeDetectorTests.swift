import AsymCore
import AsymSignals
import TestSupport
import Testing

/// Regime detection on candle series built here: trends, ranges, volatility and hysteresis.
@Suite struct RegimeDetectorTests {
    /// A candle series: each close follows `drift` per candle plus uniform noise of ±`noise`, each candle spans
    /// `range` around its open and close.
    static func series(count: Int, start: Double = 1_000, drift: Double, noise: Double, range: Double,
                       seed: UInt64) -> [CandleValues] {
        var random = SplitMix64(seed: seed)
        var candles: [CandleValues] = []
        var previous = start
        var level = start
        for _ in 0..<count {
            level += drift
            let close = level + (Double(random.next() % 2_001) / 1_000 - 1) * noise
            candles.append(CandleValues(open: previous, high: max(previous, close) + range / 2,
                                        low: min(previous, close) - range / 2, close: close, volume: 1))
            previous = close
        }
        return candles
    }

    /// Feeds `candles` and returns the regime after each.
    static func regimes(_ candles: [CandleValues], detector: inout RegimeDetector) -> [MarketRegime?] {
        candles.map { detector.update($0) }
    }

    @Test func steadyRiseIsTrendingUp() {
        var detector = RegimeDetector()
        let regimes = Self.regimes(Self.series(count: 80, drift: 2, noise: 1, range: 2, seed: 1), detector: &detector)
        #expect(regimes[26] == nil, "warming up until 2 × ADX period candles")
        #expect(regimes.last == .trendingUp)
        #expect(detector.reading.adx >= 25)
        #expect(detector.reading.slope > 0.1)
    }

    @Test func steadyFallIsTrendingDown() {
        var detector = RegimeDetector()
        let regimes = Self.regimes(Self.series(count: 80, drift: -2, noise: 1, range: 2, seed: 2), detector: &detector)
        #expect(regimes.last == .trendingDown)
    }

    @Test func flatNoisySeriesIsRanging() {
        var detector = RegimeDetector()
        let regimes = Self.regimes(Self.series(count: 120, drift: 0, noise: 3, range: 2, seed: 3), detector: &detector)
        let warm = regimes.compactMap { $0 }
        #expect(!warm.isEmpty)
        #expect(warm.allSatisfy { $0 == .ranging }, "\(warm.map(String.init(describing:)))")
    }

    @Test func wideChoppyCandlesAfterACalmRangeAreVolatile() {
        var detector = RegimeDetector()
        let calm = Self.series(count: 80, drift: 0, noise: 2, range: 2, seed: 4)
        _ = Self.regimes(calm, detector: &detector)
        #expect(detector.regime == .ranging)
        // Same level, ten times the range, direction flipping every candle.
        var choppy: [CandleValues] = []
        var previous = calm.last!.close
        for index in 0..<12 {
            let close = 1_000 + (index % 2 == 0 ? 15.0 : -15.0)
            choppy.append(CandleValues(open: previous, high: max(previous, close) + 10, low: min(previous, close) - 10,
                                       close: close, volume: 1))
            previous = close
        }
        let regimes = Self.regimes(choppy, detector: &detector)
        #expect(regimes.last == .volatile, "\(regimes.map { $0.map(String.init(describing:)) ?? "nil" })")
        #expect(detector.reading.atrPercentile >= 0.9)
    }

    /// 60 rising candles, one crash candle that closes under the EMA, a V-shaped recovery, then the trend again.
    static func trendWithOneCrash() -> [CandleValues] {
        var candles = series(count: 60, drift: 2, noise: 0.5, range: 2, seed: 5)
        let last = candles.last!.close
        candles.append(CandleValues(open: last, high: last + 1, low: last - 26, close: last - 25, volume: 1))
        candles.append(CandleValues(open: last - 25, high: last + 5, low: last - 26, close: last + 4, volume: 1))
        candles += series(count: 10, start: last + 4, drift: 2, noise: 0.5, range: 2, seed: 6)
        return candles
    }

    /// Enter = exit thresholds and a one-candle slope, so only persistence stands between a candle and a switch.
    static func persistenceOnly(confirmationCandles: Int) -> RegimeConfiguration {
        var configuration = RegimeConfiguration()
        configuration.slopeLookback = 1
        configuration.trendExitADX = configuration.trendEnterADX
        configuration.trendExitSlope = configuration.trendEnterSlope
        configuration.volatileExitPercentile = configuration.volatileEnterPercentile
        configuration.volatileExitRatio = configuration.volatileEnterRatio
        configuration.confirmationCandles = confirmationCandles
        return configuration
    }

    @Test func oneContraryCandleDoesNotFlipATrend() {
        let candles = Self.trendWithOneCrash()
        var detector = RegimeDetector(configuration: Self.persistenceOnly(confirmationCandles: 2))
        var raws: [MarketRegime?] = []
        var regimes: [MarketRegime?] = []
        for candle in candles {
            regimes.append(detector.update(candle))
            raws.append(detector.reading.raw)
        }
        #expect(regimes[59] == .trendingUp)
        #expect(raws[60] != .trendingUp, "the rule alone reads the crash candle as another regime")
        #expect(raws[61...].allSatisfy { $0 == .trendingUp }, "and only that one candle")
        #expect(regimes[59...].allSatisfy { $0 == .trendingUp }, "the regime never leaves the trend")
        #expect(detector.switches == 0)

        // Without persistence the same series flaps out of the trend and back.
        var flappy = RegimeDetector(configuration: Self.persistenceOnly(confirmationCandles: 1))
        let flapped = candles.map { flappy.update($0) }
        #expect(flapped[60] != .trendingUp && flapped.last == .trendingUp && flappy.switches == 2)
    }

    @Test func aSustainedReversalDoesSwitchAfterTheConfirmationCandles() {
        var detector = RegimeDetector()
        let up = Self.series(count: 60, drift: 2, noise: 0.5, range: 2, seed: 7)
        _ = Self.regimes(up, detector: &detector)
        #expect(detector.regime == .trendingUp)
        let down = Self.series(count: 60, start: up.last!.close, drift: -3, noise: 0.5, range: 2, seed: 8)
        var firstChange: Int?
        for (index, candle) in down.enumerated() {
            let regime = detector.update(candle)
            if firstChange == nil, regime != .trendingUp { firstChange = index }
        }
        #expect(detector.regime == .trendingDown)
        #expect(detector.switches >= 1)
        if let firstChange { #expect(firstChange >= 1, "needs two consecutive candles") }
    }

    @Test func aTrendHoldsInsideTheHysteresisBandThatCouldNotStartOne() {
        var configuration = RegimeConfiguration()
        configuration.confirmationCandles = 1  // isolate the threshold hysteresis from persistence
        var trending = RegimeDetector(configuration: configuration)
        let strong = Self.series(count: 60, drift: 2, noise: 0.3, range: 2, seed: 9)
        _ = Self.regimes(strong, detector: &trending)
        #expect(trending.regime == .trendingUp)
        // Then a gentle rise: slope between the exit (0.04) and enter (0.10) thresholds.
        var fresh = RegimeDetector(configuration: configuration)
        let gentle = Self.series(count: 40, start: strong.last!.close, drift: 0.25, noise: 0.1, range: 4, seed: 10)
        _ = Self.regimes(gentle, detector: &trending)
        _ = Self.regimes(gentle, detector: &fresh)
        #expect(fresh.reading.slope > 0.04 && fresh.reading.slope < 0.10, "slope \(fresh.reading.slope)")
        #expect(fresh.regime != .trendingUp, "too gentle to start a trend")
        #expect(trending.regime == .trendingUp, "but gentle enough to keep one")
    }
}
