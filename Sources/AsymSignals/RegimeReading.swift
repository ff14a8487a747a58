public import AsymCore

/// What `RegimeDetector` measured on its latest candle: the inputs of the rule and its raw (pre-persistence)
/// classification, for logs, dashboards and tests.
public struct RegimeReading: Sendable, BitwiseCopyable, Equatable {
    /// Closed candles seen.
    public var candles: Int = 0
    /// Wilder's ADX in [0, 100] (0 while warming).
    public var adx: Double = 0
    /// EMA slope in ATRs per candle (see `TimeframeTrend`).
    public var slope: Double = 0
    /// ATR, in the input's price units (0 while warming).
    public var atr: Double = 0
    /// ATR over the close.
    public var atrFraction: Double = 0
    /// Mid-rank percentile of `atrFraction` in its rolling window, [0, 1] (0.5 until enough samples).
    public var atrPercentile: Double = 0.5
    /// ATR/close over its rolling-window mean (1 until enough samples).
    public var atrRatio: Double = 1
    /// The rule's answer for this candle alone, before persistence; nil while warming.
    public var raw: MarketRegime?

    /// Nothing measured.
    public init() {}
}
