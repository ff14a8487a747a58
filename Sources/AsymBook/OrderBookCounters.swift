/// Running counts an `OrderBook` keeps for monitoring; all start at zero and only grow.
public struct OrderBookCounters: Hashable, Sendable, BitwiseCopyable {
    /// Level updates applied (`apply(side:price:quantity:)` calls).
    public var levelUpdates: Int = 0
    /// Frames closed with `endFrame(at:)`.
    public var frames: Int = 0
    /// Snapshots started with `reset()`.
    public var resets: Int = 0
    /// `invalidate()` calls that took a valid book to resyncing (one per sequence gap).
    public var invalidations: Int = 0
    /// Frames that ended crossed or locked (best bid >= best ask).
    public var crossedFrames: Int = 0
    /// Times a side's ladder window moved to follow the price (each costs O(levels)).
    public var recentres: Int = 0
    /// Deep levels dropped because a side's overflow store was full. While 0 the book is exact.
    public var droppedFarLevels: Int = 0

    /// All zero.
    public init() {}
}
