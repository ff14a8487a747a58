public import AsymCore

/// One public trade as the venue reported it (Bybit `publicTrade`, Binance `aggTrade`, OKX `trades`).
///
/// A 40-byte POD. `tradeID` is the venue's numeric id (Binance `a`, OKX `tradeId`, the *last* id of
/// the aggregation) or, for Bybit's UUID `i`, the XOR of its two 64-bit halves — unique enough to
/// de-duplicate, not reversible.
public struct TradeEvent: Hashable, Sendable, BitwiseCopyable {
    /// Execution price.
    public var price: Price
    /// Executed size.
    public var quantity: Quantity
    /// Venue trade id, see the type documentation.
    public var tradeID: UInt64
    /// Venue match time, nanoseconds since the Unix epoch.
    public var exchangeTime: Int64
    /// Fills aggregated into this print (OKX `count`, Binance `l - f + 1`; 1 for Bybit).
    public var fillCount: UInt32
    /// The aggressor.
    public var takerSide: TakerSide
    /// Bybit `BT`: a block trade, not printed on the order book.
    public var isBlockTrade: Bool

    @inlinable
    public init(
        price: Price, quantity: Quantity, tradeID: UInt64, exchangeTime: Int64, fillCount: UInt32 = 1,
        takerSide: TakerSide, isBlockTrade: Bool = false
    ) {
        self.price = price
        self.quantity = quantity
        self.tradeID = tradeID
        self.exchangeTime = exchangeTime
        self.fillCount = fillCount
        self.takerSide = takerSide
        self.isBlockTrade = isBlockTrade
    }
}
