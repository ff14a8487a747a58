/// One HTTP attempt, as journalled: the request text with the key redacted, and the response body.
public struct ChatAttempt: Sendable {
    /// `POST <url>`, the headers (`Authorization: Bearer [REDACTED]`), a blank line and the body.
    public var requestText: [UInt8]
    /// The HTTP status, or nil when no response arrived.
    public var status: Int?
    /// The response body as received (secret redacted), or libcurl's error text when no response arrived.
    public var responseText: [UInt8]
    /// This attempt's failure, nil when it succeeded.
    public var failure: ChatFailure?
    /// Connections the attempt had to open: 0 when it reused a kept-alive one.
    public var newConnections: Int

    public init(requestText: [UInt8], status: Int?, responseText: [UInt8], failure: ChatFailure?, newConnections: Int = 0) {
        self.requestText = requestText
        self.status = status
        self.responseText = responseText
        self.failure = failure
        self.newConnections = newConnections
    }
}
