public import AsymCore
public import AsymRisk

/// The AI consensus for one instrument, as published to the hot path: which way the analysts lean, how
/// strongly and how confidently, who agreed, and when it stops counting.
///
/// POD, so it travels through a `SeqlockCell` and into the journal (`PublishedBiasRecord`) unchanged.
public struct AdvisoryBias: Sendable, BitwiseCopyable, Equatable {
    /// The instrument the consensus is about.
    public var instrument: InstrumentID
    /// The direction the quorum agreed on.
    public var direction: TradeDirection
    /// Net weighted agreement in [0, 1]: (agreeing weight − opposing weight) / total weight of the panel.
    public var strength: Double
    /// Mean confidence of the agreeing analysts (after feedback scaling) × the agreeing fraction of the panel.
    public var confidence: Double
    /// Bit `i` set when analyst `i` (configuration order) voted with the consensus.
    public var agreeingModels: UInt8
    /// When the round that produced it started, nanoseconds since the Unix epoch.
    public var createdAt: Int64
    /// Past this time the bias counts as absent.
    public var expiresAt: Int64

    public init(instrument: InstrumentID, direction: TradeDirection, strength: Double, confidence: Double,
                agreeingModels: UInt8, createdAt: Int64, expiresAt: Int64) {
        self.instrument = instrument
        self.direction = direction
        self.strength = strength
        self.confidence = confidence
        self.agreeingModels = agreeingModels
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    /// How many analysts agreed.
    public var agreeingCount: Int { agreeingModels.nonzeroBitCount }

    /// Whether the bias still counts at `now` (it counts from publication until `expiresAt`).
    @inlinable public func isFresh(at now: Int64) -> Bool { now < expiresAt }

    /// The view the risk gate consumes.
    @inlinable
    public var view: AdvisoryView {
        AdvisoryView(present: true, direction: direction, confidence: confidence, expiresAt: expiresAt)
    }
}
