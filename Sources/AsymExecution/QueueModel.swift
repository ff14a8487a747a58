/// Estimates a resting order's place in its price level's queue from L2 data (no order-level feed).
///
/// Model: hftbacktest's `QueueModel` trait (`new_order`, `trade`, `depth`, `is_filled`;
/// `hftbacktest/src/backtest/models/queue.rs`), with the queue state a POD instead of a boxed `Any`.
public protocol QueueModel {
    /// The position of an order joining a level that shows `levelLots` (it is behind all of them).
    func joined(levelLots: Int64) -> QueuePosition
    /// `lots` traded at the order's price.
    func traded(_ position: inout QueuePosition, lots: Int64)
    /// The level's quantity went from `previous` to `current` (cancels, joins, trades).
    func depthChanged(_ position: inout QueuePosition, from previous: Int64, to current: Int64)
}

extension QueueModel {
    /// Lots of the order whose turn has come (hftbacktest `is_filled`: whole lots past the front).
    @inlinable
    public func fillable(_ position: QueuePosition) -> Int64 {
        position.ahead < -0.5 ? Int64((-position.ahead).rounded(.down)) : 0
    }
}
