import AsymCore

/// Exponential reconnect backoff with jitter: attempt n waits `min(maximum, base·2ⁿ)`, minus a random
/// fraction of up to `jitter` of it, so many clients cut at once do not reconnect in lockstep (venues
/// rate-limit new connections: Bybit 500 / 5 min, OKX 3/s).
///
/// Seeded (``SplitMix64``) so tests get the same delays every run.
public struct ReconnectBackoff: Sendable {
    /// The first delay.
    public var base: Duration
    /// The ceiling.
    public var maximum: Duration
    /// The largest fraction (0…1) taken off a delay at random.
    public var jitter: Double
    private var generator: SplitMix64

    /// Creates a backoff; `jitter` is clamped to 0…1.
    public init(base: Duration, maximum: Duration, jitter: Double = 0.5, seed: UInt64) {
        self.base = base
        self.maximum = max(base, maximum)
        self.jitter = min(max(jitter, 0), 1)
        generator = SplitMix64(seed: seed)
    }

    /// The delay before reconnect attempt `attempt` (0 for the first retry after a drop).
    public mutating func delay(attempt: Int) -> Duration {
        let exponent = min(max(attempt, 0), 40)
        let baseSeconds = Double(base.components.seconds) + Double(base.components.attoseconds) / 1e18
        let maximumSeconds = Double(maximum.components.seconds) + Double(maximum.components.attoseconds) / 1e18
        let uncapped = baseSeconds * Double(sign: .plus, exponent: exponent, significand: 1)
        let capped = min(maximumSeconds, uncapped)
        return .nanoseconds(Int64(capped * (1 - jitter * generator.unit()) * 1e9))
    }
}
