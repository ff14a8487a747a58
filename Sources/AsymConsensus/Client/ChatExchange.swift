/// Everything one analyst's request produced in a round: each attempt as sent and received (for the journal),
/// and the outcome.
public struct ChatExchange: Sendable {
    /// Attempts in order; empty when the budget refused the first.
    public var attempts: [ChatAttempt]
    public var outcome: Result<ChatCompletion, ChatFailure>
    /// Monotonic nanoseconds from the first send to the outcome, retry waits included.
    public var elapsed: Int64

    public init(attempts: [ChatAttempt], outcome: Result<ChatCompletion, ChatFailure>, elapsed: Int64) {
        self.attempts = attempts
        self.outcome = outcome
        self.elapsed = elapsed
    }
}

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

    public init(requestText: [UInt8], status: Int?, responseText: [UInt8], failure: ChatFailure?) {
        self.requestText = requestText
        self.status = status
        self.responseText = responseText
        self.failure = failure
    }
}
