/// The trend of one candle timeframe, from the slope of an EMA of closes measured in ATRs per candle.
///
/// `slope = (EMAₜ − EMAₜ₋ₖ) / (k · ATRₜ)`: how many average true ranges (Wilder 1978) the EMA moved per candle
/// over the last `k = slopeLookback` candles. Dividing by the ATR makes one threshold work on every instrument
/// and timeframe (a 4h candle ranges wider than a 15m one). The direction is `up`/`down` strictly beyond ±`deadBand`, else
/// `flat`; nil until the EMA, its lag and the ATR are all warm (`max(emaPeriod + k, atrPeriod + 1)` candles).
/// Used by `RegimeDetector` on its own timeframe and by `TimeframeConfirmation` across timeframes.
/// - Complexity: O(1) per candle; one `k + 1`-value ring allocated at init, nothing after.
public struct TimeframeTrend: Sendable {
    /// Where a timeframe's EMA is heading.
    public enum Direction: UInt8, Sendable, BitwiseCopyable {
        case up
        case down
        case flat
    }

    /// Candles the slope spans.
    public let slopeLookback: Int
    /// |slope| below this is `flat` (ATRs per candle).
    public let deadBand: Double
    @usableFromInline var ema: ExponentialMovingAverage
    @usableFromInline var atr: AverageTrueRange
    @usableFromInline var emaHistory: RollingWindow
    /// The latest slope, ATRs per candle (0 while warming).
    public private(set) var slope = 0.0
    /// The latest direction, nil while warming.
    public private(set) var direction: Direction?

    /// A trend of an EMA of `emaPeriod` closes, its slope over `slopeLookback` candles, normalised by an ATR
    /// of `atrPeriod`.
    public init(emaPeriod: Int = 20, atrPeriod: Int = 14, slopeLookback: Int = 3, deadBand: Double = 0.05) {
        precondition(slopeLookback >= 1, "the slope needs at least one candle")
        precondition(deadBand >= 0, "the dead band cannot be negative")
        self.slopeLookback = slopeLookback
        self.deadBand = deadBand
        ema = ExponentialMovingAverage(period: emaPeriod)
        atr = AverageTrueRange(period: atrPeriod)
        emaHistory = RollingWindow(capacity: slopeLookback + 1)
    }

    /// The latest EMA, or nil while warming.
    @inlinable public var movingAverage: Double? { ema.value }
    /// The latest ATR (price units of the input), or nil while warming.
    @inlinable public var averageTrueRange: Double? { atr.value }

    /// Adds a closed candle; returns the direction, or nil while warming.
    @discardableResult
    public mutating func update(high: Double, low: Double, close: Double) -> Direction? {
        let range = atr.update(high: high, low: low, close: close)
        if let average = ema.update(close) { emaHistory.append(average) }
        guard let range, range > 0, emaHistory.isFull else {
            // A zero ATR (a perfectly flat market) has no trend either way.
            if range == 0, emaHistory.isFull { slope = 0; direction = .flat }
            return direction
        }
        slope = (emaHistory.newest - emaHistory.oldest) / (Double(slopeLookback) * range)
        direction = slope > deadBand ? .up : slope < -deadBand ? .down : .flat
        return direction
    }
}
