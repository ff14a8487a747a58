public import AsymCore

/// Streams the market regime — trending up, trending down, ranging or volatile — from closed candles of one
/// timeframe (15m by default), with hysteresis so it does not flap.
///
/// **Inputs** (per closed candle): Wilder's ADX(14) for trend *strength* (Wilder 1978, "New Concepts in
/// Technical Trading Systems"); the slope of an EMA(20) of closes over 3 candles in ATRs per candle for trend
/// *direction* (`TimeframeTrend`); and the mid-rank percentile of ATR(14)/close within the last 96 candles for
/// *volatility* relative to the instrument's own recent history (so no absolute level needs tuning per coin),
/// together with ATR% over its window mean (a percentile alone ranks the top decile of any stationary series high).
///
/// **Rule** (thresholds depend on the current regime — a Schmitt trigger):
/// 1. trending up if ADX ≥ 25 and slope ≥ +0.10 — or, when already trending up, ADX ≥ 20 and slope ≥ +0.04;
///    trending down symmetrically with a negative slope. A strong trend stays a trend even when volatile.
/// 2. otherwise volatile if the ATR percentile ≥ 0.90 and ATR% ≥ 1.5 × its window mean — or ≥ 0.70 and ≥ 1.25 ×
///    when already volatile — after at least 20 samples: ranges materially wider than usual, without direction.
/// 3. otherwise ranging.
///
/// **Persistence**: a different raw regime replaces the current one only after `confirmationCandles` (2)
/// consecutive candles agree on it, so one contrary candle never flips the regime. The first warm candle sets
/// the regime directly. Warm after `2 × adxPeriod` candles (28, i.e. 7 h of 15m candles; prime it with
/// historical candles at start-up).
///
/// A Markov-switching model (Hamilton 1989, Econometrica 57(2)) would give regime *probabilities*, but it needs
/// offline fitting per instrument; this rule is transparent, streaming and parameterised in Wilder's units.
/// - Complexity: O(1) per candle plus an O(`percentileWindow`) rank; fixed rings allocated at init, nothing after.
public struct RegimeDetector: Sendable {
    /// The parameters.
    public let configuration: RegimeConfiguration
    @usableFromInline var adx: AverageDirectionalIndex
    @usableFromInline var trend: TimeframeTrend
    @usableFromInline var atrFractions: RollingWindow
    @usableFromInline var candidate: MarketRegime?
    @usableFromInline var candidateCount = 0
    /// The current regime, nil while warming.
    public private(set) var regime: MarketRegime?
    /// The latest measurements.
    public private(set) var reading = RegimeReading()
    /// Regime changes after the first.
    public private(set) var switches = 0

    /// A detector with `configuration`.
    public init(configuration: RegimeConfiguration = RegimeConfiguration()) {
        let c = configuration
        precondition(c.trendExitADX <= c.trendEnterADX && c.trendExitSlope <= c.trendEnterSlope
                     && c.volatileExitPercentile <= c.volatileEnterPercentile && c.volatileExitRatio <= c.volatileEnterRatio,
                     "exit thresholds must not be stricter than enter thresholds")
        precondition(c.confirmationCandles >= 1 && c.percentileWindow >= 2 && c.minimumPercentileSamples >= 1,
                     "counts must be positive")
        self.configuration = configuration
        adx = AverageDirectionalIndex(period: c.adxPeriod)
        trend = TimeframeTrend(emaPeriod: c.emaPeriod, atrPeriod: c.atrPeriod, slopeLookback: c.slopeLookback,
                               deadBand: c.trendExitSlope)
        atrFractions = RollingWindow(capacity: c.percentileWindow)
    }

    /// The EMA-slope trend of the detector's timeframe (its direction uses `trendExitSlope` as dead band).
    @inlinable public var timeframeTrend: TimeframeTrend { trend }

    /// Adds a closed candle's high, low and close (any consistent price unit, e.g. ticks); returns the regime,
    /// or nil while warming.
    @discardableResult
    public mutating func update(high: Double, low: Double, close: Double) -> MarketRegime? {
        reading.candles += 1
        let strength = adx.update(high: high, low: low, close: close)
        trend.update(high: high, low: low, close: close)
        if let range = trend.averageTrueRange, close > 0 {
            reading.atr = range
            reading.atrFraction = range / close
            atrFractions.append(reading.atrFraction)
            if atrFractions.count >= configuration.minimumPercentileSamples {
                let rank = Self.midRankAndMean(of: reading.atrFraction, in: atrFractions)
                reading.atrPercentile = rank.percentile
                reading.atrRatio = rank.mean > 0 ? reading.atrFraction / rank.mean : 1
            }
        }
        reading.slope = trend.slope
        guard let strength, trend.direction != nil else { return regime }
        reading.adx = strength
        let raw = classify(adx: strength, slope: trend.slope, percentile: reading.atrPercentile, ratio: reading.atrRatio,
                           enoughSamples: atrFractions.count >= configuration.minimumPercentileSamples)
        reading.raw = raw
        advance(to: raw)
        return regime
    }

    /// Adds a closed candle.
    @inlinable
    @discardableResult
    public mutating func update(_ candle: CandleValues) -> MarketRegime? {
        update(high: candle.high, low: candle.low, close: candle.close)
    }

    /// The rule, with thresholds chosen by the current regime.
    @usableFromInline
    func classify(adx: Double, slope: Double, percentile: Double, ratio: Double, enoughSamples: Bool) -> MarketRegime {
        let c = configuration
        let upADX = regime == .trendingUp ? c.trendExitADX : c.trendEnterADX
        let upSlope = regime == .trendingUp ? c.trendExitSlope : c.trendEnterSlope
        if adx >= upADX && slope >= upSlope { return .trendingUp }
        let downADX = regime == .trendingDown ? c.trendExitADX : c.trendEnterADX
        let downSlope = regime == .trendingDown ? c.trendExitSlope : c.trendEnterSlope
        if adx >= downADX && slope <= -downSlope { return .trendingDown }
        let volatile = regime == .volatile
        let percentileAt = volatile ? c.volatileExitPercentile : c.volatileEnterPercentile
        let ratioAt = volatile ? c.volatileExitRatio : c.volatileEnterRatio
        if enoughSamples && percentile >= percentileAt && ratio >= ratioAt { return .volatile }
        return .ranging
    }

    /// Persistence: switch only after `confirmationCandles` consecutive raw readings of the same new regime.
    @usableFromInline
    mutating func advance(to raw: MarketRegime) {
        guard let current = regime else {
            regime = raw
            return
        }
        if raw == current {
            candidate = nil
            candidateCount = 0
            return
        }
        if raw == candidate {
            candidateCount += 1
        } else {
            candidate = raw
            candidateCount = 1
        }
        if candidateCount >= configuration.confirmationCandles {
            regime = raw
            switches += 1
            candidate = nil
            candidateCount = 0
        }
    }

    /// The mid-rank percentile `(values below + ½ · values equal) / count` (a flat history ranks 0.5, not 1) and
    /// the window mean, in one pass.
    @usableFromInline
    static func midRankAndMean(of value: Double, in window: RollingWindow) -> (percentile: Double, mean: Double) {
        var below = 0
        var equal = 0
        var sum = 0.0
        for index in 0..<window.count {
            let sample = window[index]
            sum += sample
            if sample < value { below += 1 } else if sample == value { equal += 1 }
        }
        let count = Double(window.count)
        return ((Double(below) + 0.5 * Double(equal)) / count, sum / count)
    }
}
