/// The candle indicators strategies read, as of the last closed candle of the regime timeframe: a POD snapshot
/// refreshed once per candle, read on every book update.
///
/// Prices are ticks (as `Double`), volume is lots per candle. A value still warming up is 0; check the `…Ready`
/// flags (or `isWarm`) before use.
public struct SignalIndicators: Sendable, BitwiseCopyable, Equatable {
    /// Closed candles seen.
    public var candles: Int = 0
    /// Close of the last closed candle, ticks.
    public var close: Double = 0
    /// Wilder ATR(14), ticks.
    public var atr: Double = 0
    /// Wilder ADX(14) in [0, 100].
    public var adx: Double = 0
    /// EMA slope, ATRs per candle (`TimeframeTrend`).
    public var emaSlope: Double = 0
    /// Percentile of ATR/close in its rolling window (`RegimeDetector`).
    public var atrPercentile: Double = 0.5
    /// Bollinger bands (20, 2σ) of closes, ticks.
    public var bollingerUpper: Double = 0
    public var bollingerMiddle: Double = 0
    public var bollingerLower: Double = 0
    /// Highest high and lowest low of the last `donchianPeriod` closed candles (Donchian channel), ticks.
    public var donchianHigh: Double = 0
    public var donchianLow: Double = 0
    /// Mean volume of the last `volumePeriod` closed candles, lots.
    public var averageVolume: Double = 0
    /// Wilder RSI(14) of closes, [0, 100].
    public var rsi: Double = 50
    /// Flags for the values above that have warmed up.
    public var atrReady = false
    public var bollingerReady = false
    public var donchianReady = false

    /// Nothing measured.
    public init() {}

    /// ATR, Bollinger bands and the Donchian channel are all ready.
    @inlinable public var isWarm: Bool { atrReady && bollingerReady && donchianReady }
}
