/// A candle's prices and volume as `Double`, the input every indicator takes.
public struct CandleValues: Hashable, Sendable, BitwiseCopyable {
    public var open: Double
    public var high: Double
    public var low: Double
    public var close: Double
    public var volume: Double

    public init(open: Double, high: Double, low: Double, close: Double, volume: Double) {
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }

    /// `(high + low + close) / 3`, the price a candle-based VWAP weights by volume.
    @inlinable
    public var typicalPrice: Double { (high + low + close) / 3.0 }

    /// Exact powers of ten (all ≤ 10^22 are representable), for correctly rounded scaling.
    @usableFromInline
    static let powersOfTen: [Double] = (0...18).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }
}
