public import AsymCore
public import AsymRisk

/// The router's record of one order: what was asked, what the venue said, what filled.
public struct RoutedOrder: Sendable, BitwiseCopyable {
    public internal(set) var clientOrderID: ClientOrderID
    public internal(set) var instrument: InstrumentID
    public internal(set) var intent: IntentKind
    public internal(set) var side: TakerSide
    public internal(set) var orderType: OrderType
    public internal(set) var state: OrderState
    /// A cancel was sent and not yet answered.
    public internal(set) var cancelRequested: Bool
    public internal(set) var reason: OrderRejectReason
    public internal(set) var price: Int64
    public internal(set) var lots: Int64
    public internal(set) var filledLots: Int64
    /// Σ price × lots of the fills, in ticks × lots.
    public internal(set) var filledNotional: Double
    /// Fees so far, quote currency.
    public internal(set) var fee: Double
    /// When the last request for it (order or cancel) went out.
    public internal(set) var requestedAt: Int64
    public internal(set) var updatedAt: Int64
    /// The risk gate's decision that approved it.
    public internal(set) var decision: UInt64

    /// Average fill price in ticks, 0 without fills.
    public var averageFillPrice: Double { filledLots > 0 ? filledNotional / Double(filledLots) : 0 }

    /// Whether its slot can be reused.
    var isFree: Bool { clientOrderID.rawValue == 0 || state.isTerminal }

    static let empty = RoutedOrder(
        clientOrderID: ClientOrderID(rawValue: 0), instrument: .init(0), intent: .entry, side: .buy, orderType: .market,
        state: .new, cancelRequested: false, reason: .none, price: 0, lots: 0, filledLots: 0, filledNotional: 0, fee: 0,
        requestedAt: 0, updatedAt: 0, decision: 0)
}
