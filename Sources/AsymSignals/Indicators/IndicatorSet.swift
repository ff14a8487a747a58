/// The standard indicator set asym reports (`asym indicators`) and its tests check against TA-Lib:
/// SMA 20, EMA 20, RSI 14, MACD 12/26/9, Bollinger 20/2σ, ATR 14, ADX 14, session VWAP, realized
/// volatility 20 and z-score 20, updated together from one candle.
public struct IndicatorSet: Sendable {
    /// Column names, in the order of `Row.values`.
    public static let columns = [
        "sma_20", "ema_20", "rsi_14", "macd", "macd_signal", "macd_hist", "bb_upper", "bb_middle", "bb_lower",
        "atr_14", "adx_14", "vwap", "realized_vol_20", "zscore_20",
    ]

    public var sma = SimpleMovingAverage(period: 20)
    public var ema = ExponentialMovingAverage(period: 20)
    public var rsi = RelativeStrengthIndex(period: 14)
    public var macd = MovingAverageConvergenceDivergence(fastPeriod: 12, slowPeriod: 26, signalPeriod: 9)
    public var bands = BollingerBands(period: 20, deviationsUp: 2, deviationsDown: 2)
    public var atr = AverageTrueRange(period: 14)
    public var adx = AverageDirectionalIndex(period: 14)
    public var vwap = SessionVWAP()
    public var volatility = RealizedVolatility(period: 20)
    public var zscore = ZScore(period: 20)

    /// Fresh indicators with the standard periods.
    public init() {}

    /// One candle's values for every column (nil during warm-up), in `columns` order.
    public struct Row: Sendable {
        public var values: (Double?, Double?, Double?, Double?, Double?, Double?, Double?, Double?, Double?,
                            Double?, Double?, Double?, Double?, Double?)

        /// The values as an array, in `columns` order.
        public var array: [Double?] {
            [values.0, values.1, values.2, values.3, values.4, values.5, values.6, values.7, values.8,
             values.9, values.10, values.11, values.12, values.13]
        }
    }

    /// Updates every indicator with `candle`, opened at `openTime` (ns, for the VWAP session).
    public mutating func update(_ candle: CandleValues, openTime: Int64) -> Row {
        let moving = macd.update(candle.close)
        let band = bands.update(candle.close)
        return Row(values: (
            sma.update(candle.close), ema.update(candle.close), rsi.update(candle.close),
            moving?.macd, moving?.signal, moving?.histogram, band?.upper, band?.middle, band?.lower,
            atr.update(high: candle.high, low: candle.low, close: candle.close),
            adx.update(high: candle.high, low: candle.low, close: candle.close),
            vwap.update(candle: candle, openTime: openTime),
            volatility.update(candle.close), zscore.update(candle.close)))
    }
}
