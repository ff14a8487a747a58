/// The conservative queue model: a joining order is behind everything visible at its price; trades at
/// the price move it forward, and when the level shrinks below the lots ahead (cancels) it moves up to
/// the level's size. Orders joining later never get ahead of it, but it never gains from cancels behind.
///
/// Model: hftbacktest's `RiskAdverseQueueModel` (`models/queue.rs`): `front = level qty` on entry,
/// `front -= trade qty`, `front = min(front, new level qty)` on depth changes.
public struct RiskAverseQueueModel: QueueModel, Sendable {
    public init() {}

    @inlinable public func joined(levelLots: Int64) -> QueuePosition { QueuePosition(ahead: Double(levelLots)) }

    @inlinable public func traded(_ position: inout QueuePosition, lots: Int64) { position.ahead -= Double(lots) }

    @inlinable
    public func depthChanged(_ position: inout QueuePosition, from previous: Int64, to current: Int64) {
        position.ahead = min(position.ahead, Double(current))
    }
}
