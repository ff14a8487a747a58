/// Simple moving average over `period` values, TA-Lib `TA_SMA`.
///
/// Keeps TA-Lib's running total and its order of operations (add the new value, divide, then subtract the oldest),
/// so outputs are bit-identical to `TA_SMA`, drift included. First value after `period` updates (lookback
/// `period − 1`).
/// - Complexity: O(1) per update; a `period`-value ring allocated at init, nothing after.
public struct SimpleMovingAverage: Sendable {
    /// Values averaged.
    public let period: Int
    @usableFromInline var window: RollingWindow
    @usableFromInline var total = 0.0

    /// An SMA over `period` (≥ 1) values.
    public init(period: Int) {
        precondition(period >= 1, "SMA period must be at least 1")
        self.period = period
        window = RollingWindow(capacity: period)
    }

    /// The latest average, or nil during warm-up.
    @inlinable
    public var value: Double? { window.isFull ? lastValue : nil }
    @usableFromInline var lastValue = 0.0

    /// Adds `value`; returns the average of the last `period` values, or nil during warm-up.
    @inlinable
    public mutating func update(_ value: Double) -> Double? {
        window.append(value)
        total += value
        guard window.isFull else { return nil }
        lastValue = total / Double(period)
        total -= window.oldest  // TA-Lib drops the window's first value right after the division
        return lastValue
    }
}
