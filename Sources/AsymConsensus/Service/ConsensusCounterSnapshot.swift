/// Counter values at one moment.
public struct ConsensusCounterSnapshot: Sendable, Equatable {
    /// Rounds run (scheduled, regime-change and manual).
    public var rounds = 0
    /// Of those, extra rounds on a regime change.
    public var regimeChangeRounds = 0
    /// Rounds not run because no brief was published yet (or a round was already running).
    public var roundsSkipped = 0
    /// Rounds that published a bias, and rounds that reached none.
    public var biasesPublished = 0
    public var roundsWithoutConsensus = 0
    /// Per analyst: votes cast (BUY, SELL or HOLD) and abstentions.
    public var votes: [Int]
    public var abstentions: [Int]
    /// Abstentions by reason (all analysts).
    public var abstentionsByReason: [AbstentionReason: Int] = [:]
    /// Failed HTTP attempts by kind, retried or not (a 429 that succeeded on retry counts here, not as an abstention).
    public var attemptErrors: [AbstentionReason: Int] = [:]
    /// Attempts after the first.
    public var retries = 0
    /// Requests the budget refused.
    public var budgetDenials = 0
    /// Feedback: calls scored after their horizon.
    public var callsScored = 0

    init(panelSize: Int) {
        votes = [Int](repeating: 0, count: panelSize)
        abstentions = [Int](repeating: 0, count: panelSize)
    }

    /// Abstentions of every analyst together.
    public var totalAbstentions: Int { abstentions.reduce(0, +) }
}
