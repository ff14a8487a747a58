/// Parameters of `BookFeatureEngine`; the defaults suit BTC perpetuals at 20–100 ms book updates.
public struct BookFeatureConfiguration: Sendable {
    /// Levels per side scanned for imbalance N, slope, whales and spoof candidates (the "N"); 10...64.
    public var levels = 20
    /// Half-width of the depth band around the mid, basis points.
    public var depthBasisPoints: Int64 = 10
    /// Recompute the depth band every this many updates: it walks every level in the band, which on a
    /// full-depth Binance book can be hundreds.
    public var depthRefreshInterval = 4
    /// OFI and trade-flow windows, ns.
    public var flowWindows: (Int64, Int64, Int64) = (1_000_000_000, 10_000_000_000, 60_000_000_000)
    /// Queue depletion window, ns.
    public var depletionWindow: Int64 = 1_000_000_000
    /// Short and long realised-volatility windows, ns.
    public var volatilityWindows: (short: Int64, long: Int64) = (10_000_000_000, 300_000_000_000)
    /// Samples in the level-size median (one level sampled every `levelSampleInterval` updates, round
    /// robin over ranks and sides): 64 × 4 spans the same 256 updates as 256 × 1 for a quarter of the cost.
    public var levelMedianSamples = 64
    public var levelSampleInterval = 4
    /// Samples in the spread and depth medians, and updates between samples (63 × 32 spans about 2,000
    /// updates, a minute at 30 ms).
    public var regimeMedianSamples = 63
    public var regimeSampleInterval = 32
    /// Level-size samples needed before whales and spoof candidates are judged.
    public var minimumMedianSamples = 32
    /// A level at least this many × the median level size is a whale.
    public var whaleMultiple: Double = 5
    /// Spoof heuristic parameters.
    public var spoof = SpoofConfiguration()
    /// Risk-penalty parameters.
    public var risk = RiskPenaltyConfiguration()

    /// The defaults.
    public init() {}
}
