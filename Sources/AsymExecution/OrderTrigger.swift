/// What happened to an order: the input of `OrderStateMachine`.
public enum OrderTrigger: UInt8, Sendable, BitwiseCopyable, CaseIterable {
    /// The request was handed to the venue.
    case submit
    case ack
    case reject
    /// A fill that leaves some quantity open.
    case partialFill
    /// A fill that completes the order.
    case fill
    case cancel
    case expire
    /// A timeout or disconnect with a request outstanding.
    case lostContact
}
