/// What a `BybitOrderGateway` has done so far.
public struct BybitGatewayStatistics: Sendable, Equatable {
    public var creates = 0
    public var cancels = 0
    /// Requests the venue refused with a non-zero `retCode`.
    public var refusals = 0
    /// Requests with no usable answer (timeout, connection, garbled reply), resolved by query.
    public var lostAnswers = 0
    public var fills = 0
    /// Private-stream messages that did not decode (counted, and the stream goes on).
    public var malformedMessages = 0
    /// Fills and order updates for client ids this gateway never sent (another session's, or manual orders).
    public var foreignUpdates = 0
    public var streamReconnects = 0
    /// Reports dropped because the engine did not drain them (the ring was full): should stay 0.
    public var droppedReports = 0

    public init() {}
}
