/// Multi-timeframe confirmation: a trend-following signal must agree with the EMA-slope trend of enough of
/// three timeframes (by default the regime's 15m, then 1h and 4h).
///
/// Elder's "triple screen" (Elder 1993, "Trading for a Living"): trade the short timeframe only in the direction
/// of the longer ones. Each timeframe's direction is a `TimeframeTrend` (EMA(20) slope over 3 candles, in ATRs,
/// dead band ±0.05); a timeframe still warming up counts as neither agreeing nor opposing.
/// - `.filter` (default): drop the signal unless at least `requiredAgreement` timeframes point its way.
/// - `.scaleConfidence`: keep it, scaling confidence by `½ + ½·(agreeing − opposing)/3` (1 when all three agree,
///   ½ when neutral, 0 when all oppose).
/// Mean reversion is exempt by default (`appliesToMeanReversion`): it fades moves inside a range on purpose, and
/// the ranging regime already gates it.
public struct TimeframeConfirmation: Sendable {
    /// How agreement is applied.
    public enum Mode: UInt8, Sendable, BitwiseCopyable {
        case filter
        case scaleConfidence
    }

    /// Off: every signal passes unchanged.
    public var enabled = true
    /// The two longer timeframes; the first is the regime timeframe.
    public var higherTimeframes: (CandleTimeframe, CandleTimeframe) = (.oneHour, .fourHours)
    /// Timeframes (of 3) that must agree in `.filter` mode.
    public var requiredAgreement = 2
    /// Filter or scale.
    public var mode = Mode.filter
    /// Whether mean-reversion signals are confirmed too.
    public var appliesToMeanReversion = false
    /// `TimeframeTrend` parameters for all three timeframes.
    public var emaPeriod = 20
    public var slopeLookback = 3
    public var deadBand = 0.05

    /// The defaults.
    public init() {}

    /// The confidence multiplier for a `source` signal going `direction` given the three trends, or nil when it
    /// is filtered out.
    @inlinable
    public func factor(source: SignalSource, direction: SignalDirection,
                       trends: (TimeframeTrend.Direction?, TimeframeTrend.Direction?, TimeframeTrend.Direction?))
        -> Double? {
        guard enabled, direction != .flat, appliesToMeanReversion || source != .meanReversion else { return 1 }
        let wanted: TimeframeTrend.Direction = direction == .long ? .up : .down
        let against: TimeframeTrend.Direction = direction == .long ? .down : .up
        var agreeing = 0
        var opposing = 0
        if trends.0 == wanted { agreeing += 1 } else if trends.0 == against { opposing += 1 }
        if trends.1 == wanted { agreeing += 1 } else if trends.1 == against { opposing += 1 }
        if trends.2 == wanted { agreeing += 1 } else if trends.2 == against { opposing += 1 }
        switch mode {
        case .filter: return agreeing >= requiredAgreement ? 1 : nil
        case .scaleConfidence: return 0.5 + 0.5 * Double(agreeing - opposing) / 3
        }
    }
}
