public import AsymCore

/// The signal model of one instrument: candles → indicators → regime → strategies → multi-timeframe
/// confirmation → confidence calibration → `Signal`, one book update at a time.
///
/// Feed it every trade (`recordTrade`, for candles) and call `update(features:now:)` after every book update
/// with the `BookFeatureEngine`'s features. Per update it closes due candles (refreshing the indicators, the
/// regime and the three timeframe trends once per candle), resolves pending calibration outcomes against the
/// mid, and — outside the cooldown, on a usable book — runs the strategies. A proposal is then filtered or
/// scaled by `TimeframeConfirmation`, optionally mapped through the calibration table, and emitted if its
/// confidence and expected edge clear the minimums; every emitted signal is filed with `CalibrationTable`
/// (with the confidence before calibration mapping, so the table measures the model itself).
///
/// `Strategies` is a generic parameter (usually `StandardStrategies`), so the strategy calls specialise: no
/// existentials or closures per update. Keep the engine in a `var` (its rings are copy-on-write).
/// - Complexity: O(1) per update plus O(pending calibration entries); O(indicator windows) once per candle.
///   No allocation after `init`.
public struct SignalEngine<Strategies: Strategy>: Sendable {
    /// The parameters.
    public let configuration: SignalConfiguration
    /// The strategies.
    public var strategies: Strategies
    /// Indicators and regime on the regime timeframe.
    public private(set) var indicators: SignalCandleIndicators
    /// Hit rates per confidence bucket.
    @inlinable public var calibration: CalibrationTable { storedCalibration }
    /// What happened so far.
    @inlinable public var counters: SignalCounters { storedCounters }
    /// What strategies read (indicator snapshot, regime, clock, stop policy).
    @inlinable public var context: StrategyContext { storedContext }
    @usableFromInline var storedCalibration: CalibrationTable
    @usableFromInline var storedCounters = SignalCounters()
    @usableFromInline var storedContext: StrategyContext
    @usableFromInline var primary: CandleBuilder
    @usableFromInline var second: CandleBuilder
    @usableFromInline var third: CandleBuilder
    @usableFromInline var trends: (TimeframeTrend, TimeframeTrend, TimeframeTrend)
    @usableFromInline var lastSignalAt: Int64 = .min

    /// An engine for `instrument` running `strategies`.
    public init(instrument: InstrumentID, configuration: SignalConfiguration = SignalConfiguration(),
                strategies: Strategies) {
        let c = configuration
        precondition(c.cooldown >= 0, "the cooldown cannot be negative")
        self.configuration = configuration
        self.strategies = strategies
        indicators = SignalCandleIndicators(
            regime: c.regime, bollingerPeriod: c.bollingerPeriod, bollingerDeviations: c.bollingerDeviations,
            rsiPeriod: c.rsiPeriod, donchianPeriod: c.donchianPeriod, volumePeriod: c.volumePeriod)
        storedCalibration = CalibrationTable(configuration: c.calibration)
        storedContext = StrategyContext(instrument: instrument, timeframe: c.regime.timeframe, stops: c.stops)
        primary = CandleBuilder(timeframe: c.regime.timeframe)
        second = CandleBuilder(timeframe: c.confirmation.higherTimeframes.0)
        third = CandleBuilder(timeframe: c.confirmation.higherTimeframes.1)
        // Three separately built trends: copies of one would share their windows until each first updates,
        // and the higher timeframes' first candles can close hours into a run, on the frame path.
        let trend = {
            TimeframeTrend(emaPeriod: c.confirmation.emaPeriod, atrPeriod: c.regime.atrPeriod,
                           slopeLookback: c.confirmation.slopeLookback, deadBand: c.confirmation.deadBand)
        }
        trends = (trend(), trend(), trend())
    }

    /// The current regime, nil while the detector warms up.
    @inlinable public var regime: MarketRegime? { storedContext.regime }

    /// The trend of each confirmation timeframe (regime timeframe first), nil while warming.
    @inlinable
    public var timeframeDirections: (TimeframeTrend.Direction?, TimeframeTrend.Direction?, TimeframeTrend.Direction?) {
        (trends.0.direction, trends.1.direction, trends.2.direction)
    }

    /// Adds a trade to the candles of every timeframe.
    @inlinable
    public mutating func recordTrade(price: Price, quantity: Quantity, taker: TakerSide, exchangeTime: Int64) {
        var closed = primary.apply(price: price, quantity: quantity, side: taker, exchangeTime: exchangeTime)
        closed &+= second.apply(price: price, quantity: quantity, side: taker, exchangeTime: exchangeTime)
        closed &+= third.apply(price: price, quantity: quantity, side: taker, exchangeTime: exchangeTime)
        if closed > 0 { drainCandles() }
    }

    /// Evaluates one book update (`features` just refreshed by `BookFeatureEngine.update`); `now` is the engine
    /// clock (the receive time in replay). Returns the signal to act on, or nil.
    @inlinable
    public mutating func update(features: borrowing BookFeatures, now: Int64) -> Signal? {
        storedCounters.updates &+= 1
        storedContext.now = now
        var closed = primary.advance(to: features.exchangeTime)
        closed &+= second.advance(to: features.exchangeTime)
        closed &+= third.advance(to: features.exchangeTime)
        if closed > 0 { drainCandles() }
        storedCalibration.observe(midTicks: features.midTicks, at: now)

        guard features.usable, features.midTicks > 0, features.spreadTicks > 0 else {
            storedCounters.unusable &+= 1
            return nil
        }
        if lastSignalAt != .min && now &- lastSignalAt < configuration.cooldown {
            storedCounters.inCooldown &+= 1
            return nil
        }
        guard var signal = strategies.evaluate(features, context) else { return nil }
        storedCounters.proposed &+= 1
        guard let factor = configuration.confirmation.factor(source: signal.source, direction: signal.direction,
                                                             trends: timeframeDirections) else {
            storedCounters.unconfirmed &+= 1
            return nil
        }
        let modelConfidence = Double(signal.confidence) * factor
        var confidence = modelConfidence
        if configuration.applyCalibration,
           let calibrated = storedCalibration.calibratedConfidence(modelConfidence,
                                                             minimumCount: configuration.calibrationMinimumCount) {
            confidence = calibrated
        }
        let edge = Self.expectedEdge(confidence: confidence, signal: signal, spreadTicks: features.spreadTicks)
        guard confidence >= configuration.minimumConfidence, edge >= configuration.minimumEdgeBasisPoints else {
            storedCounters.belowThreshold &+= 1
            return nil
        }
        signal.confidence = Float(confidence)
        signal.expectedEdgeBasisPoints = Float(edge)
        storedCalibration.record(direction: signal.direction, confidence: modelConfidence, midTicks: features.midTicks,
                           at: now)
        lastSignalAt = now
        storedCounters.emitted &+= 1
        return signal
    }

    /// `p·TP − (1 − p)·SL − spread`, basis points of the reference price.
    @inlinable
    static func expectedEdge(confidence: Double, signal: Signal, spreadTicks: Int64) -> Double {
        let p = min(1, max(0, confidence))
        return (p * Double(signal.takeProfitTicks) - (1 - p) * Double(signal.stopTicks) - Double(spreadTicks))
            / Double(signal.referencePriceTicks) * 10_000
    }

    /// Takes every closed candle: the regime timeframe's refresh the indicators, regime and first trend; the
    /// others their trends. Runs once per candle, not per update.
    @usableFromInline
    mutating func drainCandles() {
        while let candle = primary.nextClosed() {
            let values = Self.values(candle)
            indicators.update(values)
            trends.0.update(high: values.high, low: values.low, close: values.close)
            storedCounters.candles &+= 1
        }
        while let candle = second.nextClosed() {
            trends.1.update(high: Double(candle.high.ticks), low: Double(candle.low.ticks), close: Double(candle.close.ticks))
        }
        while let candle = third.nextClosed() {
            trends.2.update(high: Double(candle.high.ticks), low: Double(candle.low.ticks), close: Double(candle.close.ticks))
        }
        storedContext.indicators = indicators.snapshot
        storedContext.regime = indicators.regime
    }

    /// A candle in ticks and lots as `Double` (every indicator here is scale-free or wanted in ticks).
    @inlinable
    static func values(_ candle: Candle) -> CandleValues {
        CandleValues(open: Double(candle.open.ticks), high: Double(candle.high.ticks), low: Double(candle.low.ticks),
                     close: Double(candle.close.ticks), volume: Double(candle.volume.lots))
    }
}

extension SignalEngine where Strategies == StandardStrategies {
    /// An engine running the standard strategy set with default parameters.
    public init(instrument: InstrumentID, configuration: SignalConfiguration = SignalConfiguration()) {
        self.init(instrument: instrument, configuration: configuration, strategies: StandardStrategies())
    }
}
