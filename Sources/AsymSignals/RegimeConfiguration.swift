/// Parameters of `RegimeDetector`; the defaults are Wilder's ADX 25/20 convention on 15m candles.
public struct RegimeConfiguration: Sendable {
    /// Candles the regime is judged on.
    public var timeframe: CandleTimeframe = .fifteenMinutes
    /// ADX and ATR periods (Wilder's 14).
    public var adxPeriod = 14
    public var atrPeriod = 14
    /// EMA of closes whose slope gives the trend's direction, and the candles the slope spans.
    public var emaPeriod = 20
    public var slopeLookback = 3
    /// A trend starts at ADX ≥ `trendEnterADX` and lasts while ADX ≥ `trendExitADX` (Wilder: above 25 trending,
    /// below 20 not); the gap is the hysteresis band.
    public var trendEnterADX = 25.0
    public var trendExitADX = 20.0
    /// The EMA slope a trend needs to start, and to last, in ATRs per candle (sign = direction).
    public var trendEnterSlope = 0.10
    public var trendExitSlope = 0.04
    /// Candles of ATR% history the percentile ranks against (96 × 15m = one day).
    public var percentileWindow = 96
    /// ATR% samples needed before `volatile` can be judged.
    public var minimumPercentileSamples = 20
    /// A market turns volatile at an ATR% percentile ≥ `volatileEnterPercentile` and stays volatile while it is
    /// ≥ `volatileExitPercentile`.
    public var volatileEnterPercentile = 0.90
    public var volatileExitPercentile = 0.70
    /// …and ATR% must also be at least this multiple of its window mean to enter, and to stay. A percentile
    /// alone would call the top decile of any stationary series volatile; this floor asks for a real expansion.
    public var volatileEnterRatio = 1.5
    public var volatileExitRatio = 1.25
    /// A different regime must be the raw classification on this many consecutive candles before it replaces
    /// the current one (1 = switch at once).
    public var confirmationCandles = 2

    /// The defaults.
    public init() {}

    /// The defaults on another timeframe.
    public init(timeframe: CandleTimeframe) {
        self.timeframe = timeframe
    }
}
