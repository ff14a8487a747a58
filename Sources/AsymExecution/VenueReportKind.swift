/// What a venue reported about an order.
public enum VenueReportKind: UInt8, Sendable, BitwiseCopyable {
    case ack
    case fill
    case cancelled
    case rejected
    case expired
    /// A cancel request was refused (the order had already ended, or was never there).
    case cancelRejected
}
