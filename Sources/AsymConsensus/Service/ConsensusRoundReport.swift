/// What one round did.
public struct ConsensusRoundReport: Sendable {
    /// 1-based round number within this service's run.
    public var ordinal: Int
    /// When it started (its id), nanoseconds since the Unix epoch.
    public var roundTime: Int64
    public var trigger: RoundTrigger
    /// One per analyst, in panel order.
    public var votes: [AnalystVote]
    /// Abstention details, by analyst (absent for analysts that voted).
    public var abstentionDetails: [Int: AbstentionFailure]
    public var decision: ConsensusDecision
    /// The bias published, nil when the round reached none.
    public var bias: AdvisoryBias?
    /// Journal records the outbox dropped for this round (0 without an outbox or with room).
    public var droppedRecords: Int
}
