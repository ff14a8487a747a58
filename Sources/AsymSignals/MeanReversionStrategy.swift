public import AsymCore

/// Bollinger-band mean reversion, only in a ranging regime: fade a mid that has stretched to a band, aiming
/// for the middle band.
///
/// Bollinger (2001, "Bollinger on Bollinger Bands"): in a range, closes outside 2σ bands tend to revert to the
/// 20-period mean; in a trend they "walk the band", hence the regime gate. Position `b = (mid − middle) /
/// (upper − middle)` is ±1 at the bands. Rule (long; short mirrors):
/// - regime is `.ranging`;
/// - `−maximumBand < b ≤ −entryBand` (at or past the lower band, but not so far that it is a break);
/// - RSI(14) ≤ `oversold` (Wilder 1978) confirms the stretch on the candle scale;
/// - touch imbalance ≥ −`adverseImbalance`: sellers are no longer hitting the bid hard.
///
/// Confidence: `(1 − spoofBid) × (base + span × clamp((|b| − entry)/(maximum − entry)))`.
/// Target: the middle band; the stop comes from the stop policy.
public struct MeanReversionStrategy: Strategy {
    /// Band position to enter at, and the furthest still treated as a stretch (not a break).
    public var entryBand = 1.0
    public var maximumBand = 2.0
    /// RSI confirmation levels.
    public var oversold = 40.0
    public var overbought = 60.0
    /// Largest touch imbalance against the trade.
    public var adverseImbalance = 0.2
    /// Confidence = base + span × stretch.
    public var baseConfidence = 0.35
    public var confidenceSpan = 0.4

    /// The defaults.
    public init() {}

    @inlinable
    public mutating func evaluate(_ features: borrowing BookFeatures, _ context: borrowing StrategyContext) -> Signal? {
        let indicators = context.indicators
        guard context.regime == .ranging, indicators.bollingerReady else { return nil }
        let halfWidth = indicators.bollingerUpper - indicators.bollingerMiddle
        guard halfWidth > 0, features.midTicks > 0 else { return nil }
        let band = (features.midTicks - indicators.bollingerMiddle) / halfWidth
        let stretch = abs(band)
        guard stretch >= entryBand, stretch < maximumBand else { return nil }
        let long = band < 0
        guard long ? indicators.rsi <= oversold : indicators.rsi >= overbought else { return nil }
        guard (long ? features.imbalance1 : -features.imbalance1) >= -adverseImbalance else { return nil }
        let reference = long ? features.bestAskTicks : features.bestBidTicks
        let target = long ? indicators.bollingerMiddle - Double(reference) : Double(reference) - indicators.bollingerMiddle
        guard target >= 1 else { return nil }
        let spoof = long ? features.spoofBid : features.spoofAsk
        let depth = min(1, (stretch - entryBand) / (maximumBand - entryBand))
        let confidence = (1 - spoof) * (baseConfidence + confidenceSpan * depth)
        return context.makeSignal(features: features, direction: long ? .long : .short, source: .meanReversion,
                                  confidence: confidence, targetTicks: Int64(target.rounded(.down)))
    }
}
