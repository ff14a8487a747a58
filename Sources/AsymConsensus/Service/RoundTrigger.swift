public import AsymCore

/// Why a round ran.
public enum RoundTrigger: Sendable, Equatable, CustomStringConvertible {
    /// The cadence came round.
    case scheduled
    /// The brief's regime differs from the one the last round saw.
    case regimeChange(from: MarketRegime, to: MarketRegime)
    /// Someone called `runRound` directly.
    case manual

    public var description: String {
        switch self {
        case .scheduled: "scheduled"
        case .regimeChange(let from, let to): "regime \(from) → \(to)"
        case .manual: "manual"
        }
    }
}
