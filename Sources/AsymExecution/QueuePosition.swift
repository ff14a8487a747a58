/// An estimate of where a resting order stands in its price level's queue, in lots.
public struct QueuePosition: Sendable, BitwiseCopyable {
    /// Lots ahead of the order; below zero, trades have eaten past it.
    public var ahead: Double
    /// Lots traded at the level since its last depth update (the probabilistic model subtracts them so a
    /// trade is not counted again when the depth update reflects it).
    public var tradedSinceDepthUpdate: Double

    public init(ahead: Double, tradedSinceDepthUpdate: Double = 0) {
        self.ahead = ahead
        self.tradedSinceDepthUpdate = tradedSinceDepthUpdate
    }
}
