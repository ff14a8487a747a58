/// One analyst's answer in a round: a validated reply or an abstention, with the HTTP attempts behind it.
public struct AnalystAnswer: Sendable {
    public var analyst: Int
    /// The reply, or why the analyst abstains.
    public var result: Result<AnalystReply, AbstentionFailure>
    /// Every HTTP attempt, for the journal (empty for recorded votes).
    public var attempts: [ChatAttempt]
    /// Tokens used (reported or estimated; 0 when nothing was generated).
    public var tokens: Int
    /// From the first request to the outcome, nanoseconds.
    public var elapsed: Int64

    public init(analyst: Int, result: Result<AnalystReply, AbstentionFailure>, attempts: [ChatAttempt] = [],
                tokens: Int = 0, elapsed: Int64 = 0) {
        self.analyst = analyst
        self.result = result
        self.attempts = attempts
        self.tokens = tokens
        self.elapsed = elapsed
    }
}
