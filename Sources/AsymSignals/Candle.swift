public import AsymCore

/// One OHLCV bar built from trades, in the instrument's ticks and lots (64 bytes, no floating point).
///
/// A bucket with no trades is a *flat* candle: open = high = low = close = the previous candle's close, zero volume,
/// `tradeCount == 0` (`isEmpty`). Indicators then see a regular series, one bar per interval, as TA-Lib assumes.
public struct Candle: Hashable, Sendable, BitwiseCopyable {
    /// Start of the bucket, exchange time in nanoseconds since the Unix epoch (UTC-aligned).
    public var openTime: Int64
    /// Price of the bucket's earliest trade (by exchange time).
    public var open: Price
    public var high: Price
    public var low: Price
    /// Price of the bucket's latest trade (by exchange time; the last received wins a tie).
    public var close: Price
    /// Traded size.
    public var volume: Quantity
    /// Size traded by buying takers (`volume - takerBuyVolume` is the selling takers').
    public var takerBuyVolume: Quantity
    /// Trades in the bucket; zero for an empty interval.
    public var tradeCount: Int

    public init(
        openTime: Int64, open: Price, high: Price, low: Price, close: Price, volume: Quantity,
        takerBuyVolume: Quantity, tradeCount: Int
    ) {
        self.openTime = openTime
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
        self.takerBuyVolume = takerBuyVolume
        self.tradeCount = tradeCount
    }

    /// The flat, zero-volume candle of an interval without trades.
    @inlinable
    public static func empty(openTime: Int64, previousClose: Price) -> Candle {
        Candle(
            openTime: openTime, open: previousClose, high: previousClose, low: previousClose, close: previousClose,
            volume: .zero, takerBuyVolume: .zero, tradeCount: 0)
    }

    /// No trade happened in this interval (the candle is flat at the previous close).
    @inlinable
    public var isEmpty: Bool { tradeCount == 0 }

    /// The bar in `Double` for indicators.
    ///
    /// `Double(ticks × step) / 10^decimals` is one correctly rounded division, so the result is the same double
    /// as parsing the decimal text (what TA-Lib's Python wrapper sees when reading the same prices from a CSV).
    @inlinable
    public func values(priceScale: FixedPointScale, quantityScale: FixedPointScale) -> CandleValues {
        CandleValues(
            open: Self.double(open.ticks, priceScale), high: Self.double(high.ticks, priceScale),
            low: Self.double(low.ticks, priceScale), close: Self.double(close.ticks, priceScale),
            volume: Self.double(volume.lots, quantityScale))
    }

    @inlinable
    static func double(_ ticks: Int64, _ scale: FixedPointScale) -> Double {
        Double(ticks * scale.step) / CandleValues.powersOfTen[scale.decimals]
    }
}
