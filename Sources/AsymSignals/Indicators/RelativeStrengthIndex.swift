/// Relative Strength Index with Wilder's smoothing (Wilder 1978, "New Concepts in Technical Trading Systems"),
/// TA-Lib `TA_RSI` (default compatibility, not Metastock's).
///
/// The first `period` price changes are averaged plainly; after that the average gain and loss are smoothed as
/// `avg = (avg·(period − 1) + change) / period` in TA-Lib's three steps. `RSI = 100·gain / (gain + loss)`, and 0 when
/// both are exactly zero (TA-Lib 0.8 tests the total exactly, its issue #253; 0.4–0.6 used a fixed 1e-8 band that
/// zeroed the RSI of any instrument quoted in small units, and would disagree after ~400 flat bars). First value on update `period + 1` (lookback
/// `period`). TA-Lib's unstable period only hides early outputs of a whole-array call; the values are the same.
/// - Complexity: O(1) per update, fixed-size state.
public struct RelativeStrengthIndex: Sendable, BitwiseCopyable {
    /// Smoothing period (TA-Lib's default is 14).
    public let period: Int
    @usableFromInline var seen = 0
    @usableFromInline var previous = 0.0
    @usableFromInline var gain = 0.0
    @usableFromInline var loss = 0.0
    @usableFromInline var current = 0.0

    /// An RSI of `period` (≥ 2).
    public init(period: Int = 14) {
        precondition(period >= 2, "RSI period must be at least 2")
        self.period = period
    }

    /// The latest RSI, or nil during warm-up.
    @inlinable
    public var value: Double? { seen > period ? current : nil }

    /// Adds a price; returns the RSI in [0, 100], or nil during warm-up.
    @inlinable
    public mutating func update(_ price: Double) -> Double? {
        defer { previous = price }
        seen += 1
        if seen == 1 { return nil }
        let change = price - previous
        let n = Double(period)
        if seen <= period + 1 {
            if change < 0 { loss -= change } else { gain += change }
            guard seen == period + 1 else { return nil }
            loss /= n
            gain /= n
        } else {
            loss *= Double(period - 1)
            gain *= Double(period - 1)
            if change < 0 { loss -= change } else { gain += change }
            loss /= n
            gain /= n
        }
        let total = gain + loss
        current = total > 0 ? 100.0 * (gain / total) : 0.0
        return current
    }
}
