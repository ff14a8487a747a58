/// What an `ExecutionEvent` records: a state change, a fill, or an alert.
public enum ExecutionEventKind: UInt8, Sendable, BitwiseCopyable, CustomStringConvertible {
    case submitted = 1
    case acked
    /// A fill (partial or complete; `state` says which). The only kind positions apply.
    case fill
    case cancelled
    case rejected
    case expired
    /// A timeout or disconnect left the order in flight.
    case inFlightUnknown
    /// A query by client id resolved an unknown order; `state` is the answer.
    case resolved
    case cancelRequested
    /// The venue refused the cancel (the order had already ended).
    case cancelRejected
    /// Alert: filled more than ordered (the fill itself is a separate `fill` event).
    case overfill
    /// Alert: a fill for an order already cancelled, rejected or expired.
    case lateFill
    /// Alert: a venue report for no live order.
    case unmatchedReport
    /// Alert: a venue report that is illegal in the order's state (ignored).
    case illegalTransition

    public var description: String {
        switch self {
        case .submitted: "submitted"
        case .acked: "acked"
        case .fill: "fill"
        case .cancelled: "cancelled"
        case .rejected: "rejected"
        case .expired: "expired"
        case .inFlightUnknown: "in_flight_unknown"
        case .resolved: "resolved"
        case .cancelRequested: "cancel_requested"
        case .cancelRejected: "cancel_rejected"
        case .overfill: "overfill"
        case .lateFill: "late_fill"
        case .unmatchedReport: "unmatched_report"
        case .illegalTransition: "illegal_transition"
        }
    }
}
