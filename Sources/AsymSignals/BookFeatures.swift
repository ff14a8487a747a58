/// The latest order-book features of one instrument: a fixed-size POD value, overwritten by
/// `BookFeatureEngine` on every book update (and its trade fields on every trade).
///
/// Units: prices in ticks, sizes in lots, times in ns, ratios dimensionless. A field that cannot be
/// computed (an empty side, no history yet) is 0. Sources are cited on `BookFeatureEngine`.
public struct BookFeatures: Sendable, BitwiseCopyable, Equatable {
    /// Receive time of the update, ns.
    public var receiveTime: Int64 = 0
    /// Exchange time used for the rolling windows, ns.
    public var exchangeTime: Int64 = 0
    /// Book updates seen.
    public var updates: Int64 = 0
    /// `OrderBook.isUsable` at this update.
    public var usable = false

    /// Best bid and ask, ticks (0 when the side is empty).
    public var bestBidTicks: Int64 = 0
    public var bestAskTicks: Int64 = 0
    /// Quantity at the best bid and ask, lots.
    public var bestBidLots: Int64 = 0
    public var bestAskLots: Int64 = 0
    /// Best ask − best bid, ticks.
    public var spreadTicks: Int64 = 0
    /// Spread relative to the mid, basis points.
    public var spreadBasisPoints: Double = 0
    /// Mid price, ticks.
    public var midTicks: Double = 0
    /// Imbalance-weighted mid (Stoikov's first-order micro-price), ticks.
    public var micropriceTicks: Double = 0

    /// Rank-weighted imbalance `Σwᵢ(bᵢ − aᵢ) / Σwᵢ(bᵢ + aᵢ)`, `wᵢ = 1/i`, over the top 1, 5, 10 and N levels; [−1, 1].
    public var imbalance1: Double = 0
    public var imbalance5: Double = 0
    public var imbalance10: Double = 0
    public var imbalanceN: Double = 0

    /// Bid and ask quantity within ±`depthBasisPoints` of the mid, lots.
    public var bidDepthLots: Int64 = 0
    public var askDepthLots: Int64 = 0

    /// Cont–Kukanov–Stoikov order-flow imbalance: this update's event, and sums over the 1 s, 10 s, 60 s windows (lots).
    public var ofi: Int64 = 0
    public var ofiShort: Double = 0
    public var ofiMedium: Double = 0
    public var ofiLong: Double = 0

    /// Taker `(buy − sell)/(buy + sell)` over the 1 s, 10 s, 60 s windows; [−1, 1].
    public var tradeImbalanceShort: Double = 0
    public var tradeImbalanceMedium: Double = 0
    public var tradeImbalanceLong: Double = 0
    /// Taker volume over the 10 s window, lots.
    public var tradeVolumeMedium: Double = 0

    /// Book slope: least-squares slope of cumulative depth (lots) on distance from the mid (ticks), top N levels.
    public var bidSlope: Double = 0
    public var askSlope: Double = 0

    /// Queue depletion at the touch: lots removed from the best level per second over the last 1 s.
    public var bidDepletionRate: Double = 0
    public var askDepletionRate: Double = 0

    /// Rolling median size of a top-N level, lots: the "typical" level that whale and spoof thresholds scale.
    public var medianLevelLots: Double = 0
    /// Levels in the top N at least `whaleMultiple ×` the median, per side.
    public var bidWhales: Int32 = 0
    public var askWhales: Int32 = 0
    /// Largest top-N level size over the median, per side.
    public var bidLargestRatio: Double = 0
    public var askLargestRatio: Double = 0
    /// Distance from the touch of the nearest whale level, ticks (−1 when none).
    public var bidWhaleDistance: Int64 = -1
    public var askWhaleDistance: Int64 = -1

    /// Realised mid volatility over the short volatility window, basis points.
    public var realizedVolatilityBasisPoints: Double = 0
    /// Short-window variance rate over the long-window rate (1 = normal).
    public var volatilityRatio: Double = 1
    /// Spread over its rolling median (1 = normal).
    public var spreadRatio: Double = 1
    /// Depth within the band over its rolling median (1 = normal).
    public var depthRatio: Double = 1

    /// Spoof scores in [0, 1] per side and overall (see `SpoofDetector`).
    public var spoofBid: Double = 0
    public var spoofAsk: Double = 0
    public var spoof: Double = 0
    /// Risk penalty in [0, 1] (see `RiskPenalty`).
    public var riskPenalty: Double = 0

    /// All zero.
    public init() {}
}
