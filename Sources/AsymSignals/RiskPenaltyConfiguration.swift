/// Parameters of `RiskPenalty`: where each input saturates and how much it can weigh.
public struct RiskPenaltyConfiguration: Sendable {
    /// Spread over its rolling median at which the spread term reaches 1 (it is 0 at or below 1×).
    public var spreadBlowout: Double = 3
    /// Short-over-long variance-rate ratio at which the volatility term reaches 1 (0 at or below 1×).
    public var volatilitySpike: Double = 4
    /// Depth over its rolling median at which the thin-depth term reaches 1 (0 at or above 1×).
    public var thinDepth: Double = 0.25
    /// Book age at which the staleness term starts rising, and the age at which it reaches 1, ns.
    public var staleAfter: Int64 = 1_000_000_000
    public var deadAfter: Int64 = 5_000_000_000
    /// Weights: the most any one term can contribute alone.
    public var spreadWeight: Double = 0.6
    public var volatilityWeight: Double = 0.6
    public var depthWeight: Double = 0.6
    public var staleWeight: Double = 1
    public var spoofWeight: Double = 0.8

    /// The defaults.
    public init() {}
}
