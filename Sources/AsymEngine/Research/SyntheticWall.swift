public import AsymCore

/// A large resting order placed by the synthetic market, with its ground-truth label.
///
/// Spoof walls vanish, without trading, as price approaches; genuine walls rest until traded.
public struct SyntheticWall: Sendable, Equatable {
    /// The book side the wall rests on.
    public var side: BookSide
    /// The wall's price.
    public var price: Price
    /// The wall's extra size on top of the level's ordinary size.
    public var size: Quantity
    /// Receive time of the frame in which the wall appeared.
    public var appearedAt: Int64
    /// Receive time of the frame in which it vanished or was traded through; nil while resting.
    public var vanishedAt: Int64?
    /// True if trades happened at its price while it rested.
    public var traded: Bool
    /// Ground truth: a spoof (placed to be cancelled) or a genuine order.
    public var isSpoof: Bool
}
