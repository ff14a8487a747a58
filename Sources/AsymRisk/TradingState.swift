/// What the gate lets through (nautilus_trader's `TradingState`).
public enum TradingState: UInt8, Sendable, BitwiseCopyable, CustomStringConvertible {
    /// Everything that passes the checks.
    case active
    /// Only exposure-reducing orders (exits and cancels).
    case reducing
    /// Nothing but cancels and exits.
    case halted

    public var description: String {
        switch self {
        case .active: "active"
        case .reducing: "reducing"
        case .halted: "halted"
        }
    }
}

/// Why trading is halted, so an automatic resume (next UTC day) never lifts a manual-only halt.
public enum HaltCause: UInt8, Sendable, BitwiseCopyable {
    case none
    case killSwitch
    case dailyLoss
    case drawdown
    case consecutiveLosses
    case rejectStorm
    case manual
}
