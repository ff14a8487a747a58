/// Rolling z-score: `(x − mean) / s` over the last `period` values including `x`, with `s` the *sample* standard
/// deviation (n − 1), as pandas' `(x − x.rolling(n).mean()) / x.rolling(n).std()`.
///
/// A flat window (all values equal, `s = 0`) gives 0 rather than NaN: "no deviation". Not a TA-Lib function; the
/// fixtures compare it against numpy's two-pass mean and std, which `RollingMoments` matches to ~1e-12.
/// - Complexity: O(1) per update; a `period`-value ring allocated at init, nothing after.
public struct ZScore: Sendable {
    public let period: Int
    @usableFromInline var moments: RollingMoments
    @usableFromInline var last = 0.0

    /// A z-score over `period` (≥ 2) values.
    public init(period: Int = 20) {
        precondition(period >= 2, "z-score period must be at least 2")
        self.period = period
        moments = RollingMoments(capacity: period)
    }

    /// The latest z-score, or nil during warm-up.
    @inlinable
    public var value: Double? { moments.isFull ? last : nil }

    /// Adds `value`; returns its z-score within the window, or nil until `period` values have been seen.
    @inlinable
    public mutating func update(_ value: Double) -> Double? {
        moments.append(value)
        guard moments.isFull else { return nil }
        let squares = moments.sumOfSquaredDeviations
        last = squares > 0 ? moments.deviation(of: value) / (squares / Double(period - 1)).squareRoot() : 0
        return last
    }
}
