public import AsymCore
public import AsymRisk

/// One thing that happened to an order, as a 64-byte POD for the journal (DESIGN.md §3).
public struct ExecutionEvent: Sendable, BitwiseCopyable {
    /// When the router saw it (the injected clock, ns).
    public var time: Int64
    public var clientOrderID: ClientOrderID
    /// The venue's trade id (fills; 0 for a fill reconstructed from a query).
    public var tradeID: UInt64
    /// Fill price (fills) or order price, in ticks.
    public var price: Int64
    /// Fill lots (fills) or order lots.
    public var lots: Int64
    /// Lots filled so far on the order, after this event.
    public var filledLots: Int64
    /// Fee of this fill in quote currency (negative is a rebate).
    public var fee: Double
    public var instrument: InstrumentID
    public var kind: ExecutionEventKind
    /// The order's state after the event.
    public var state: OrderState
    public var side: TakerSide
    public var liquidity: Liquidity
    public var reason: OrderRejectReason
    /// Entry or exit, so risk feedback can release an entry's reservation.
    public var intent: IntentKind

    public init(time: Int64, clientOrderID: ClientOrderID, tradeID: UInt64 = 0, price: Int64, lots: Int64,
                filledLots: Int64, fee: Double = 0, instrument: InstrumentID, kind: ExecutionEventKind,
                state: OrderState, side: TakerSide, liquidity: Liquidity = .none, reason: OrderRejectReason = .none,
                intent: IntentKind) {
        self.time = time
        self.clientOrderID = clientOrderID
        self.tradeID = tradeID
        self.price = price
        self.lots = lots
        self.filledLots = filledLots
        self.fee = fee
        self.instrument = instrument
        self.kind = kind
        self.state = state
        self.side = side
        self.liquidity = liquidity
        self.reason = reason
        self.intent = intent
    }
}
