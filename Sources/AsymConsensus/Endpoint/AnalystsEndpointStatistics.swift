/// What the loopback endpoint has served, per model ID.
public struct AnalystsEndpointStatistics: Sendable, Equatable {
    /// Chat-completion requests received, per model (unknown models included).
    public var requests: [String: Int] = [:]
    /// Of those, how many carried an `Authorization` header (the key itself is never kept).
    public var authorizedRequests = 0
    /// Of those, how many asked for `response_format`.
    public var structuredRequests = 0
    /// Faults served.
    public var faultsServed = 0

    /// All chat-completion requests.
    public var totalRequests: Int { requests.values.reduce(0, +) }
}
