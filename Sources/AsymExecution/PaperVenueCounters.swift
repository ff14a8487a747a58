/// Running counts of a `PaperVenue`.
public struct PaperVenueCounters: Sendable, Equatable {
    public var ordersReceived = 0
    public var fills = 0
    public var rejects = 0
    public var cancels = 0
    public var expiries = 0
    /// Reports lost because the report queue was full (the router will time the orders out).
    public var droppedReports = 0
    /// Orders lost because the venue's order table was full (reported as rejects).
    public var droppedOrders = 0

    public init() {}
}
