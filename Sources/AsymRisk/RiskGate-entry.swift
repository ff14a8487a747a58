import AsymCore

extension RiskGate {
    /// Every check an entry must pass, cheapest and most decisive first.

    func checkEntry(_ intent: OrderIntent, now: Int64) -> RiskVerdict {
        // Trading state.
        switch state {
        case .halted: return deny(haltCause == .killSwitch ? .killSwitchEngaged : .tradingHalted)
        case .reducing: return deny(.reducingOnly)
        case .active: break
        }
        // Circuit breakers (also tripped by `updateEquity`; checked here in case equity came in stale).
        if let breaker = trippedBreaker() {
            halt(breaker == .dailyLossBreaker ? .dailyLoss : .drawdown)
            return deny(breaker)
        }
        if now < consecutiveLossCooldownUntil { return deny(.consecutiveLossCooldown) }

        // Signal and book quality.
        if now &- intent.signalCreatedAt > thresholds.maxSignalAge { return deny(.staleSignal) }
        if !intent.bookUsable || intent.bestBid <= 0 || intent.bestBid >= intent.bestAsk { return deny(.bookNotUsable) }
        if now &- intent.bookUpdatedAt > thresholds.maxBookAge { return deny(.bookStale) }
        // A repeated signal is a duplicate whatever happened to the first one (the original bot fired
        // every 15 s); the time is recorded before any later check can deny.
        let index = Int(intent.instrument.rawValue)
        let signalSlot = 2 &* index &+ Int(intent.direction.rawValue)
        let previousSignal = lastSignalAt[signalSlot]
        lastSignalAt[signalSlot] = now
        if now &- previousSignal < thresholds.duplicateWindow { return deny(.duplicateSignal) }
        if intent.confidence < confidenceBar(intent.regime) { return deny(.confidenceBelowRegimeBar) }
        if intent.spoofScore > limits.maxSpoofScore { return deny(.spoofScoreTooHigh) }
        if intent.riskPenalty > limits.maxRiskPenalty { return deny(.riskPenaltyTooHigh) }
        if let advisory = advisoryDenial(intent, now: now) { return deny(advisory) }

        // Over-trading.
        if now &- confirmedAt[index] > thresholds.positionSyncMaxAge { return deny(.positionOutOfSync) }
        if now &- lastEntryAt[index] < thresholds.entryCooldown { return deny(.entryCooldown) }
        if now < lossCooldownUntil { return deny(.lossCooldown) }
        let position = positionLots[index]
        if position != 0 && (position > 0) != (intent.direction == .long) { return deny(.reversalCooldown) }
        if lastExitDirection[index] == intent.direction.opposite,
           now &- lastExitAt[index] < thresholds.reversalCooldown { return deny(.reversalCooldown) }
        if entries.hasAtLeast(limits.maxEntriesPerHour, since: now &- 3_600 &* Self.nanosecondsPerSecond) {
            return deny(.hourlyEntryLimit)
        }
        if entries.hasAtLeast(limits.maxEntriesPerDay, since: dayStart) { return deny(.dailyEntryLimit) }
        if position == 0 && openPositions >= concurrentPositionLimit { return deny(.maxConcurrentPositions) }
        if position == 0 && sameDirectionCorrelated(intent) >= limits.maxSameDirectionCorrelated {
            return deny(.correlationGuard)
        }

        // Order sanity.
        let rules = self.rules[index]
        let sign = intent.direction.sign
        let stopDistance = (intent.price &- intent.stopPrice) &* sign
        let targetDistance = (intent.takeProfitPrice &- intent.price) &* sign
        guard intent.price > 0, intent.stopPrice > 0, stopDistance > 0, targetDistance > 0 else { return deny(.invalidOrder) }
        if Double(targetDistance) < limits.minRewardRiskRatio * Double(stopDistance) { return deny(.rewardRiskTooLow) }
        // Comparisons multiplied out: no division on the check path where one can be avoided.
        let price = Double(intent.price)
        if Double(stopDistance) > limits.emergencyStopFraction * price { return deny(.stopTooFar) }
        if intent.orderType != .market {
            let offMid = Double((2 &* intent.price &- intent.doubledMid).magnitude) * 10_000
            if offMid > limits.fatFingerBasisPoints * Double(intent.doubledMid) { return deny(.fatFinger) }
        }

        // Leverage: configured, compiled cap and venue maximum; the venue must be set to it.
        let leverage = min(limits.maxLeverage, RiskHardCaps.maximumLeverage, rules.venueMaximumLeverage)
        if venueLeverage[index] != 0 && venueLeverage[index] != leverage { return deny(.leverageMismatch) }
        // Isolated liquidation sits about (1/leverage − maintenance margin) away; the stop must trigger well before.
        let liquidationFraction = 1 / Double(leverage) - rules.maintenanceMarginRate
        if liquidationFraction * price < limits.minLiquidationToStopRatio * Double(stopDistance) {
            return deny(.liquidationTooClose)
        }

        // Sizing, as fractions of current equity.
        guard let riskFraction = riskFraction(atrFraction: intent.atrFraction) else { return deny(.noEdge) }
        let lotNotional = rules.notional(lots: 1, priceTicks: intent.price)
        let riskPerLot = Double(stopDistance) * rules.quotePerTick * rules.basePerLot
        // Volatility can lower the leverage used for sizing below the venue setting.
        let volatilityLeverage = intent.atrFraction > 0 ? limits.volatilityLeverageBudget / intent.atrFraction : Double(leverage)
        let sizingLeverage = max(1, min(Double(leverage), volatilityLeverage))
        let marginPerLot = lotNotional / Double(leverage)
        let byRisk = (equity * riskFraction / riskPerLot).rounded(.down)
        let byPosition = (equity * limits.positionMarginFraction * sizingLeverage / lotNotional).rounded(.down)
        let totalRoom = equity * limits.totalMarginFraction - marginInUse
        let byTotal = totalRoom > 0 ? (totalRoom / marginPerLot).rounded(.down) : 0
        var lots = min(byRisk, byPosition, Double(rules.maximumLots))
        if intent.requestedLots > 0 { lots = min(lots, Double(intent.requestedLots)) }
        if byTotal < lots {
            if byTotal < Double(rules.minimumLots) { return deny(.totalMarginCap) }
            lots = byTotal
        }
        // Never round up to the venue minimum: too small for the venue means no trade.
        guard lots >= Double(rules.minimumLots) else { return deny(.sizeBelowVenueMinimum) }
        let orderLots = Int64(lots)
        if rules.minimumNotional > 0 && Double(orderLots) * lotNotional < rules.minimumNotional {
            return deny(.notionalBelowVenueMinimum)
        }
        guard throttles[rules.venueIndex].take(now: now) else { return deny(.orderThrottle) }

        // Approved: the entry counts against cooldowns and limits now, and its margin is reserved
        // until the venue confirms the position (or the order ends unfilled).
        lastEntryAt[index] = now
        entries.record(now)
        let margin = Double(orderLots) * marginPerLot
        reservedMargin[index] += margin
        marginInUse += margin
        return approve(intent, lots: orderLots, leverage: leverage, now: now)
    }

    func confidenceBar(_ regime: MarketRegime) -> Double {
        switch regime {
        case .trendingUp, .trendingDown: limits.confidenceTrending
        case .ranging: limits.confidenceRanging
        case .volatile: limits.confidenceVolatile
        }
    }

    func advisoryDenial(_ intent: OrderIntent, now: Int64) -> DenialReason? {
        let advisory = intent.advisory
        let counts = advisory.isFresh(at: now) && advisory.confidence >= limits.advisoryMinimumConfidence
        switch limits.advisoryMode {
        case .off: return nil
        case .veto: return counts && advisory.direction != intent.direction ? .advisoryVeto : nil
        case .require: return counts && advisory.direction == intent.direction ? nil : .advisoryConsensusRequired
        }
    }

    /// The equity fraction to risk at the stop: the configured cap, shrunk in volatile markets (ATR) and
    /// by half Kelly once enough trades are tracked; nil when the tracked edge is not positive.

    func riskFraction(atrFraction: Double) -> Double? {
        var fraction = limits.riskPerTradeFraction
        if atrFraction > limits.referenceATRFraction { fraction *= limits.referenceATRFraction / atrFraction }
        let trades = wins &+ losses
        if trades >= limits.kellyMinimumTrades {
            // Kelly (1956): f* = p − (1 − p) / b, b = average win / average loss; half of it is the usual cap.
            let winRate = Double(wins) / Double(trades)
            let payoff = losses > 0 && wins > 0 ? (winTotal / Double(wins)) / (lossTotal / Double(losses)) : 1
            let kelly = winRate - (1 - winRate) / payoff
            guard kelly > 0 else { return nil }
            fraction = min(fraction, kelly / 2)
        }
        return fraction
    }

    /// Positions allowed at once: configured, or equity / 100 (at least 1) as in the original bot.

    var concurrentPositionLimit: Int {
        limits.maxConcurrentPositions > 0 ? limits.maxConcurrentPositions : max(1, Int(equity / 100))
    }

    func sameDirectionCorrelated(_ intent: OrderIntent) -> Int {
        let group = rules[Int(intent.instrument.rawValue)].correlationGroup
        var count = 0
        for index in 0..<rules.count where rules[index].correlationGroup == group {
            let lots = positionLots[index]
            if lots != 0 && (lots > 0) == (intent.direction == .long) { count &+= 1 }
        }
        return count
    }
}
