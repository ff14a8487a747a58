public import AsymCore

/// Donchian-channel breakout with volume confirmation: trade a mid that leaves the last N candles' range while
/// taker volume surges in the breakout's direction.
///
/// Donchian's channel rule as the turtle traders ran it (Faith 2007, "Way of the Turtle": enter on a 20-bar
/// high/low, stop at 2N); volume confirmation because breakouts on thin volume fail more often (Granville's
/// on-balance-volume argument; Karpoff 1987 on the volume–price-change relation). Rule (long; short mirrors):
/// - mid > Donchian high (highest high of the last 20 closed candles), by at most `maximumExtensionATR` ATRs
///   (no chasing);
/// - taker volume over the medium flow window (10 s) ≥ `volumeMultiple` × the volume that window would see at
///   the average candle's pace;
/// - taker-flow imbalance over that window ≥ `flowImbalance` (buyers are lifting);
/// - not in a volatile regime, not against a trend; each channel level fires once per direction.
///
/// Confidence: `base + volumeSpan × clamp((ratio − multiple)/multiple) + trendSpan × clamp((ADX − 20)/30)`.
/// Target: `targetATR` ATRs; stop from the stop policy.
public struct BreakoutStrategy: Strategy {
    /// Largest distance past the channel, ATRs.
    public var maximumExtensionATR = 0.5
    /// Volume surge needed, × the average pace.
    public var volumeMultiple = 2.0
    /// The trade-flow window the features use for `tradeVolumeMedium`, ns (`BookFeatureConfiguration.flowWindows.1`).
    public var flowWindow: Int64 = 10_000_000_000
    /// Minimum taker-flow imbalance in the breakout's direction.
    public var flowImbalance = 0.2
    /// Confidence terms.
    public var baseConfidence = 0.4
    public var volumeSpan = 0.25
    public var trendSpan = 0.2
    /// Take-profit target, ATRs.
    public var targetATR = 3.0
    @usableFromInline var lastHighBroken = 0.0
    @usableFromInline var lastLowBroken = 0.0

    /// The defaults.
    public init() {}

    @inlinable
    public mutating func evaluate(_ features: borrowing BookFeatures, _ context: borrowing StrategyContext) -> Signal? {
        let indicators = context.indicators
        guard indicators.donchianReady, indicators.atr > 0, indicators.averageVolume > 0,
              context.regime != .volatile else { return nil }
        let mid = features.midTicks
        let long: Bool
        if mid > indicators.donchianHigh {
            guard context.regime != .trendingDown, indicators.donchianHigh != lastHighBroken else { return nil }
            long = true
        } else if mid < indicators.donchianLow {
            guard context.regime != .trendingUp, indicators.donchianLow != lastLowBroken else { return nil }
            long = false
        } else {
            return nil
        }
        let extension_ = long ? mid - indicators.donchianHigh : indicators.donchianLow - mid
        guard extension_ <= maximumExtensionATR * indicators.atr else { return nil }
        let expected = indicators.averageVolume * Double(flowWindow) / Double(context.timeframeNanoseconds)
        let ratio = features.tradeVolumeMedium / expected
        guard ratio >= volumeMultiple,
              (long ? features.tradeImbalanceMedium : -features.tradeImbalanceMedium) >= flowImbalance else { return nil }
        let volumeScore = min(1, (ratio - volumeMultiple) / volumeMultiple)
        let trendScore = min(1, max(0, (indicators.adx - 20) / 30))
        let confidence = baseConfidence + volumeSpan * volumeScore + trendSpan * trendScore
        guard let signal = context.makeSignal(
            features: features, direction: long ? .long : .short, source: .breakout, confidence: confidence,
            targetTicks: Int64((targetATR * indicators.atr).rounded(.up))) else { return nil }
        if long { lastHighBroken = indicators.donchianHigh } else { lastLowBroken = indicators.donchianLow }
        return signal
    }
}
