/// A probabilistic queue model: trades at the price move the order forward, and a decrease of the level
/// (cancels) moves it forward by the share of the decrease estimated to have come from ahead of it.
///
/// Model: hftbacktest's `ProbQueueModel` (`models/queue.rs`; after rigtorp.se, "Estimating order queue
/// position", 2013): `chg = prev − new − traded since last depth update`; for `chg > 0`,
/// `front' = front − (1 − p)·chg + min(back − p·chg, 0)` with `p = probability(front, back)`, capped at
/// the new level quantity. Use with `PowerProbQueueFunction(n: 2 or 3)`.
public struct ProbabilisticQueueModel<Probability: QueueProbability>: QueueModel {
    public var probability: Probability

    public init(_ probability: Probability) { self.probability = probability }

    @inlinable public func joined(levelLots: Int64) -> QueuePosition { QueuePosition(ahead: Double(levelLots)) }

    @inlinable
    public func traded(_ position: inout QueuePosition, lots: Int64) {
        position.ahead -= Double(lots)
        position.tradedSinceDepthUpdate += Double(lots)
    }

    @inlinable
    public func depthChanged(_ position: inout QueuePosition, from previous: Int64, to current: Int64) {
        let change = Double(previous - current) - position.tradedSinceDepthUpdate
        position.tradedSinceDepthUpdate = 0
        guard change > 0 else {
            position.ahead = min(position.ahead, Double(current))
            return
        }
        let front = position.ahead
        let back = Double(previous) - front
        var p = probability.probability(front: front, back: back)
        if !p.isFinite { p = 1 }
        let estimate = front - (1 - p) * change + min(back - p * change, 0)
        position.ahead = min(estimate, Double(current))
    }
}

extension ProbabilisticQueueModel: Sendable where Probability: Sendable {}
