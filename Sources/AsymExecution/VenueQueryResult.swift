/// The outcome of `ExecutionVenue.query(clientOrderID:now:)`.
public enum VenueQueryResult: Sendable, Equatable {
    /// The venue knows the order.
    case found(VenueOrderSnapshot)
    /// The venue has no record of the id: the order never arrived.
    case notFound
    /// The query itself failed; ask again later.
    case unavailable
}
