public import AsymCore

/// The per-candle indicator state behind `SignalIndicators`: the `RegimeDetector` (ADX, EMA slope, ATR, ATR
/// percentile) plus Bollinger bands, RSI, the Donchian channel and average volume, all on one timeframe.
///
/// Sources: Bollinger (2001, "Bollinger on Bollinger Bands"); Wilder (1978) for RSI, ATR and ADX; the Donchian
/// channel as the turtle traders' breakout level (Faith 2007, "Way of the Turtle").
/// - Complexity: O(1) per candle plus O(`donchianPeriod` + `percentileWindow`) scans; rings allocated at init.
public struct SignalCandleIndicators: Sendable {
    /// The regime detector, fed the same candles.
    public private(set) var regimeDetector: RegimeDetector
    /// The latest snapshot.
    public private(set) var snapshot = SignalIndicators()
    @usableFromInline var bands: BollingerBands
    @usableFromInline var strength: RelativeStrengthIndex
    @usableFromInline var highs: RollingWindow
    @usableFromInline var lows: RollingWindow
    @usableFromInline var volumes: SimpleMovingAverage

    /// Indicators for `regime`'s timeframe with a `donchianPeriod`-candle channel and `volumePeriod`-candle
    /// average volume.
    public init(regime: RegimeConfiguration, bollingerPeriod: Int = 20, bollingerDeviations: Double = 2,
                rsiPeriod: Int = 14, donchianPeriod: Int = 20, volumePeriod: Int = 20) {
        regimeDetector = RegimeDetector(configuration: regime)
        bands = BollingerBands(period: bollingerPeriod, deviationsUp: bollingerDeviations,
                               deviationsDown: bollingerDeviations)
        strength = RelativeStrengthIndex(period: rsiPeriod)
        highs = RollingWindow(capacity: donchianPeriod)
        lows = RollingWindow(capacity: donchianPeriod)
        volumes = SimpleMovingAverage(period: volumePeriod)
    }

    /// The current regime, nil while warming.
    @inlinable public var regime: MarketRegime? { regimeDetector.regime }

    /// Adds a closed candle (prices in ticks, volume in lots).
    public mutating func update(_ candle: CandleValues) {
        regimeDetector.update(candle)
        let reading = regimeDetector.reading
        snapshot.candles = reading.candles
        snapshot.close = candle.close
        snapshot.atr = reading.atr
        snapshot.atrReady = reading.atr > 0
        snapshot.adx = reading.adx
        snapshot.emaSlope = reading.slope
        snapshot.atrPercentile = reading.atrPercentile
        if let output = bands.update(candle.close) {
            snapshot.bollingerUpper = output.upper
            snapshot.bollingerMiddle = output.middle
            snapshot.bollingerLower = output.lower
            snapshot.bollingerReady = true
        }
        if let value = strength.update(candle.close) { snapshot.rsi = value }
        highs.append(candle.high)
        lows.append(candle.low)
        if highs.isFull {
            var high = highs[0]
            var low = lows[0]
            for index in 1..<highs.count {
                high = max(high, highs[index])
                low = min(low, lows[index])
            }
            snapshot.donchianHigh = high
            snapshot.donchianLow = low
            snapshot.donchianReady = true
        }
        if let average = volumes.update(candle.volume) { snapshot.averageVolume = average }
    }
}
