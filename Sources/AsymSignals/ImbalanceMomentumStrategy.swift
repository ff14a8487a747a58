/// Order-book-imbalance momentum: trade in the direction the book's flow is pushing, when depth imbalance,
/// order-flow imbalance and the micro-price all agree.
///
/// Cont, Kukanov & Stoikov (2014, "The price impact of order book events", J. Financial Econometrics 12(1))
/// show short-horizon mid changes are close to linear in order-flow imbalance (OFI) divided by depth; Cao,
/// Hansch & Wang (2009) that depth imbalance beyond the touch predicts returns; Stoikov (2018) that the
/// imbalance-weighted micro-price leads the mid. Rule (long; short mirrors):
/// - rank-weighted imbalance over 5 levels ≥ `imbalanceThreshold`;
/// - OFI over the short (1 s) window ≥ `ofiThreshold` × the median level size (the CKS depth normalisation);
/// - micro-price above the mid.
///
/// Confidence: `regimeWeight × (1 − spoofBid) × (base + span × score)`, `score = ½·a + ½·x/(1 + x)` with
/// `x = |OFI| / (ofiScale · median)` (a saturating map, no libm call), `a = (imbalance − threshold)/(1 − threshold)`. The bid spoof score discounts a long because a spoofed
/// bid wall is exactly what fakes a bid-heavy imbalance (Cartea, Jaimungal & Wang 2020). No longs in a
/// down-trend (nor shorts in an up-trend); volatile markets weigh `volatileWeight`.
/// Target: `targetATR` ATRs (then at least the stop policy's reward:risk).
public struct ImbalanceMomentumStrategy: Strategy {
    /// Minimum |imbalance5|.
    public var imbalanceThreshold = 0.3
    /// Minimum |OFI (1 s)| in median level sizes, and the scale of its saturating score.
    public var ofiThreshold = 0.5
    public var ofiScale = 2.0
    /// Confidence = weight × (base + span × score).
    public var baseConfidence = 0.35
    public var confidenceSpan = 0.5
    /// Regime weights (aligned trend = 1).
    public var rangingWeight = 0.8
    public var volatileWeight = 0.5
    /// Take-profit target, ATRs.
    public var targetATR = 1.0

    /// The defaults.
    public init() {}

    @inlinable
    public mutating func evaluate(_ features: borrowing BookFeatures, _ context: borrowing StrategyContext) -> Signal? {
        let imbalance = features.imbalance5
        guard abs(imbalance) >= imbalanceThreshold, features.medianLevelLots > 0 else { return nil }
        let long = imbalance > 0
        let flow = features.ofiShort / features.medianLevelLots
        let lean = features.micropriceTicks - features.midTicks
        guard long ? (flow >= ofiThreshold && lean > 0) : (flow <= -ofiThreshold && lean < 0) else { return nil }
        let weight: Double
        switch context.regime {
        case .trendingUp: weight = long ? 1 : 0
        case .trendingDown: weight = long ? 0 : 1
        case .volatile: weight = volatileWeight
        case .ranging, nil: weight = rangingWeight
        }
        guard weight > 0 else { return nil }
        let a = (abs(imbalance) - imbalanceThreshold) / (1 - imbalanceThreshold)
        let scaled = abs(flow) / ofiScale
        let b = scaled / (1 + scaled)
        let spoof = long ? features.spoofBid : features.spoofAsk
        let confidence = weight * (1 - spoof) * (baseConfidence + confidenceSpan * (0.5 * a + 0.5 * b))
        return context.makeSignal(features: features, direction: long ? .long : .short, source: .imbalanceMomentum,
                                  confidence: confidence,
                                  targetTicks: Int64((targetATR * context.indicators.atr).rounded(.up)))
    }
}
