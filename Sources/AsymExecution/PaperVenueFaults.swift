/// Faults the paper venue can inject, each consumed by the next order it applies to: how tests (and
/// drills) produce the in-flight states a real venue produces by losing messages.
public struct PaperVenueFaults: Sendable {
    /// The next order never reaches matching; a query will not find it.
    public var loseNextOrder = false
    /// The next order is processed, but no report about it ever reaches the client.
    public var silenceNextOrder = false
    /// The next send reports `timedOut` to the router (combine with the two above).
    public var timeOutNextSend = false
    /// While true, queries answer `unavailable`.
    public var queriesUnavailable = false

    public init() {}
}
