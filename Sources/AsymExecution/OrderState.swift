/// Where an order is in its life, as the router knows it.
///
/// Model: nautilus_trader's order state machine (`INITIALIZED → SUBMITTED → ACCEPTED → PARTIALLY_FILLED →
/// FILLED | CANCELED | REJECTED | EXPIRED`), plus `unknown`: a request went out and its answer did not
/// come back (timeout, disconnect). Only a query by client id resolves `unknown`; resubmitting could
/// double the position.
public enum OrderState: UInt8, Sendable, BitwiseCopyable, CaseIterable, CustomStringConvertible {
    /// Recorded by the router, not yet sent.
    case new
    /// Sent; no answer yet.
    case submitted
    /// The venue accepted it (it rests, or is about to match).
    case acked
    case partiallyFilled
    case filled
    case cancelled
    case rejected
    case expired
    /// In flight: sent, then the answer was lost. Resolve with `OrderRouter.resolve(_:now:)`.
    case unknown

    /// No further venue event is expected.
    @inlinable public var isTerminal: Bool {
        switch self {
        case .filled, .cancelled, .rejected, .expired: true
        case .new, .submitted, .acked, .partiallyFilled, .unknown: false
        }
    }

    public var description: String {
        switch self {
        case .new: "new"
        case .submitted: "submitted"
        case .acked: "acked"
        case .partiallyFilled: "partially_filled"
        case .filled: "filled"
        case .cancelled: "cancelled"
        case .rejected: "rejected"
        case .expired: "expired"
        case .unknown: "unknown"
        }
    }
}
