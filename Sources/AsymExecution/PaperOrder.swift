import AsymCore
import AsymRisk

/// An order inside the paper venue (flat fields: preallocated slots need a blank value, and an
/// `ApprovedOrder` cannot be made here).
struct PaperOrder: BitwiseCopyable {
    var clientOrderID: ClientOrderID
    var instrument: InstrumentID
    var side: TakerSide
    var orderType: OrderType
    var reduceOnly: Bool
    var price: Int64
    /// Lots allowed (after a reduce-only clip).
    var lots: Int64
    var filledLots: Int64 = 0
    var filledNotional: Double = 0
    var fee: Double = 0
    var queue = QueuePosition(ahead: 0)
    /// The level quantity at the order's price when last looked at.
    var levelLots: Int64 = 0
    var restingSince: Int64 = 0
    /// Reports about it are dropped (fault injection).
    var silent = false

    var leaves: Int64 { lots &- filledLots }

    init(_ order: VenueOrder) {
        self.init(clientOrderID: order.clientOrderID, instrument: order.instrument, side: order.side,
                  orderType: order.orderType, reduceOnly: order.reduceOnly, price: order.price, lots: order.lots)
    }

    init(clientOrderID: ClientOrderID, instrument: InstrumentID, side: TakerSide, orderType: OrderType,
         reduceOnly: Bool, price: Int64, lots: Int64) {
        self.clientOrderID = clientOrderID
        self.instrument = instrument
        self.side = side
        self.orderType = orderType
        self.reduceOnly = reduceOnly
        self.price = price
        self.lots = lots
    }

    static let blank = PaperOrder(clientOrderID: ClientOrderID(rawValue: 0), instrument: .init(0), side: .buy,
                                  orderType: .limit, reduceOnly: false, price: 0, lots: 0)

    func snapshot(_ state: OrderState) -> VenueOrderSnapshot {
        VenueOrderSnapshot(state: state, filledLots: filledLots,
                           averagePrice: filledLots > 0 ? filledNotional / Double(filledLots) : 0, fee: fee)
    }
}
