/// Average Directional Movement Index (Wilder 1978, "New Concepts in Technical Trading Systems"), TA-Lib `TA_ADX`.
///
/// +DM/−DM and the true range are summed over the first `period − 1` bar pairs, then Wilder-smoothed as running
/// *sums* (`s = s − s/period + x`). DX = 100·|−DI − +DI| / (−DI + +DI). The first ADX is the mean of the first
/// `period` DX values; then `adx = (adx·(period − 1) + dx) / period`. Like TA-Lib, a bar whose smoothed true range
/// is exactly zero, or whose DI sum is below 1e-14 (`TA_IS_ZERO`, dimensionless), contributes no DX: it counts as 0
/// in the seed and leaves the ADX unchanged after.
/// First value on update `2·period` (lookback `2·period − 1`).
/// - Complexity: O(1) per update, fixed-size state.
public struct AverageDirectionalIndex: Sendable, BitwiseCopyable {
    /// Smoothing period (TA-Lib's default is 14).
    public let period: Int
    @usableFromInline var seen = 0
    @usableFromInline var previousHigh = 0.0
    @usableFromInline var previousLow = 0.0
    @usableFromInline var previousClose = 0.0
    @usableFromInline var plusDM = 0.0
    @usableFromInline var minusDM = 0.0
    @usableFromInline var trueRange = 0.0
    @usableFromInline var sumDX = 0.0
    @usableFromInline var current = 0.0

    /// An ADX of `period` (≥ 2).
    public init(period: Int = 14) {
        precondition(period >= 2, "ADX period must be at least 2")
        self.period = period
    }

    /// The latest ADX, or nil during warm-up.
    @inlinable
    public var value: Double? { seen >= 2 * period ? current : nil }

    /// Adds a bar; returns the ADX in [0, 100], or nil during warm-up.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> Double? {
        seen += 1
        defer {
            previousHigh = high
            previousLow = low
            previousClose = close
        }
        if seen == 1 { return nil }
        let n = Double(period)
        let diffP = high - previousHigh
        let diffM = previousLow - low
        let range = TrueRange.of(high: high, low: low, previousClose: previousClose)
        if seen <= period {  // the first period − 1 pairs are plain sums
            if diffM > 0 && diffP < diffM {
                minusDM += diffM
            } else if diffP > 0 && diffP > diffM {
                plusDM += diffP
            }
            trueRange += range
            return nil
        }
        minusDM -= minusDM / n
        plusDM -= plusDM / n
        if diffM > 0 && diffP < diffM {
            minusDM += diffM
        } else if diffP > 0 && diffP > diffM {
            plusDM += diffP
        }
        trueRange = trueRange - trueRange / n + range
        var dx: Double? = nil
        if trueRange > 0 {
            let minusDI = 100.0 * (minusDM / trueRange)
            let plusDI = 100.0 * (plusDM / trueRange)
            let sum = minusDI + plusDI
            if !TALibZero.isZero(sum) { dx = 100.0 * (abs(minusDI - plusDI) / sum) }
        }
        if seen < 2 * period {
            if let dx { sumDX += dx }
            return nil
        }
        if seen == 2 * period {
            if let dx { sumDX += dx }
            current = sumDX / n
        } else if let dx {
            current = (current * Double(period - 1) + dx) / n
        }
        return current
    }
}
