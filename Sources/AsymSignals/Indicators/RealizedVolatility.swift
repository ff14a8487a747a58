#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Realized volatility: the sample standard deviation (n − 1) of the last `period` log returns `ln(pₜ / pₜ₋₁)`,
/// optionally annualised by `√periodsPerYear` (e.g. 525,600 for 1m bars on a 24/7 market).
///
/// Per-bar (not annualised) by default, so the value does not depend on a calendar convention. Not a TA-Lib function;
/// the fixtures compare it against numpy's `std(ddof=1)` of `diff(log(close))`. Prices must be positive.
/// - Complexity: O(1) per update (one `log`); a `period`-value ring allocated at init, nothing after.
public struct RealizedVolatility: Sendable {
    public let period: Int
    /// `√periodsPerYear`, or 1 when not annualised.
    public let annualization: Double
    @usableFromInline var moments: RollingMoments
    @usableFromInline var previous = 0.0
    @usableFromInline var seen = 0
    @usableFromInline var last = 0.0

    /// Volatility over `period` (≥ 2) returns; `periodsPerYear` (if given) annualises it.
    public init(period: Int = 20, periodsPerYear: Double? = nil) {
        precondition(period >= 2, "realized volatility period must be at least 2")
        self.period = period
        annualization = periodsPerYear.map { $0.squareRoot() } ?? 1
        moments = RollingMoments(capacity: period)
    }

    /// The latest volatility, or nil during warm-up.
    @inlinable
    public var value: Double? { moments.isFull ? last : nil }

    /// Adds a price; returns the volatility once `period` returns exist (update `period + 1`), else nil.
    @inlinable
    public mutating func update(_ price: Double) -> Double? {
        precondition(price > 0, "realized volatility needs positive prices")
        defer { previous = price }
        seen += 1
        if seen == 1 { return nil }
        moments.append(Self.logReturn(price, previous))
        guard moments.isFull else { return nil }
        last = (moments.sumOfSquaredDeviations / Double(period - 1)).squareRoot() * annualization
        return last
    }

    /// `ln(price / previous)`; not inlinable because libm is imported internally.
    @usableFromInline
    static func logReturn(_ price: Double, _ previous: Double) -> Double { log(price / previous) }
}
