public import AsymCore

/// One analyst's vote in one round as journalled (`JournalRecordType.aiVote`): enough to re-run the vote in a
/// replay without calling the API (`RecordedVotes`). POD; 96 bytes, within the journal's default 112.
public struct AIVoteRecord: Sendable, BitwiseCopyable, Equatable {
    /// When the round started (its id), nanoseconds since the Unix epoch.
    public var roundTime: Int64
    /// The brief's time and price.
    public var briefTime: Int64
    public var briefPrice: Double
    /// The reply's confidence (0 when abstaining) and after feedback scaling.
    public var confidence: Double
    public var scaledConfidence: Double
    /// The analyst's vote weight in this round.
    public var weight: Double
    /// The reply's prices; NaN when absent.
    public var invalidationPrice: Double
    public var takeProfit: Double
    /// From the first request to the outcome, nanoseconds.
    public var elapsed: Int64
    /// Tokens the endpoint reported (or the estimate).
    public var tokens: UInt32
    public var instrument: InstrumentID
    /// The analyst's index in the panel.
    public var analyst: UInt8
    /// `AnalystAction` raw value, 0 when abstaining.
    public var action: UInt8
    /// `AbstentionReason` raw value, 0 when voting.
    public var abstention: UInt8
    /// HTTP attempts made.
    public var attempts: UInt8
    public var categories: CategoryScores

    public init(roundTime: Int64, briefTime: Int64, briefPrice: Double, instrument: InstrumentID, vote: AnalystVote,
                tokens: Int, attempts: Int, elapsed: Int64) {
        self.roundTime = roundTime
        self.briefTime = briefTime
        self.briefPrice = briefPrice
        confidence = vote.reply?.confidence ?? 0
        scaledConfidence = vote.scaledConfidence
        weight = vote.weight
        invalidationPrice = vote.reply?.invalidationPrice ?? .nan
        takeProfit = vote.reply?.takeProfit ?? .nan
        self.elapsed = elapsed
        self.tokens = UInt32(clamping: tokens)
        self.instrument = instrument
        analyst = UInt8(vote.analyst)
        action = vote.reply?.action.rawValue ?? 0
        abstention = vote.abstention?.rawValue ?? 0
        self.attempts = UInt8(clamping: attempts)
        categories = vote.reply?.categories ?? CategoryScores()
    }

    /// The vote it records (the rationale is in the journalled response, not here).
    public var vote: AnalystVote {
        guard let action = AnalystAction(rawValue: action) else {
            return .abstained(Int(analyst), AbstentionReason(rawValue: abstention) ?? .notRecorded)
        }
        let reply = AnalystReply(action: action, confidence: confidence,
                                 invalidationPrice: invalidationPrice.isNaN ? nil : invalidationPrice,
                                 takeProfit: takeProfit.isNaN ? nil : takeProfit, categories: categories)
        var vote = AnalystVote(analyst: Int(analyst), reply: reply, abstention: nil, weight: weight, confidenceScale: 1)
        vote.scaledConfidence = scaledConfidence
        return vote
    }

    public static func == (lhs: AIVoteRecord, rhs: AIVoteRecord) -> Bool {
        lhs.roundTime == rhs.roundTime && lhs.briefTime == rhs.briefTime && lhs.analyst == rhs.analyst
            && lhs.action == rhs.action && lhs.abstention == rhs.abstention && lhs.instrument == rhs.instrument
            && lhs.confidence == rhs.confidence && lhs.scaledConfidence == rhs.scaledConfidence && lhs.weight == rhs.weight
    }
}
