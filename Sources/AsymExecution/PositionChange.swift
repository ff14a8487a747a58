/// What one fill did to a position.
public struct PositionChange: Sendable, BitwiseCopyable, Equatable {
    /// Realised PnL of the fill before fees (quote).
    public var realizedPnL: Double = 0
    public var fee: Double = 0
    /// The fill ended a round trip (closed or flipped the position).
    public var closedTrade = false
    /// That round trip's realised PnL after all its fees (quote).
    public var closedTradePnL: Double = 0

    public init() {}
}
