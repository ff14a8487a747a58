/// One analyst's part in a round: its reply (nil when it abstained, with the reason), and the weight and
/// confidence scaling the feedback loop gave it.
public struct AnalystVote: Sendable, Equatable {
    /// The analyst's index in the panel (configuration order).
    public var analyst: Int
    /// The validated reply, or nil when the analyst abstained.
    public var reply: AnalystReply?
    /// Why the analyst abstained (nil when it voted).
    public var abstention: AbstentionReason?
    /// Vote weight from the feedback loop (1, or `downWeightScale` below the accuracy threshold).
    public var weight: Double
    /// The reply's confidence × the feedback loop's confidence scale (0 when abstaining).
    public var scaledConfidence: Double

    public init(analyst: Int, reply: AnalystReply?, abstention: AbstentionReason?, weight: Double, confidenceScale: Double) {
        precondition((reply == nil) != (abstention == nil), "a vote either has a reply or an abstention reason")
        self.analyst = analyst
        self.reply = reply
        self.abstention = abstention
        self.weight = weight
        scaledConfidence = (reply?.confidence ?? 0) * confidenceScale
    }

    /// An abstention.
    public static func abstained(_ analyst: Int, _ reason: AbstentionReason) -> AnalystVote {
        AnalystVote(analyst: analyst, reply: nil, abstention: reason, weight: 0, confidenceScale: 0)
    }

    /// BUY, SELL or HOLD; nil when abstaining.
    public var action: AnalystAction? { reply?.action }
}
