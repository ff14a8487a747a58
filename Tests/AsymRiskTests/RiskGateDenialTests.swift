import AsymCore
@testable import AsymRisk
import Testing

/// One test per denial reason; each starts from an intent that passes and changes one thing.
@Suite struct RiskGateDenialTests {
    typealias F = RiskGateFixture
    let second = F.second
    let now = F.start

    @Test func approvesAWellFormedEntrySizedFromEquity() throws {
        let gate = F.gate()
        let verdict = gate.check(F.entry(), now: now)
        // 2% margin of $10,000 at 10x is $2,000 notional = 30 lots of 0.001 BTC at $65,000 (risk cap allows 153).
        #expect(verdict.approvedLots == 30)
        #expect(gate.lastDecision.reason == 0)
    }

    @Test func deniesWhenTradingHalted() {
        let gate = F.gate()
        gate.halt()
        #expect(gate.check(F.entry(), now: now).denial == .tradingHalted)
    }

    @Test func deniesEntriesWhenReducing() {
        let gate = F.gate()
        gate.pause()
        #expect(gate.check(F.entry(), now: now).denial == .reducingOnly)
    }

    @Test func deniesWhenKillSwitchEngagedAndRequestsCancelAll() {
        let gate = F.gate()
        gate.killSwitch.engage()
        #expect(gate.check(F.entry(), now: now).denial == .killSwitchEngaged)
        #expect(gate.state == .halted)
        #expect(gate.cancelAllRequested)
    }

    @Test func deniesStaleSignal() {
        var intent = F.entry()
        intent.signalCreatedAt = now - 6 * second
        #expect(F.gate().check(intent, now: now).denial == .staleSignal)
    }

    @Test func staleSignalLimitIsConfigurableDownToMicroseconds() {
        var limits = RiskLimits()
        limits.maxSignalAgeSeconds = 0.000_050
        var intent = F.entry()
        intent.signalCreatedAt = now - 60_000  // 60 µs
        #expect(F.gate(limits: limits).check(intent, now: now).denial == .staleSignal)
    }

    @Test func deniesWhenBookNotUsableOrCrossed() {
        var invalid = F.entry()
        invalid.bookUsable = false
        #expect(F.gate().check(invalid, now: now).denial == .bookNotUsable)
        var crossed = F.entry()
        crossed.bestBid = crossed.bestAsk + 1
        #expect(F.gate().check(crossed, now: now).denial == .bookNotUsable)
    }

    @Test func deniesWhenBookStale() {
        var intent = F.entry()
        intent.bookUpdatedAt = now - 3 * second
        #expect(F.gate().check(intent, now: now).denial == .bookStale)
    }

    @Test(arguments: [(MarketRegime.trendingUp, 0.64), (.trendingDown, 0.64), (.ranging, 0.69), (.volatile, 0.74)])
    func deniesConfidenceBelowRegimeBar(regime: MarketRegime, confidence: Double) {
        var intent = F.entry()
        intent.regime = regime
        intent.confidence = confidence
        #expect(F.gate().check(intent, now: now).denial == .confidenceBelowRegimeBar)
        intent.confidence = confidence + 0.02
        #expect(F.gate().check(intent, now: now).denial == nil)
    }

    @Test func deniesWhenSpoofScoreAboveLimit() {
        var intent = F.entry()
        intent.spoofScore = 0.51
        #expect(F.gate().check(intent, now: now).denial == .spoofScoreTooHigh)
    }

    @Test func deniesWhenRiskPenaltyAboveLimit() {
        var intent = F.entry()
        intent.riskPenalty = 0.81
        #expect(F.gate().check(intent, now: now).denial == .riskPenaltyTooHigh)
    }

    @Test func deniesDuplicateSignalWithinSixtySeconds() {
        let gate = F.gate()
        var weak = F.entry()
        weak.confidence = 0.1  // denied for confidence, but the signal was seen
        #expect(gate.check(weak, now: now).denial == .confidenceBelowRegimeBar)
        let soon = now + 59 * second
        gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 650_000, at: soon)
        #expect(gate.check(F.entry(at: soon), now: soon).denial == .duplicateSignal)
        let later = soon + 61 * second  // 61 s after the last (duplicate) signal
        gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 650_000, at: later)
        #expect(gate.check(F.entry(at: later), now: later).denial == nil)
    }

    @Test func deniesEntriesWithinTheSymbolCooldown() {
        let gate = F.gate()
        #expect(gate.check(F.entry(), now: now).denial == nil)
        let later = now + 200 * second
        gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 650_000, at: later)
        #expect(gate.check(F.entry(at: later), now: later).denial == .entryCooldown)
        let afterCooldown = now + 301 * second
        gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 650_000, at: afterCooldown)
        #expect(gate.check(F.entry(at: afterCooldown), now: afterCooldown).denial == nil)
    }

    @Test func deniesEntriesWithinTheLossCooldown() {
        let gate = F.gate()
        gate.recordClosedTrade(pnl: -10, at: now)
        gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 650_000, at: now + 100 * second)
        #expect(gate.check(F.entry(at: now + 100 * second), now: now + 100 * second).denial == .lossCooldown)
        gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 650_000, at: now + 301 * second)
        #expect(gate.check(F.entry(at: now + 301 * second), now: now + 301 * second).denial == nil)
    }

    @Test func deniesReversingWithinTheReversalCooldown() {
        let gate = F.gate()
        gate.confirmPosition(InstrumentID(0), lots: 30, entryPrice: 650_000, at: now)
        // Reversing while the long is open is refused: exit first.
        #expect(gate.check(F.entry(at: now, direction: .short), now: now).denial == .reversalCooldown)
        let closed = now + 10 * second
        gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 650_000, at: closed)
        let soon = closed + 400 * second
        gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 650_000, at: soon)
        #expect(gate.check(F.entry(at: soon, direction: .short), now: soon).denial == .reversalCooldown)
        let late = closed + 901 * second
        gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 650_000, at: late)
        #expect(gate.check(F.entry(at: late, direction: .short), now: late).denial == nil)
    }

    /// Entries across two instruments, spaced past every cooldown.
    func enterRepeatedly(_ gate: RiskGate, count: Int, from start: Int64, spacing: Int64) -> [DenialReason?] {
        (0..<count).map { index in
            let time = start + Int64(index) * spacing
            for id in 0..<2 { gate.confirmPosition(InstrumentID(UInt16(id)), lots: 0, entryPrice: 650_000, at: time) }
            gate.releaseReservation(InstrumentID(UInt16(index % 2)))
            return gate.check(F.entry(at: time, instrument: UInt16(index % 2)), now: time).denial
        }
    }

    @Test func deniesTheFifthEntryWithinAnHour() {
        let gate = F.gate()
        let outcomes = enterRepeatedly(gate, count: 5, from: now, spacing: 301 * second)
        #expect(outcomes.prefix(4).allSatisfy { $0 == nil })
        #expect(outcomes[4] == .hourlyEntryLimit)
    }

    @Test func deniesTheTwentyFirstEntryOfTheDay() {
        var limits = RiskLimits()
        limits.maxEntriesPerHour = 12
        let gate = F.gate(limits: limits, now: now - 11 * 3_600 * second)
        let outcomes = enterRepeatedly(gate, count: 21, from: now - 11 * 3_600 * second, spacing: 1_801 * second)
        #expect(outcomes.prefix(20).allSatisfy { $0 == nil })
        #expect(outcomes[20] == .dailyEntryLimit)
    }

    @Test func deniesOrdersBeyondTheThrottleBudget() {
        var limits = RiskLimits()
        limits.ordersPerSecond = 1
        limits.orderBurst = 2
        let gate = F.gate(limits: limits)
        for id in 0..<2 { gate.confirmPosition(InstrumentID(UInt16(id)), lots: 30, entryPrice: 650_000, at: now) }
        #expect(gate.check(F.exit(lots: 1), now: now).denial == nil)
        #expect(gate.check(F.exit(instrument: 1, lots: 1), now: now).denial == nil)
        #expect(gate.check(F.exit(lots: 1), now: now).denial == .orderThrottle)
        #expect(gate.check(F.exit(lots: 1), now: now + second).denial == nil)
    }

    @Test func deniesWhenSizeFallsBelowTheVenueMinimumInsteadOfRoundingUp() {
        // $300 of equity: 2% margin at 10x is $60 of notional, under one 0.001 BTC lot ($65).
        #expect(F.gate(equity: 300).check(F.entry(), now: now).denial == .sizeBelowVenueMinimum)
    }

    @Test func deniesWhenNotionalBelowTheVenueMinimum() {
        let pricey = Instrument(
            venue: .bybit, symbol: "BTCUSDT", priceScale: FixedPointScale(decimals: 1), quantityScale: FixedPointScale(decimals: 3),
            minimumQuantity: Quantity(lots: 1), maximumQuantity: Quantity(lots: 100_000), minimumNotional: "2500",
            contractValue: "1", maximumLeverage: 100)
        #expect(F.gate(instruments: [pricey, F.eth]).check(F.entry(), now: now).denial == .notionalBelowVenueMinimum)
    }

    @Test func deniesEntriesWhenTheTrackedEdgeIsNotPositive() {
        let gate = F.gate()
        for index in 0..<20 { gate.recordClosedTrade(pnl: index % 4 == 0 ? 5 : -10, at: now - 3_600 * second) }
        gate.resume()
        #expect(gate.check(F.entry(), now: now).denial == .noEdge)
    }

    @Test func deniesWhenTotalMarginCapIsUsedUp() {
        var limits = RiskLimits()
        limits.maxSameDirectionCorrelated = 2
        let gate = F.gate(limits: limits)
        // 6.65 ETH at $3,000 and 10x uses $1,995 of margin: $5 left, less than one BTC lot's $6.50.
        gate.confirmPosition(InstrumentID(1), lots: 665, entryPrice: 300_000, at: now)
        #expect(gate.check(F.entry(), now: now).denial == .totalMarginCap)
    }

    @Test func deniesWhenVenueLeverageDiffersFromTheTarget() {
        let gate = F.gate()
        gate.confirmVenueLeverage(InstrumentID(0), leverage: 50)
        #expect(gate.check(F.entry(), now: now).denial == .leverageMismatch)
        gate.confirmVenueLeverage(InstrumentID(0), leverage: gate.targetLeverage(InstrumentID(0)))
        gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 650_000, at: now + 61 * second)
        #expect(gate.check(F.entry(at: now + 61 * second), now: now + 61 * second).denial == nil)
    }

    @Test func dailyLossHaltsUntilTheNextUTCDay() {
        let gate = F.gate()
        gate.updateEquity(9_490, at: now)
        #expect(gate.state == .halted)
        #expect(gate.check(F.entry(), now: now).denial == .tradingHalted)
        let tomorrow = now + 13 * 3_600 * second
        gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 650_000, at: tomorrow)
        #expect(gate.check(F.entry(at: tomorrow), now: tomorrow).denial == nil)
    }

    @Test func drawdownHaltsUntilManualReset() {
        let gate = F.gate()
        gate.updateEquity(12_000, at: now)
        var day = now
        // Losses under 5% a day add up to a 20% drawdown from the 12,000 peak on the fifth day.
        for equity in [11_500.0, 11_000, 10_500, 10_000, 9_590] {
            day += 24 * 3_600 * second
            gate.updateEquity(equity, at: day)
        }
        #expect(gate.state == .halted)
        #expect(gate.haltCause == .drawdown)
        let muchLater = day + 3 * 24 * 3_600 * second
        gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 650_000, at: muchLater)
        #expect(gate.check(F.entry(at: muchLater), now: muchLater).denial == .tradingHalted)
        gate.resume()
        #expect(gate.state == .active)
        #expect(gate.check(F.entry(at: muchLater), now: muchLater).denial == nil)
    }

    @Test func breakerDenialNamesTheDrawdownWhenBothBreakersTrip() {
        let gate = F.gate()
        gate.updateEquity(7_900, at: now)  // 21% down on the day and from the peak
        #expect(gate.haltCause == .drawdown)
        let tomorrow = now + 24 * 3_600 * second
        gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 650_000, at: tomorrow)
        #expect(gate.check(F.entry(at: tomorrow), now: tomorrow).denial == .tradingHalted)  // midnight does not lift it
    }

    @Test func threeConsecutiveLossesStartACooldownAndFiveHalt() {
        let gate = F.gate()
        for _ in 0..<3 { gate.recordClosedTrade(pnl: -1, at: now) }
        let afterLossCooldown = now + 400 * second
        gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 650_000, at: afterLossCooldown)
        #expect(gate.check(F.entry(at: afterLossCooldown), now: afterLossCooldown).denial == .consecutiveLossCooldown)
        for _ in 0..<2 { gate.recordClosedTrade(pnl: -1, at: now) }
        #expect(gate.state == .halted)
        #expect(gate.haltCause == .consecutiveLosses)
    }

    @Test func deniesNewPositionsBeyondEquityOverHundred() {
        // $150 of equity allows one position; trade a cheap instrument so the size fits.
        let doge = Instrument(
            venue: .bybit, symbol: "DOGEUSDT", priceScale: FixedPointScale(decimals: 5), quantityScale: FixedPointScale(decimals: 0),
            minimumQuantity: Quantity(lots: 1), maximumQuantity: Quantity(lots: 10_000_000), minimumNotional: "1",
            contractValue: "1", maximumLeverage: 75)
        var limits = RiskLimits()
        limits.maxSameDirectionCorrelated = 5
        let gate = F.gate(limits: limits, equity: 150, instruments: [doge, doge])
        gate.confirmPosition(InstrumentID(1), lots: 10, entryPrice: 20_000, at: now)
        #expect(gate.check(F.entry(price: 20_000), now: now).denial == .maxConcurrentPositions)
    }

    @Test func deniesASecondSameDirectionPositionAmongCorrelatedInstruments() {
        let gate = F.gate()
        gate.confirmPosition(InstrumentID(1), lots: 100, entryPrice: 300_000, at: now)
        #expect(gate.check(F.entry(), now: now).denial == .correlationGuard)
        #expect(F.gate().check(F.entry(), now: now).denial == nil)
    }

    @Test func deniesRewardRiskBelowOnePointFive() {
        var intent = F.entry()
        intent.takeProfitPrice = intent.price + (intent.price - intent.stopPrice) * 14 / 10
        #expect(F.gate().check(intent, now: now).denial == .rewardRiskTooLow)
    }

    @Test func deniesWhenLiquidationIsNotWellBeyondTheStop() {
        var intent = F.entry()
        intent.stopPrice = intent.price - intent.price * 6 / 100  // 6% stop vs ~9.5% to liquidation at 10x
        intent.takeProfitPrice = intent.price + intent.price * 12 / 100
        #expect(F.gate().check(intent, now: now).denial == .liquidationTooClose)
    }

    @Test func deniesAStopBeyondTheTenPercentEmergencyLimit() {
        var limits = RiskLimits()
        limits.maxLeverage = 1
        var intent = F.entry()
        intent.stopPrice = intent.price - intent.price * 11 / 100
        intent.takeProfitPrice = intent.price + intent.price * 30 / 100
        #expect(F.gate(limits: limits).check(intent, now: now).denial == .stopTooFar)
    }

    @Test func deniesALimitPriceFarFromMid() {
        var intent = F.entry()
        intent.price = 650_000 + 6_600  // ~101.5 bps above mid
        intent.stopPrice = intent.price - intent.price / 100
        intent.takeProfitPrice = intent.price + intent.price / 50
        #expect(F.gate().check(intent, now: now).denial == .fatFinger)
    }

    @Test func deniesEntriesWhilePositionIsOutOfSync() {
        let gate = F.gate()
        let later = now + 31 * second
        #expect(gate.check(F.entry(at: later), now: later).denial == .positionOutOfSync)
    }

    @Test func rejectStormHaltsTrading() {
        let gate = F.gate()
        for _ in 0..<5 { gate.recordReject(at: now) }
        #expect(gate.state == .halted)
        #expect(gate.check(F.entry(), now: now).denial == .tradingHalted)
        let other = F.gate()
        for index in 0..<10 {
            other.recordReject(at: now + Int64(index) * second)
            if index % 3 == 0 { other.recordAccepted() }
        }
        #expect(other.haltCause == .rejectStorm)  // 10 rejects within a minute, never 5 in a row
    }

    @Test func vetoModeDeniesEntriesAgainstAFreshOppositeConsensus() {
        var limits = RiskLimits()
        limits.advisoryMode = .veto
        var intent = F.entry()
        intent.advisory = AdvisoryView(present: true, direction: .short, confidence: 0.8, expiresAt: now + second)
        #expect(F.gate(limits: limits).check(intent, now: now).denial == .advisoryVeto)
        intent.advisory.expiresAt = now - 1  // expired counts as absent
        #expect(F.gate(limits: limits).check(intent, now: now).denial == nil)
    }

    @Test func requireModeNeedsAFreshAgreeingConsensus() {
        var limits = RiskLimits()
        limits.advisoryMode = .require
        var intent = F.entry()
        #expect(F.gate(limits: limits).check(intent, now: now).denial == .advisoryConsensusRequired)
        intent.advisory = AdvisoryView(present: true, direction: .long, confidence: 0.8, expiresAt: now + second)
        #expect(F.gate(limits: limits).check(intent, now: now).denial == nil)
        intent.advisory.expiresAt = now
        #expect(F.gate(limits: limits).check(intent, now: now).denial == .advisoryConsensusRequired)
    }

    @Test func deniesAnEntryWithoutAStopOnTheRightSide() {
        var intent = F.entry()
        intent.stopPrice = intent.price + 100
        #expect(F.gate().check(intent, now: now).denial == .invalidOrder)
    }

    @Test func exitsAndCancelsPassWhileHaltedAndReduceOnly() {
        let gate = F.gate()
        gate.confirmPosition(InstrumentID(0), lots: 30, entryPrice: 650_000, at: now)
        gate.killSwitch.engage()
        #expect(gate.check(F.entry(), now: now).denial == .killSwitchEngaged)
        guard case .approved(let exit) = gate.check(F.exit(), now: now) else { Issue.record("exit denied"); return }
        #expect(exit.reduceOnly && exit.lots == 30 && exit.side == .sell)
        var cancel = F.exit()
        cancel.kind = .cancel
        cancel.cancelOrderID = 42
        guard case .approved(let cancelled) = gate.check(cancel, now: now) else { Issue.record("cancel denied"); return }
        #expect(cancelled.cancelOrderID == 42)
    }

    @Test func deniesAnExitWithNothingToReduce() {
        #expect(F.gate().check(F.exit(), now: now).denial == .nothingToReduce)
    }

    @Test func everyDenialReasonHasATest() {
        // Keeps this file honest: a new DenialReason needs a test here.
        #expect(DenialReason.allCases.count == 36)
    }
}
