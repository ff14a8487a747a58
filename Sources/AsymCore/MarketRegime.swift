/// The market regime a signal was produced in; the risk gate sets its confidence bar by it.
public enum MarketRegime: UInt8, Sendable, BitwiseCopyable, CaseIterable, CustomStringConvertible {
    /// A sustained rise.
    case trendingUp
    /// A sustained fall.
    case trendingDown
    /// Mean-reverting, range-bound.
    case ranging
    /// Large, directionless moves.
    case volatile

    public var description: String {
        switch self {
        case .trendingUp: "trending-up"
        case .trendingDown: "trending-down"
        case .ranging: "ranging"
        case .volatile: "volatile"
        }
    }

    /// Whether the regime is a trend (either way).
    @inlinable public var isTrending: Bool { self == .trendingUp || self == .trendingDown }
}

/// The direction of a position or a signal.
public enum TradeDirection: UInt8, Sendable, BitwiseCopyable, CustomStringConvertible {
    /// Profit when price rises.
    case long
    /// Profit when price falls.
    case short

    /// The opposite direction.
    @inlinable public var opposite: TradeDirection { self == .long ? .short : .long }

    /// +1 for long, -1 for short.
    @inlinable public var sign: Int64 { self == .long ? 1 : -1 }

    public var description: String { self == .long ? "long" : "short" }
}
