public import AsymCore

/// A trading signal: what to do, how sure, where the protective stop and the target are, and the market it was
/// made in. A 64-byte POD (one cache line, DESIGN §3), so it is built, copied and journaled without allocating.
///
/// Scores are stored as `Float` (7 significant digits is plenty for a probability, a basis-point edge or a
/// penalty) and the stop and take-profit as `Int32` tick *distances* from `referencePriceTicks`, to fit the line;
/// `stopPriceTicks`/`takeProfitPriceTicks` give the absolute prices an `OrderIntent` wants. By construction
/// (see `SignalStopPolicy`) `takeProfitTicks ≥ 1.5 × stopTicks`.
public struct Signal: Sendable, BitwiseCopyable, Equatable {
    /// The instrument.
    public var instrument: InstrumentID
    /// Long, short or flat.
    public var direction: SignalDirection
    /// The strategy that made it.
    public var source: SignalSource
    /// The regime it was made in (`.ranging` while the detector warms up).
    public var regime: MarketRegime
    /// Probability-like confidence in [0, 1] that price moves its way (see `CalibrationTable` for how well
    /// that holds).
    public var confidence: Float
    /// Expected edge, basis points of the reference price, after the spread: `p·TP − (1 − p)·SL − spread` with
    /// `p = confidence` (a bracket order's expectation).
    public var expectedEdgeBasisPoints: Float
    /// The book's spoof score in [0, 1] when the signal was made.
    public var spoofScore: Float
    /// The risk penalty in [0, 1] when the signal was made.
    public var riskPenalty: Float
    /// ATR of the regime timeframe over the reference price.
    public var atrFraction: Float
    /// Suggested stop, ticks away from the reference price (against the direction).
    public var stopTicks: Int32
    /// Suggested take-profit, ticks away from the reference price (with the direction).
    public var takeProfitTicks: Int32
    /// The price the distances are measured from, ticks: the touch the entry would take (ask for long, bid
    /// for short).
    public var referencePriceTicks: Int64
    /// When the signal was made (engine clock), ns.
    public var createdAt: Int64
    /// Local receive time of the frame it was made from, ns.
    public var frameReceiveTime: Int64

    /// A signal with every field given.
    @inlinable
    public init(instrument: InstrumentID, direction: SignalDirection, source: SignalSource, regime: MarketRegime,
                confidence: Float, expectedEdgeBasisPoints: Float, spoofScore: Float, riskPenalty: Float,
                atrFraction: Float, stopTicks: Int32, takeProfitTicks: Int32, referencePriceTicks: Int64,
                createdAt: Int64, frameReceiveTime: Int64) {
        self.instrument = instrument
        self.direction = direction
        self.source = source
        self.regime = regime
        self.confidence = confidence
        self.expectedEdgeBasisPoints = expectedEdgeBasisPoints
        self.spoofScore = spoofScore
        self.riskPenalty = riskPenalty
        self.atrFraction = atrFraction
        self.stopTicks = stopTicks
        self.takeProfitTicks = takeProfitTicks
        self.referencePriceTicks = referencePriceTicks
        self.createdAt = createdAt
        self.frameReceiveTime = frameReceiveTime
    }

    /// The stop as an absolute price, ticks.
    @inlinable public var stopPriceTicks: Int64 { referencePriceTicks &- direction.sign &* Int64(stopTicks) }
    /// The take-profit as an absolute price, ticks.
    @inlinable public var takeProfitPriceTicks: Int64 {
        referencePriceTicks &+ direction.sign &* Int64(takeProfitTicks)
    }
    /// Take-profit distance over stop distance.
    @inlinable public var rewardToRisk: Double { stopTicks > 0 ? Double(takeProfitTicks) / Double(stopTicks) : 0 }
}
