/// Trading rules of one instrument, as the venue publishes them.
///
/// Loaded from the venue's own instrument response (Bybit `instruments-info`, Binance `exchangeInfo`
/// plus `leverageBracket`, OKX `public/instruments`); see `InstrumentCatalog`.
public struct Instrument: Hashable, Sendable {
    /// The venue.
    public var venue: Venue
    /// The venue's symbol: `BTCUSDT` (Bybit, Binance), `BTC-USDT-SWAP` (OKX).
    public var symbol: String
    /// Price increment.
    public var priceScale: FixedPointScale
    /// Size increment (base coin for Bybit/Binance; contracts for OKX).
    public var quantityScale: FixedPointScale
    /// Smallest order size, in lots.
    public var minimumQuantity: Quantity
    /// Largest limit-order size, in lots.
    public var maximumQuantity: Quantity
    /// Smallest order notional in the quote currency, as decimal text (e.g. `"5"`), if the venue has one.
    public var minimumNotional: String?
    /// Base-coin amount per contract (OKX `ctVal`); `"1"` where sizes are already in base coin.
    public var contractValue: String
    /// The venue's maximum leverage for this instrument.
    public var maximumLeverage: Int

    public init(
        venue: Venue, symbol: String, priceScale: FixedPointScale, quantityScale: FixedPointScale,
        minimumQuantity: Quantity, maximumQuantity: Quantity, minimumNotional: String?, contractValue: String,
        maximumLeverage: Int
    ) {
        self.venue = venue
        self.symbol = symbol
        self.priceScale = priceScale
        self.quantityScale = quantityScale
        self.minimumQuantity = minimumQuantity
        self.maximumQuantity = maximumQuantity
        self.minimumNotional = minimumNotional
        self.contractValue = contractValue
        self.maximumLeverage = maximumLeverage
    }
}
