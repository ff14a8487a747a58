/// One timeframe's indicators in a `MarketBrief`, as of its last closed candle. POD; prices in quote currency.
///
/// A slot with `minutes == 0` is unused. Values still warming up should be left at their neutral defaults.
public struct BriefTimeframe: Sendable, BitwiseCopyable, Equatable {
    /// Candle width in minutes (0 = unused slot).
    public var minutes: Int32
    /// Close of the last closed candle.
    public var close: Double
    /// Change of the close over the last candle, percent.
    public var changePercent: Double
    /// Wilder RSI(14), [0, 100]; 50 when unknown.
    public var rsi: Double
    /// Wilder ADX(14), [0, 100].
    public var adx: Double
    /// EMA slope in ATRs per candle (positive = rising).
    public var emaSlope: Double
    /// ATR(14) as a percentage of the close.
    public var atrPercent: Double
    /// Position of the close in the Bollinger bands (20, 2σ): 0 at the lower band, 1 at the upper; 0.5 when unknown.
    public var bollingerPercentB: Double
    /// Last candle's volume over the average volume; 1 when unknown.
    public var volumeRatio: Double

    public init(minutes: Int32 = 0, close: Double = 0, changePercent: Double = 0, rsi: Double = 50, adx: Double = 0,
                emaSlope: Double = 0, atrPercent: Double = 0, bollingerPercentB: Double = 0.5, volumeRatio: Double = 1) {
        self.minutes = minutes
        self.close = close
        self.changePercent = changePercent
        self.rsi = rsi
        self.adx = adx
        self.emaSlope = emaSlope
        self.atrPercent = atrPercent
        self.bollingerPercentB = bollingerPercentB
        self.volumeRatio = volumeRatio
    }

    /// An unused slot.
    public static var unused: BriefTimeframe { BriefTimeframe() }

    /// Whether the slot holds a timeframe.
    public var isUsed: Bool { minutes > 0 }

    static var wordCount: Int { 9 }

    func store(_ store: (Int, UInt64) -> Void, at base: Int) {
        store(base, UInt64(UInt32(bitPattern: minutes)))
        store(base + 1, close.bitPattern)
        store(base + 2, changePercent.bitPattern)
        store(base + 3, rsi.bitPattern)
        store(base + 4, adx.bitPattern)
        store(base + 5, emaSlope.bitPattern)
        store(base + 6, atrPercent.bitPattern)
        store(base + 7, bollingerPercentB.bitPattern)
        store(base + 8, volumeRatio.bitPattern)
    }

    init(loading load: (Int) -> UInt64, at base: Int) {
        minutes = Int32(bitPattern: UInt32(truncatingIfNeeded: load(base)))
        close = Double(bitPattern: load(base + 1))
        changePercent = Double(bitPattern: load(base + 2))
        rsi = Double(bitPattern: load(base + 3))
        adx = Double(bitPattern: load(base + 4))
        emaSlope = Double(bitPattern: load(base + 5))
        atrPercent = Double(bitPattern: load(base + 6))
        bollingerPercentB = Double(bitPattern: load(base + 7))
        volumeRatio = Double(bitPattern: load(base + 8))
    }
}
