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
