public import AsymCore

/// Where orders go: the paper venue now, a live REST gateway later. `OrderRouter` is generic over it,
/// so calls are specialised and direct — no existential on the hot path.
///
/// Model: hftbacktest's exchange processor split (`LocalProcessor` / `ExchangeProcessor`): requests go
/// out, reports come back later, possibly reordered by latency, possibly never.
public protocol ExecutionVenue {
    /// Hands a new order to the venue. Its outcome arrives through `nextReport(now:)`.
    mutating func send(_ order: VenueOrder, now: Int64) -> VenueSendResult
    /// Asks the venue to cancel an open order by client id.
    mutating func cancel(clientOrderID: ClientOrderID, instrument: InstrumentID, now: Int64) -> VenueSendResult
    /// Looks an order up by client id: how an order in flight is resolved (never by resubmitting).
    mutating func query(clientOrderID: ClientOrderID, now: Int64) -> VenueQueryResult
    /// The next report that has reached the client by `now`, oldest first; nil when none is due.
    mutating func nextReport(now: Int64) -> VenueReport?
}
