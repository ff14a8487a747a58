/// What a `SignalEngine` did with its updates, for metrics and tests.
public struct SignalCounters: Sendable, BitwiseCopyable, Equatable {
    /// Book updates evaluated.
    public var updates: Int64 = 0
    /// Updates skipped because the book was unusable or had no touch.
    public var unusable: Int64 = 0
    /// Updates inside the cooldown after a signal (strategies not run).
    public var inCooldown: Int64 = 0
    /// Signals the strategies proposed.
    public var proposed: Int64 = 0
    /// Proposals the multi-timeframe filter dropped.
    public var unconfirmed: Int64 = 0
    /// Proposals below the minimum confidence or edge.
    public var belowThreshold: Int64 = 0
    /// Signals emitted.
    public var emitted: Int64 = 0
    /// Closed candles of the regime timeframe.
    public var candles: Int64 = 0

    /// All zero.
    public init() {}
}
