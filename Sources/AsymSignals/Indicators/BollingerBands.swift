/// Bollinger Bands (John Bollinger, "Bollinger on Bollinger Bands", 2001): an SMA ± `deviations` population
/// standard deviations, TA-Lib `TA_BBANDS` with `MAType_SMA`.
///
/// The middle band is `SimpleMovingAverage` (bit-identical to `TA_SMA`). The deviation comes from
/// `RollingMoments`, which is within ~1e-12 of the exact window variance, as TA-Lib ≥ 0.7 is with its shifted,
/// reseeded variance (issue #118); a flat window gives exactly zero-width bands. TA-Lib 0.4–0.6 used Σx²/n − sma²,
/// which cancels to ~1e-7 relative error at crypto price levels: those versions will disagree with this beyond 1e-9.
/// - Complexity: O(1) per update; two `period`-value rings allocated at init, nothing after.
public struct BollingerBands: Sendable {
    /// One set of bands.
    public struct Output: Hashable, Sendable, BitwiseCopyable {
        public var upper: Double
        /// The SMA.
        public var middle: Double
        public var lower: Double

        public init(upper: Double, middle: Double, lower: Double) {
            self.upper = upper
            self.middle = middle
            self.lower = lower
        }
    }

    public let period: Int
    public let deviationsUp: Double
    public let deviationsDown: Double
    @usableFromInline var average: SimpleMovingAverage
    @usableFromInline var moments: RollingMoments
    @usableFromInline var last = Output(upper: 0, middle: 0, lower: 0)

    /// Bands over `period` (≥ 2) values at `deviationsUp`/`deviationsDown` standard deviations (TA-Lib's defaults
    /// are 5, 2, 2; the usual setting is 20, 2, 2).
    public init(period: Int = 20, deviationsUp: Double = 2, deviationsDown: Double = 2) {
        precondition(period >= 2, "Bollinger period must be at least 2")
        self.period = period
        self.deviationsUp = deviationsUp
        self.deviationsDown = deviationsDown
        average = SimpleMovingAverage(period: period)
        moments = RollingMoments(capacity: period)
    }

    /// The latest bands, or nil during warm-up.
    @inlinable
    public var value: Output? { average.value == nil ? nil : last }

    /// Adds a price; returns the bands, or nil during warm-up.
    @inlinable
    public mutating func update(_ price: Double) -> Output? {
        moments.append(price)
        guard let middle = average.update(price) else { return nil }
        let deviation = (moments.sumOfSquaredDeviations / Double(period)).squareRoot()
        if deviationsUp == deviationsDown {
            let width = deviation * deviationsUp
            last = Output(upper: middle + width, middle: middle, lower: middle - width)
        } else {
            last = Output(upper: middle + deviation * deviationsUp, middle: middle, lower: middle - deviation * deviationsDown)
        }
        return last
    }
}
