/// Average True Range (Wilder 1978, "New Concepts in Technical Trading Systems"), TA-Lib `TA_ATR`.
///
/// Seeded with the plain average of the first `period` true ranges (the first bar has no previous close, so no
/// true range), then Wilder-smoothed as `atr = (atr·(period − 1) + tr) / period` in TA-Lib's three steps. First
/// value on update `period + 1` (lookback `period`). TA-Lib's unstable period only hides early outputs of a
/// whole-array call; the values are the same.
/// - Complexity: O(1) per update, fixed-size state.
public struct AverageTrueRange: Sendable, BitwiseCopyable {
    /// Smoothing period (TA-Lib's default is 14).
    public let period: Int
    @usableFromInline var seen = 0
    @usableFromInline var previousClose = 0.0
    @usableFromInline var current = 0.0

    /// An ATR of `period` (≥ 2; TA-Lib's period 1 is the plain true range, see `TrueRange`).
    public init(period: Int = 14) {
        precondition(period >= 2, "ATR period must be at least 2")
        self.period = period
    }

    /// The latest ATR, or nil during warm-up.
    @inlinable
    public var value: Double? { seen > period ? current : nil }

    /// Adds a bar; returns the ATR, or nil during warm-up.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> Double? {
        defer { previousClose = close }
        seen += 1
        if seen == 1 { return nil }
        let range = TrueRange.of(high: high, low: low, previousClose: previousClose)
        if seen <= period + 1 {
            current += range
            guard seen == period + 1 else { return nil }
            current /= Double(period)
            return current
        }
        current *= Double(period - 1)
        current += range
        current /= Double(period)
        return current
    }
}
