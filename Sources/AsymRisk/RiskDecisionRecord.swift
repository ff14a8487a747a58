public import AsymCore

/// One decision as a POD journal record: reason (0 = approved) and the key inputs.
public struct RiskDecisionRecord: Sendable, BitwiseCopyable, Equatable {
    public var decision: UInt64
    public var time: Int64
    public var instrument: InstrumentID
    public var kind: IntentKind
    public var direction: TradeDirection
    /// `DenialReason.rawValue`, or 0 when approved.
    public var reason: UInt8
    public var lots: Int64
    public var equity: Double
    public var marginInUse: Double
    public var confidence: Double
    public var spoofScore: Double
    public var riskPenalty: Double

    public init(decision: UInt64 = 0, time: Int64 = 0, instrument: InstrumentID = InstrumentID(0), kind: IntentKind = .entry,
                direction: TradeDirection = .long, reason: UInt8 = 0, lots: Int64 = 0, equity: Double = 0,
                marginInUse: Double = 0, confidence: Double = 0, spoofScore: Double = 0, riskPenalty: Double = 0) {
        self.decision = decision
        self.time = time
        self.instrument = instrument
        self.kind = kind
        self.direction = direction
        self.reason = reason
        self.lots = lots
        self.equity = equity
        self.marginInUse = marginInUse
        self.confidence = confidence
        self.spoofScore = spoofScore
        self.riskPenalty = riskPenalty
    }
}
