/// Running counts for monitoring and alerts.
public struct OrderRouterCounters: Sendable, Equatable {
    public var submitted = 0
    public var fills = 0
    /// Fills ignored because their trade id was seen already.
    public var duplicateFills = 0
    /// Orders filled beyond their size (alert).
    public var overfills = 0
    /// Fills for orders already cancelled, rejected or expired (alert).
    public var lateFills = 0
    /// Reports for no live order.
    public var unmatchedReports = 0
    /// Reports illegal in the order's state.
    public var illegalTransitions = 0
    /// Orders that went in flight (timeout, disconnect).
    public var inFlight = 0
    /// In-flight orders resolved by a query.
    public var resolvedByQuery = 0
    /// Client ids skipped because their slot still held a live order.
    public var skippedIDs = 0

    public init() {}
}
