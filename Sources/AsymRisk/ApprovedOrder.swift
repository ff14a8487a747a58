public import AsymCore

/// An order the risk gate approved: the only thing the order router accepts.
///
/// It has no public initialiser, so no code outside `AsymRisk` can make one: every path to a venue
/// goes through `RiskGate.check`. Sizes and prices are already rounded to the venue's lot and tick.
public struct ApprovedOrder: Sendable, BitwiseCopyable {
    public let instrument: InstrumentID
    public let kind: IntentKind
    /// Buy for long entries and short exits; sell otherwise.
    public let side: TakerSide
    public let orderType: OrderType
    /// Limit price in ticks (market orders: the reference price used for sizing).
    public let price: Int64
    public let lots: Int64
    public let stopPrice: Int64
    public let takeProfitPrice: Int64
    /// Exits and cancels never increase exposure.
    public let reduceOnly: Bool
    public let cancelOrderID: UInt64
    /// Leverage the position was sized with.
    public let leverage: Int
    /// When the gate approved it (ns).
    public let approvedAt: Int64
    /// The gate's decision sequence number, to correlate with the journal.
    public let decision: UInt64

    init(instrument: InstrumentID, kind: IntentKind, side: TakerSide, orderType: OrderType, price: Int64, lots: Int64,
         stopPrice: Int64, takeProfitPrice: Int64, reduceOnly: Bool, cancelOrderID: UInt64, leverage: Int,
         approvedAt: Int64, decision: UInt64) {
        self.instrument = instrument
        self.kind = kind
        self.side = side
        self.orderType = orderType
        self.price = price
        self.lots = lots
        self.stopPrice = stopPrice
        self.takeProfitPrice = takeProfitPrice
        self.reduceOnly = reduceOnly
        self.cancelOrderID = cancelOrderID
        self.leverage = leverage
        self.approvedAt = approvedAt
        self.decision = decision
    }
}
