/// What handing a request to the venue achieved, as far as the sender can tell.
public enum VenueSendResult: UInt8, Sendable, BitwiseCopyable {
    /// Written; the answer will come as reports.
    case sent
    /// Written (or possibly written), but the transport timed out or dropped: the order is in flight.
    case timedOut
    /// Certainly not sent (no connection): nothing happened at the venue.
    case notSent
}
