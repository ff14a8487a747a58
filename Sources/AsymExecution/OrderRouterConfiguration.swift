/// Sizes and timeouts of an `OrderRouter`.
public struct OrderRouterConfiguration: Sendable {
    /// Live orders at once (rounded up to a power of two).
    public var orderCapacity = 1_024
    /// Events buffered between two `clearEvents()` calls.
    public var eventCapacity = 4_096
    /// Recent fills remembered for deduplication.
    public var tradeIDMemory = 16_384
    /// How long a request may go unanswered before the order counts as in flight (ns). Make it longer
    /// than the venue's worst entry + response latency, or a query may look before the order arrives.
    public var responseTimeout: Int64 = 5_000_000_000

    public init() {}
}
