public import AsymCore

/// What a round published (`JournalRecordType.publishedBias`): the bias, or its withdrawal when the round
/// reached no consensus. POD; 64 bytes.
public struct PublishedBiasRecord: Sendable, BitwiseCopyable, Equatable {
    /// The round's start (its id) and when the bias reached the cell, nanoseconds since the Unix epoch.
    public var roundTime: Int64
    public var publishedAt: Int64
    public var createdAt: Int64
    public var expiresAt: Int64
    public var strength: Double
    public var confidence: Double
    public var instrument: InstrumentID
    /// `TradeDirection` raw value.
    public var direction: UInt8
    /// True for a bias, false for a withdrawal.
    public var present: Bool
    public var agreeingModels: UInt8
    public var votingModels: UInt8
    /// `ConsensusOutcome` raw value.
    public var outcome: UInt8

    public init(roundTime: Int64, publishedAt: Int64, instrument: InstrumentID, decision: ConsensusDecision,
                bias: AdvisoryBias?) {
        self.roundTime = roundTime
        self.publishedAt = publishedAt
        createdAt = bias?.createdAt ?? roundTime
        expiresAt = bias?.expiresAt ?? roundTime
        strength = bias?.strength ?? 0
        confidence = bias?.confidence ?? 0
        self.instrument = instrument
        direction = bias?.direction.rawValue ?? 0
        present = bias != nil
        agreeingModels = decision.agreeingModels
        votingModels = decision.votingModels
        outcome = decision.outcome.rawValue
    }

    /// The published bias, nil for a withdrawal.
    public var bias: AdvisoryBias? {
        guard present else { return nil }
        return AdvisoryBias(instrument: instrument, direction: direction == TradeDirection.short.rawValue ? .short : .long,
                            strength: strength, confidence: confidence, agreeingModels: agreeingModels,
                            createdAt: createdAt, expiresAt: expiresAt)
    }

    /// How the round ended.
    public var consensusOutcome: ConsensusOutcome? { ConsensusOutcome(rawValue: outcome) }
}
