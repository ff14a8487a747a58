public import AsymCore
public import AsymRisk

/// A new order as handed to an `ExecutionVenue`: an `ApprovedOrder` plus its client id.
///
/// No public initialiser: only `OrderRouter.submit` makes one, from an `ApprovedOrder`, so a venue can
/// only ever be sent what the risk gate approved.
public struct VenueOrder: Sendable, BitwiseCopyable {
    public let clientOrderID: ClientOrderID
    public let approved: ApprovedOrder

    init(clientOrderID: ClientOrderID, approved: ApprovedOrder) {
        self.clientOrderID = clientOrderID
        self.approved = approved
    }

    @inlinable public var instrument: InstrumentID { approved.instrument }
    @inlinable public var side: TakerSide { approved.side }
    @inlinable public var orderType: OrderType { approved.orderType }
    /// Limit price in ticks (market orders: the gate's reference price, unused by matching).
    @inlinable public var price: Int64 { approved.price }
    @inlinable public var lots: Int64 { approved.lots }
    @inlinable public var reduceOnly: Bool { approved.reduceOnly }
}
