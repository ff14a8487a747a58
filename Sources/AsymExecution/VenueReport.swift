public import AsymCore

/// One execution report from a venue, as plain data (a live gateway decodes venue messages into these).
///
/// A live gateway maps a string trade id (Bybit `execId`, Binance `t`, OKX `tradeId`) to `tradeID` with a
/// 64-bit hash; only equality matters (fill deduplication).
public struct VenueReport: Sendable, BitwiseCopyable {
    public var kind: VenueReportKind
    public var clientOrderID: ClientOrderID
    public var instrument: InstrumentID
    public var side: TakerSide
    /// Fill price in ticks (fills).
    public var price: Int64
    /// Fill lots (fills), or the lots left open (cancel, expiry).
    public var lots: Int64
    /// Venue trade id (fills), unique per fill.
    public var tradeID: UInt64
    /// Fee of the fill in quote currency.
    public var fee: Double
    public var liquidity: Liquidity
    public var reason: OrderRejectReason
    /// The venue's time of the event (ns).
    public var venueTime: Int64

    public init(kind: VenueReportKind, clientOrderID: ClientOrderID, instrument: InstrumentID, side: TakerSide,
                price: Int64 = 0, lots: Int64 = 0, tradeID: UInt64 = 0, fee: Double = 0, liquidity: Liquidity = .none,
                reason: OrderRejectReason = .none, venueTime: Int64) {
        self.kind = kind
        self.clientOrderID = clientOrderID
        self.instrument = instrument
        self.side = side
        self.price = price
        self.lots = lots
        self.tradeID = tradeID
        self.fee = fee
        self.liquidity = liquidity
        self.reason = reason
        self.venueTime = venueTime
    }
}
