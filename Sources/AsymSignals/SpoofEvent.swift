public import AsymCore

/// One candidate wall that stopped resting: vanished without trading (scored) or traded (score 0).
///
/// A 96-byte POD produced by `SpoofDetector` without allocation.
public struct SpoofEvent: Sendable, BitwiseCopyable, Equatable {
    /// The wall's side.
    public var side: BookSide
    /// The wall's price.
    public var price: Price
    /// The level's peak size while it was a wall, lots (it includes ordinary resting size).
    public var size: Quantity
    /// Receive time of the frame where the level became a wall, ns.
    public var appearedAt: Int64
    /// Receive time of the frame where it dropped below the wall threshold, ns.
    public var vanishedAt: Int64
    /// A trade printed at or through its price while it rested (or before its vanish, see `SpoofConfiguration`).
    public var traded: Bool
    /// Event score in [0, 1]; 0 when traded.
    public var score: Double
    /// Peak size over the median level size when it appeared.
    public var sizeRatio: Double
    /// Distance from the touch when it appeared and the least distance seen, ticks.
    public var initialDistance: Int64
    public var closestDistance: Int64
    /// Most untraded walls resting on its side at once during its life (1 = alone).
    public var layers: Int32

    /// Whether `score` reaches `threshold` (the configuration's `flagThreshold`).
    @inlinable
    public func isSpoof(threshold: Double) -> Bool { !traded && score >= threshold }
}
