public import AsymCore

/// Everything a `Strategy` reads besides the book features: the candle indicators, the regime, the clock and
/// the stop policy. Kept by `SignalEngine` and refreshed in place (indicators once per candle, `now` per update).
public struct StrategyContext: Sendable {
    /// The instrument signals are for.
    public var instrument: InstrumentID
    /// Candle indicators of the regime timeframe.
    public var indicators = SignalIndicators()
    /// The regime, nil while the detector warms up.
    public var regime: MarketRegime?
    /// Width of the indicators' candles, ns.
    public var timeframeNanoseconds: Int64
    /// The engine clock, ns.
    public var now: Int64 = 0
    /// Where stops and targets go.
    public var stops: SignalStopPolicy

    /// A context for `instrument` on `timeframe` candles.
    public init(instrument: InstrumentID, timeframe: CandleTimeframe, stops: SignalStopPolicy = SignalStopPolicy()) {
        self.instrument = instrument
        self.timeframeNanoseconds = timeframe.nanoseconds
        self.stops = stops
    }

    /// A signal for `direction` with brackets from `stops`, the entry at the touch it would take, and the edge
    /// `p·TP − (1 − p)·SL − spread` in basis points; nil when the book has no touch or the ATR is unknown.
    @inlinable
    public func makeSignal(features: borrowing BookFeatures, direction: SignalDirection, source: SignalSource,
                           confidence: Double, targetTicks: Int64 = 0) -> Signal? {
        let reference = direction == .long ? features.bestAskTicks : features.bestBidTicks
        guard reference > 0, features.spreadTicks > 0,
              let brackets = stops.brackets(direction: direction, features: features, atr: indicators.atr,
                                            targetTicks: targetTicks) else { return nil }
        let p = min(1, max(0, confidence))
        let price = Double(reference)
        let edge = (p * Double(brackets.takeProfit) - (1 - p) * Double(brackets.stop) - Double(features.spreadTicks))
            / price * 10_000
        return Signal(
            instrument: instrument, direction: direction, source: source, regime: regime ?? .ranging,
            confidence: Float(p), expectedEdgeBasisPoints: Float(edge), spoofScore: Float(features.spoof),
            riskPenalty: Float(features.riskPenalty), atrFraction: Float(indicators.atr / price),
            stopTicks: Int32(brackets.stop), takeProfitTicks: Int32(brackets.takeProfit),
            referencePriceTicks: reference, createdAt: now, frameReceiveTime: features.receiveTime)
    }
}
