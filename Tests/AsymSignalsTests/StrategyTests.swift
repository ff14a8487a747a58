import AsymCore
import AsymSignals
import Testing

/// Each strategy on hand-built features and indicators, and the combination of three.
@Suite struct StrategyTests {
    /// A calm book around 650 000 ticks: 1-tick spread, balanced, no walls, warm median.
    static func book() -> BookFeatures {
        var features = BookFeatures()
        features.usable = true
        features.receiveTime = 1_000
        features.exchangeTime = 900
        features.bestBidTicks = 650_000
        features.bestAskTicks = 650_001
        features.bestBidLots = 100
        features.bestAskLots = 100
        features.spreadTicks = 1
        features.midTicks = 650_000.5
        features.micropriceTicks = 650_000.5
        features.medianLevelLots = 100
        return features
    }

    /// Warm indicators: ATR 40 ticks, bands 649 900 / 650 000 / 650 100, channel 649 800…650 200.
    static func context(regime: MarketRegime? = .ranging) -> StrategyContext {
        var context = StrategyContext(instrument: InstrumentID(3), timeframe: .fifteenMinutes)
        context.now = 2_000
        context.regime = regime
        var indicators = SignalIndicators()
        indicators.candles = 100
        indicators.atr = 40
        indicators.atrReady = true
        indicators.adx = 30
        indicators.close = 650_000
        indicators.bollingerUpper = 650_100
        indicators.bollingerMiddle = 650_000
        indicators.bollingerLower = 649_900
        indicators.bollingerReady = true
        indicators.donchianHigh = 650_200
        indicators.donchianLow = 649_800
        indicators.donchianReady = true
        indicators.averageVolume = 90_000  // lots per 15m candle: 1 000 per 10 s
        indicators.rsi = 50
        context.indicators = indicators
        return context
    }

    /// Bid-heavy, bid flow, micro-price above the mid.
    static func bidPressure() -> BookFeatures {
        var features = book()
        features.imbalance5 = 0.6
        features.ofiShort = 300
        features.bestBidLots = 300
        features.micropriceTicks = 650_000.75
        return features
    }

    // MARK: Imbalance momentum

    @Test func bidImbalanceWithBidFlowIsALongMomentumSignal() throws {
        var strategy = ImbalanceMomentumStrategy()
        let signalResult = strategy.evaluate(Self.bidPressure(), Self.context())
        let signal = try #require(signalResult)
        #expect(signal.direction == .long)
        #expect(signal.source == .imbalanceMomentum)
        #expect(signal.instrument == InstrumentID(3))
        #expect(signal.referencePriceTicks == 650_001, "a long enters at the ask")
        #expect(signal.stopTicks == 60, "1.5 ATR")
        #expect(signal.takeProfitTicks == 90, "at least 1.5 × the stop")
        #expect(signal.stopPriceTicks == 649_941 && signal.takeProfitPriceTicks == 650_091)
        #expect(signal.confidence > 0.35 && signal.confidence < 1)
        #expect(signal.regime == .ranging && signal.createdAt == 2_000 && signal.frameReceiveTime == 1_000)
    }

    @Test func askImbalanceWithAskFlowIsAShortMomentumSignal() throws {
        var features = Self.book()
        features.imbalance5 = -0.6
        features.ofiShort = -300
        features.micropriceTicks = 650_000.25
        var strategy = ImbalanceMomentumStrategy()
        let signalResult = strategy.evaluate(features, Self.context())
        let signal = try #require(signalResult)
        #expect(signal.direction == .short)
        #expect(signal.referencePriceTicks == 650_000)
        #expect(signal.stopPriceTicks == 650_060)
    }

    @Test func momentumNeedsImbalanceFlowAndMicropriceToAgree() {
        var strategy = ImbalanceMomentumStrategy()
        var weak = Self.bidPressure(); weak.imbalance5 = 0.2
        var opposingFlow = Self.bidPressure(); opposingFlow.ofiShort = -300
        var flatMicro = Self.bidPressure(); flatMicro.micropriceTicks = flatMicro.midTicks
        for features in [weak, opposingFlow, flatMicro] {
            #expect(strategy.evaluate(features, Self.context()) == nil)
        }
    }

    @Test func momentumDoesNotBuyIntoADownTrendAndDiscountsSpoofedBids() throws {
        var strategy = ImbalanceMomentumStrategy()
        #expect(strategy.evaluate(Self.bidPressure(), Self.context(regime: .trendingDown)) == nil)
        let cleanResult = strategy.evaluate(Self.bidPressure(), Self.context(regime: .trendingUp))
        let clean = try #require(cleanResult)
        var spoofed = Self.bidPressure(); spoofed.spoofBid = 0.5; spoofed.spoof = 0.5
        let discountedResult = strategy.evaluate(spoofed, Self.context(regime: .trendingUp))
        let discounted = try #require(discountedResult)
        #expect(abs(Double(discounted.confidence) - Double(clean.confidence) * 0.5) < 1e-6)
        #expect(discounted.spoofScore == 0.5)
        let rangingResult = strategy.evaluate(Self.bidPressure(), Self.context(regime: .ranging))
        let ranging = try #require(rangingResult)
        #expect(ranging.confidence < clean.confidence, "an aligned trend counts more than a range")
    }

    @Test func noSignalBeforeTheATRIsKnown() {
        var strategy = ImbalanceMomentumStrategy()
        var context = Self.context()
        context.indicators.atr = 0
        context.indicators.atrReady = false
        #expect(strategy.evaluate(Self.bidPressure(), context) == nil)
    }

    // MARK: Mean reversion

    /// The mid at the lower band, oversold.
    static func stretchedDown() -> (BookFeatures, StrategyContext) {
        var features = book()
        features.bestBidTicks = 649_880
        features.bestAskTicks = 649_881
        features.midTicks = 649_880.5
        features.micropriceTicks = 649_880.5
        var context = context(regime: .ranging)
        context.indicators.rsi = 30
        return (features, context)
    }

    @Test func midBelowTheLowerBandInARangeIsALongTowardTheMiddleBand() throws {
        let (features, context) = Self.stretchedDown()
        var strategy = MeanReversionStrategy()
        let signalResult = strategy.evaluate(features, context)
        let signal = try #require(signalResult)
        #expect(signal.direction == .long && signal.source == .meanReversion)
        #expect(signal.takeProfitPriceTicks == 650_000, "the target is the middle band")
        #expect(signal.rewardToRisk >= 1.5)
        #expect(signal.confidence > 0.35)
    }

    @Test func meanReversionIsOffOutsideRangingRegimes() {
        let (features, context) = Self.stretchedDown()
        var strategy = MeanReversionStrategy()
        for regime: MarketRegime? in [.trendingUp, .trendingDown, .volatile, nil] {
            var other = context
            other.regime = regime
            #expect(strategy.evaluate(features, other) == nil)
        }
    }

    @Test func meanReversionNeedsRSIConfirmationAndNoRunawayMove() {
        var (features, context) = Self.stretchedDown()
        var strategy = MeanReversionStrategy()
        context.indicators.rsi = 55
        #expect(strategy.evaluate(features, context) == nil, "not oversold")
        context.indicators.rsi = 30
        features.midTicks = 649_700  // 3 half-widths below: a break, not a stretch
        #expect(strategy.evaluate(features, context) == nil)
        features.midTicks = 650_000.5
        #expect(strategy.evaluate(features, context) == nil, "inside the bands")
    }

    @Test func midAboveTheUpperBandOverboughtIsAShort() throws {
        var features = Self.book()
        features.bestBidTicks = 650_120
        features.bestAskTicks = 650_121
        features.midTicks = 650_120.5
        var context = Self.context()
        context.indicators.rsi = 70
        var strategy = MeanReversionStrategy()
        let signalResult = strategy.evaluate(features, context)
        let signal = try #require(signalResult)
        #expect(signal.direction == .short)
        #expect(signal.takeProfitPriceTicks <= 650_000)
    }

    // MARK: Breakout

    /// The mid just above the channel on a volume surge with buyers lifting.
    static func breakingOut() -> BookFeatures {
        var features = book()
        features.bestBidTicks = 650_210
        features.bestAskTicks = 650_211
        features.midTicks = 650_210.5
        features.tradeVolumeMedium = 3_000  // 3 × the average pace
        features.tradeImbalanceMedium = 0.5
        return features
    }

    @Test func breakAboveTheChannelOnVolumeIsALong() throws {
        var strategy = BreakoutStrategy()
        let signalResult = strategy.evaluate(Self.breakingOut(), Self.context(regime: .trendingUp))
        let signal = try #require(signalResult)
        #expect(signal.direction == .long && signal.source == .breakout)
        #expect(signal.takeProfitTicks == 120, "3 ATR target")
        #expect(signal.stopTicks == 60)
        #expect(signal.confidence > 0.4)
    }

    @Test func breakoutWithoutVolumeOrWithSellersIsIgnored() {
        var strategy = BreakoutStrategy()
        var thin = Self.breakingOut(); thin.tradeVolumeMedium = 1_500
        var sellers = Self.breakingOut(); sellers.tradeImbalanceMedium = -0.3
        #expect(strategy.evaluate(thin, Self.context()) == nil)
        #expect(strategy.evaluate(sellers, Self.context()) == nil)
    }

    @Test func breakoutFiresOncePerChannelLevelAndNotWhenChasing() {
        var strategy = BreakoutStrategy()
        #expect(strategy.evaluate(Self.breakingOut(), Self.context()) != nil)
        #expect(strategy.evaluate(Self.breakingOut(), Self.context()) == nil, "same level again")
        var higher = Self.context()
        higher.indicators.donchianHigh = 650_100
        var far = Self.breakingOut()
        far.bestBidTicks = 650_110
        far.bestAskTicks = 650_111
        far.midTicks = 650_110.5
        #expect(strategy.evaluate(far, higher) != nil, "a new level fires")
        var chase = Self.context()
        chase.indicators.donchianHigh = 650_150  // 60 ticks = 1.5 ATR past it
        #expect(strategy.evaluate(Self.breakingOut(), chase) == nil)
    }

    @Test func breakdownBelowTheChannelIsAShortButNotInAnUpTrend() {
        var features = Self.book()
        features.bestBidTicks = 649_790
        features.bestAskTicks = 649_791
        features.midTicks = 649_790.5
        features.tradeVolumeMedium = 3_000
        features.tradeImbalanceMedium = -0.5
        var strategy = BreakoutStrategy()
        #expect(strategy.evaluate(features, Self.context(regime: .trendingUp)) == nil)
        #expect(strategy.evaluate(features, Self.context(regime: .volatile)) == nil)
        #expect(strategy.evaluate(features, Self.context(regime: .trendingDown))?.direction == .short)
    }

    // MARK: Stops

    @Test func stopGoesJustBeyondARealProtectiveWall() throws {
        var features = Self.bidPressure()
        features.bidWhaleDistance = 40  // a bid wall 40 ticks under the bid: 41 from the ask
        var strategy = ImbalanceMomentumStrategy()
        let signalResult = strategy.evaluate(features, Self.context())
        let signal = try #require(signalResult)
        #expect(signal.stopTicks == 42, "spread + distance + 1 buffer tick")
        #expect(signal.takeProfitTicks == 63)
        features.spoofBid = 0.6
        let distrustedResult = strategy.evaluate(features, Self.context())
        let distrusted = try #require(distrustedResult)
        #expect(distrusted.stopTicks == 60, "a likely spoofed wall is ignored: ATR stop")
    }

    @Test func everySignalHasRewardToRiskOfAtLeastOneAndAHalf() {
        let policy = SignalStopPolicy()
        var features = Self.book()
        for atr in stride(from: 0.5, through: 500, by: 7.3) {
            for wall: Int64 in [-1, 0, 3, 30, 300] {
                features.bidWhaleDistance = wall
                features.askWhaleDistance = wall
                for direction in [SignalDirection.long, .short] {
                    guard let brackets = policy.brackets(direction: direction, features: features, atr: atr,
                                                         targetTicks: 0) else { continue }
                    #expect(Double(brackets.takeProfit) >= 1.5 * Double(brackets.stop))
                    #expect(brackets.stop >= policy.minimumStopTicks)
                }
            }
        }
    }

    // MARK: Combination

    struct Fixed: Strategy {
        var direction: SignalDirection?
        var confidence: Double
        var calls = 0

        mutating func evaluate(_ features: borrowing BookFeatures, _ context: borrowing StrategyContext) -> Signal? {
            calls += 1
            guard let direction else { return nil }
            return context.makeSignal(features: features, direction: direction, source: SignalSource(rawValue: 9),
                                      confidence: confidence)
        }
    }

    @Test func combinationKeepsTheMostConfidentAgreeingSignal() throws {
        var set = StrategyCombination(Fixed(direction: .long, confidence: 0.4), Fixed(direction: nil, confidence: 0),
                                      Fixed(direction: .long, confidence: 0.7))
        let signalResult = set.evaluate(Self.book(), Self.context())
        let signal = try #require(signalResult)
        #expect(signal.confidence == 0.7)
        #expect(set.first.calls == 1 && set.second.calls == 1 && set.third.calls == 1)
    }

    @Test func combinationYieldsNothingWhenStrategiesDisagree() {
        var set = StrategyCombination(Fixed(direction: .long, confidence: 0.9), Fixed(direction: .short, confidence: 0.3),
                                      Fixed(direction: nil, confidence: 0))
        #expect(set.evaluate(Self.book(), Self.context()) == nil)
        #expect(set.conflicts == 1)
    }

    @Test func expectedEdgeIsTheBracketExpectationAfterTheSpread() throws {
        var set = StrategyCombination(Fixed(direction: .long, confidence: 0.5), Fixed(direction: nil, confidence: 0),
                                      Fixed(direction: nil, confidence: 0))
        let signalResult = set.evaluate(Self.book(), Self.context())
        let signal = try #require(signalResult)
        // p·TP − (1 − p)·SL − spread = 0.5·90 − 0.5·60 − 1 = 14 ticks of 650 001.
        #expect(abs(Double(signal.expectedEdgeBasisPoints) - 14.0 / 650_001 * 10_000) < 1e-4)
    }
}
