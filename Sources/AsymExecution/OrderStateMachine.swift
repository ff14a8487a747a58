/// The legal order transitions, as one total function: an illegal one is a typed error, never a trap.
///
/// Model: nautilus_trader's order FSM (`model/orders/base.pyx`, its transition table), with `unknown`
/// added for requests whose answer was lost. From `unknown` any venue answer is accepted, because the
/// answer (or a query) is exactly what resolves it. A venue may send a fill before its ack, so fills
/// are legal from `submitted`.
public enum OrderStateMachine {
    /// The state after `trigger` in `state`.
    @inlinable
    public static func next(_ state: OrderState, on trigger: OrderTrigger) throws(ExecutionError) -> OrderState {
        switch (state, trigger) {
        case (.new, .submit): return .submitted
        case (.new, .reject): return .rejected
        case (.new, .lostContact): return .unknown
        case (.submitted, .ack): return .acked
        case (.submitted, .reject): return .rejected
        case (.submitted, .lostContact), (.acked, .lostContact), (.partiallyFilled, .lostContact),
             (.unknown, .lostContact): return .unknown
        case (.submitted, .partialFill), (.acked, .partialFill), (.partiallyFilled, .partialFill),
             (.unknown, .partialFill): return .partiallyFilled
        case (.submitted, .fill), (.acked, .fill), (.partiallyFilled, .fill), (.unknown, .fill): return .filled
        case (.submitted, .cancel), (.acked, .cancel), (.partiallyFilled, .cancel), (.unknown, .cancel): return .cancelled
        case (.submitted, .expire), (.acked, .expire), (.partiallyFilled, .expire), (.unknown, .expire): return .expired
        case (.unknown, .ack): return .acked
        case (.unknown, .reject): return .rejected
        default: throw .illegalTransition(from: state, trigger: trigger)
        }
    }
}
