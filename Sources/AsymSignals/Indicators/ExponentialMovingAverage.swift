/// Exponential moving average, TA-Lib `TA_EMA` (default compatibility).
///
/// `k = 2 / (period + 1)`; seeded with the simple average of the first `period` values, then
/// `ema = (x − ema)·k + ema` (TA-Lib's operation order). The first value appears on the `period`-th update
/// (lookback `period − 1`). TA-Lib calls the EMA's early values unstable because they depend on where the series
/// started; a whole-array TA-Lib call starts at index 0 exactly as this does, so the values agree from the first.
/// - Complexity: O(1) per update, fixed-size state.
public struct ExponentialMovingAverage: Sendable, BitwiseCopyable {
    /// Smoothing period.
    public let period: Int
    /// `2 / (period + 1)`.
    public let k: Double
    @usableFromInline var seen = 0
    @usableFromInline var current = 0.0

    /// An EMA of `period` (≥ 1).
    public init(period: Int) {
        precondition(period >= 1, "EMA period must be at least 1")
        self.period = period
        k = 2.0 / Double(period + 1)
    }

    /// The latest EMA, or nil during warm-up.
    @inlinable
    public var value: Double? { seen >= period ? current : nil }

    /// Adds `value`; returns the EMA, or nil during warm-up.
    @inlinable
    public mutating func update(_ value: Double) -> Double? {
        if seen >= period {
            current = (value - current) * k + current
            return current
        }
        current += value  // the seed's running sum, from 0.0 in input order like TA-Lib
        seen += 1
        guard seen == period else { return nil }
        current /= Double(period)
        return current
    }
}
