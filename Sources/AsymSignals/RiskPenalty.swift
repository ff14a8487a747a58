/// Risk penalty in [0, 1]: how much the current market should shrink or block new risk.
///
/// Five terms, each mapped linearly to [0, 1] between "normal" and a saturation point, then combined as a
/// noisy-OR, `1 − Π(1 − wᵢ·tᵢ)`: any one input alone can raise the penalty up to its weight, several
/// together compound, and the penalty never falls when an input worsens.
/// - spread: `(spread/median − 1) / (spreadBlowout − 1)` — a spread blow-out means liquidity left;
/// - volatility: `(ratio − 1) / (volatilitySpike − 1)`, ratio = short-window realised variance rate
///   over the long-window rate;
/// - depth: `(1 − depth/median) / (1 − thinDepth)` — thin books move further per lot;
/// - staleness: 1 when the book is not usable (resyncing, crossed, locked), else rising from `staleAfter`
///   to `deadAfter` of age — a stale book's prices are not tradeable (weight 1: it alone blocks);
/// - spoofing: the `SpoofDetector` score — a manipulated book's depth is not real.
public struct RiskPenalty: Sendable {
    /// The inputs, as measured now.
    public struct Inputs: Sendable, Equatable {
        /// Spread over its rolling median (1 = normal).
        public var spreadRatio: Double = 1
        /// Short- over long-window realised variance rate (1 = normal).
        public var volatilityRatio: Double = 1
        /// Depth within the band over its rolling median (1 = normal).
        public var depthRatio: Double = 1
        /// `OrderBook.isUsable`.
        public var usable = true
        /// `OrderBook.age(now:)`, ns.
        public var age: Int64 = 0
        /// Overall spoof score in [0, 1].
        public var spoofScore: Double = 0

        /// Normal conditions.
        public init() {}
    }

    /// The parameters.
    public let configuration: RiskPenaltyConfiguration

    /// A penalty with `configuration`.
    public init(configuration: RiskPenaltyConfiguration = RiskPenaltyConfiguration()) {
        self.configuration = configuration
    }

    /// The penalty for `inputs`, in [0, 1].
    @inlinable
    public func evaluate(_ inputs: Inputs) -> Double {
        penalty(marketCalm: marketCalm(inputs), spoofScore: inputs.spoofScore)
    }

    /// `Π(1 − wᵢ·tᵢ)` over the spread, volatility, depth and staleness terms: everything but the spoof score,
    /// which moves on every update while these often do not — a caller may keep it while their inputs stay.
    @inlinable
    public func marketCalm(_ inputs: Inputs) -> Double {
        let c = configuration
        let spread = Self.clamp((inputs.spreadRatio - 1) / (c.spreadBlowout - 1))
        let volatility = Self.clamp((inputs.volatilityRatio - 1) / (c.volatilitySpike - 1))
        let depth = Self.clamp((1 - inputs.depthRatio) / (1 - c.thinDepth))
        let stale = inputs.usable
            ? Self.clamp(Double(inputs.age - c.staleAfter) / Double(max(1, c.deadAfter - c.staleAfter))) : 1
        return (1 - c.spreadWeight * spread) * (1 - c.volatilityWeight * volatility) * (1 - c.depthWeight * depth)
            * (1 - c.staleWeight * stale)
    }

    /// The penalty given `marketCalm(inputs)` and the spoof score: `evaluate` in two steps.
    @inlinable
    public func penalty(marketCalm: Double, spoofScore: Double) -> Double {
        Self.clamp(1 - marketCalm * (1 - configuration.spoofWeight * Self.clamp(spoofScore)))
    }

    @inlinable
    static func clamp(_ value: Double) -> Double { value.isNaN ? 1 : min(1, max(0, value)) }
}
