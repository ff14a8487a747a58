/// A venue's answer to a query by client id: its view of the order.
public struct VenueOrderSnapshot: Sendable, BitwiseCopyable, Equatable {
    /// The venue's state (`submitted` when it holds the order but has not processed it).
    public var state: OrderState
    public var filledLots: Int64
    /// Average fill price in ticks (0 without fills).
    public var averagePrice: Double
    /// Fees so far in quote currency.
    public var fee: Double

    public init(state: OrderState, filledLots: Int64, averagePrice: Double, fee: Double) {
        self.state = state
        self.filledLots = filledLots
        self.averagePrice = averagePrice
        self.fee = fee
    }
}
