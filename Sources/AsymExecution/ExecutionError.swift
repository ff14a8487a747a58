public import AsymRisk

/// Why the router refused a call or a venue report: typed, so nothing in execution traps on bad input.
public enum ExecutionError: Error, Equatable, Sendable {
    /// `trigger` is not legal in `from` (see `OrderStateMachine`).
    case illegalTransition(from: OrderState, trigger: OrderTrigger)
    /// No live order has this id.
    case unknownOrder(ClientOrderID)
    /// This approval (or an older one) was submitted already; submits are idempotent, never re-sent.
    case duplicateSubmission(decision: UInt64)
    /// A cancel where an order was expected, or the other way round.
    case wrongIntentKind(IntentKind)
    /// Zero lots, or a replacement for another instrument.
    case invalidOrder
    /// Every slot of the order table holds a live order.
    case orderTableFull
    /// The order is already final.
    case notCancellable(ClientOrderID, OrderState)
    /// The venue could not take the request at all (not connected); nothing was sent.
    case venueUnavailable
}
