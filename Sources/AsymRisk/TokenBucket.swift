/// A token bucket on order submissions: `rate` tokens per second, at most `burst` banked.
///
/// Excess orders are denied, never queued: a queued order would reach the venue on stale information.
public struct TokenBucket: Sendable {
    public let ratePerSecond: Double
    public let burst: Double
    @usableFromInline var tokens: Double
    @usableFromInline var lastRefill: Int64

    public init(ratePerSecond: Double, burst: Int, now: Int64 = 0) {
        self.ratePerSecond = ratePerSecond
        self.burst = Double(burst)
        tokens = Double(burst)
        lastRefill = now
    }

    /// Takes one token if available.
    @inlinable
    public mutating func take(now: Int64) -> Bool {
        if now > lastRefill {
            tokens = min(burst, tokens + Double(now &- lastRefill) * 1e-9 * ratePerSecond)
            lastRefill = now
        }
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
