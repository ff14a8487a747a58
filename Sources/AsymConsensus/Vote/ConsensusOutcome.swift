/// How a round ended.
public enum ConsensusOutcome: UInt8, Sendable, BitwiseCopyable, CaseIterable, CustomStringConvertible {
    /// A direction reached the quorum: a bias was published.
    case bias = 1
    /// Votes went both ways and neither reached the quorum.
    case split = 2
    /// HOLD won: no edge.
    case hold = 3
    /// Too few usable votes (abstentions, or down-weighted agreement) for a quorum.
    case noQuorum = 4

    public var description: String {
        switch self {
        case .bias: "bias"
        case .split: "split"
        case .hold: "hold"
        case .noQuorum: "no_quorum"
        }
    }
}
