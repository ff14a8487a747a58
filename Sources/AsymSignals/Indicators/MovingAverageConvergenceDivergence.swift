/// MACD (Gerald Appel, 1979): fast EMA − slow EMA, its signal EMA and the histogram, TA-Lib `TA_MACD`.
///
/// Seeded the TA-Lib way (default compatibility): both price EMAs are seeded with simple averages whose windows
/// *end on the same bar* — the slow one over the first `slowPeriod` prices, the fast one over only the last
/// `fastPeriod` of those — so the MACD line starts on bar `slowPeriod − 1`. The signal EMA is seeded with the average
/// of the first `signalPeriod` MACD values. All three outputs appear together on update
/// `slowPeriod + signalPeriod − 1` (lookback `slowPeriod + signalPeriod − 2`, 33 for 12/26/9).
/// - Complexity: O(1) per update, fixed-size state.
public struct MovingAverageConvergenceDivergence: Sendable, BitwiseCopyable {
    /// One MACD output.
    public struct Output: Hashable, Sendable, BitwiseCopyable {
        /// Fast EMA − slow EMA.
        public var macd: Double
        /// EMA of `macd`.
        public var signal: Double
        /// `macd − signal`.
        public var histogram: Double

        public init(macd: Double, signal: Double, histogram: Double) {
            self.macd = macd
            self.signal = signal
            self.histogram = histogram
        }
    }

    public let fastPeriod: Int
    public let slowPeriod: Int
    public let signalPeriod: Int
    @usableFromInline let fastK: Double
    @usableFromInline let slowK: Double
    @usableFromInline let signalK: Double
    @usableFromInline var seen = 0
    @usableFromInline var fast = 0.0
    @usableFromInline var slow = 0.0
    @usableFromInline var signal = 0.0
    @usableFromInline var last = Output(macd: 0, signal: 0, histogram: 0)

    /// A MACD of `fastPeriod`/`slowPeriod`/`signalPeriod` (TA-Lib swaps fast and slow if given the wrong way round).
    public init(fastPeriod: Int = 12, slowPeriod: Int = 26, signalPeriod: Int = 9) {
        precondition(fastPeriod >= 2 && slowPeriod >= 2 && signalPeriod >= 1, "MACD periods out of range")
        self.fastPeriod = min(fastPeriod, slowPeriod)
        self.slowPeriod = max(fastPeriod, slowPeriod)
        self.signalPeriod = signalPeriod
        fastK = 2.0 / Double(self.fastPeriod + 1)
        slowK = 2.0 / Double(self.slowPeriod + 1)
        signalK = 2.0 / Double(signalPeriod + 1)
    }

    /// The latest output, or nil during warm-up.
    @inlinable
    public var value: Output? { seen >= slowPeriod + signalPeriod - 1 ? last : nil }

    /// Adds a price; returns MACD, signal and histogram, or nil during warm-up.
    @inlinable
    public mutating func update(_ price: Double) -> Output? {
        seen += 1
        if seen < slowPeriod {  // seed sums: slow over every price, fast over the tail of the slow window
            slow += price
            if seen > slowPeriod - fastPeriod { fast += price }
            return nil
        }
        if seen == slowPeriod {
            slow += price
            fast += price
            slow /= Double(slowPeriod)
            fast /= Double(fastPeriod)
        } else {
            fast = (price - fast) * fastK + fast
            slow = (price - slow) * slowK + slow
        }
        let macd = fast - slow
        let ready = slowPeriod + signalPeriod - 1
        if seen < ready {
            signal += macd
            return nil
        }
        if seen == ready {
            signal += macd
            signal /= Double(signalPeriod)
        } else {
            signal = (macd - signal) * signalK + signal
        }
        last = Output(macd: macd, signal: signal, histogram: macd - signal)
        return last
    }
}
