public import AsymCore

extension RiskGate {
    // MARK: - What happened (called by the engine off the decision itself)

    /// New account equity (quote currency); trips the daily-loss and drawdown breakers at once.
    public func updateEquity(_ newEquity: Double, at now: Int64) {
        if now &- dayStart >= Self.nanosecondsPerDay { rollDay(now) }
        equity = newEquity
        peakEquity = max(peakEquity, newEquity)
        haltIfBreakerTripped()
    }

    /// The position the venue (or the paper ledger) confirms for `instrument`: signed lots at an
    /// average entry price. Also the position-sync heartbeat.
    public func confirmPosition(_ instrument: InstrumentID, lots: Int64, entryPrice: Int64, at now: Int64) {
        let index = Int(instrument.rawValue)
        let previous = positionLots[index]
        if previous != 0 && (lots == 0 || (lots > 0) != (previous > 0)) {
            lastExitAt[index] = now
            lastExitDirection[index] = previous > 0 ? .long : .short
        }
        if previous == 0 && lots != 0 { openPositions &+= 1 }
        if previous != 0 && lots == 0 { openPositions &-= 1 }
        positionLots[index] = lots
        let leverage = max(1, venueLeverage[index] != 0 ? venueLeverage[index] : min(limits.maxLeverage, RiskHardCaps.maximumLeverage))
        let margin = rules[index].notional(lots: Int64(lots.magnitude), priceTicks: entryPrice) / Double(leverage)
        marginInUse += margin - positionMargin[index] - reservedMargin[index]
        positionMargin[index] = margin
        reservedMargin[index] = 0
        confirmedAt[index] = now
    }

    /// Frees the margin reserved for an approved entry that ended without (or with less) fill.
    public func releaseReservation(_ instrument: InstrumentID) {
        let index = Int(instrument.rawValue)
        marginInUse -= reservedMargin[index]
        reservedMargin[index] = 0
    }

    /// A closed trade's realised PnL (quote currency, after fees): loss cooldowns, the consecutive-loss
    /// breaker and the win/payoff statistics behind the Kelly cap.
    public func recordClosedTrade(pnl: Double, at now: Int64) {
        if pnl < 0 {
            losses &+= 1
            lossTotal += -pnl
            consecutiveLosses &+= 1
            lossCooldownUntil = now &+ Int64(limits.lossCooldownSeconds * 1e9)
            if consecutiveLosses >= limits.consecutiveLossesToHalt {
                halt(.consecutiveLosses)
            } else if consecutiveLosses >= limits.consecutiveLossesToCooldown {
                consecutiveLossCooldownUntil = now &+ Int64(limits.consecutiveLossCooldownSeconds * 1e9)
            }
        } else {
            wins &+= 1
            winTotal += pnl
            consecutiveLosses = 0
        }
    }

    /// The venue rejected an order: N in a row, or M in a minute, is a reject storm and halts trading.
    public func recordReject(at now: Int64) {
        consecutiveRejects &+= 1
        rejects.record(now)
        if consecutiveRejects >= limits.maxConsecutiveRejects
            || rejects.hasAtLeast(limits.maxRejectsPerMinute, since: now &- 60 &* Self.nanosecondsPerSecond) {
            halt(.rejectStorm)
        }
    }

    /// The venue accepted an order: the consecutive-reject count starts again.
    public func recordAccepted() { consecutiveRejects = 0 }

    /// The leverage read back from the venue after setting it; entries are denied while it differs.
    public func confirmVenueLeverage(_ instrument: InstrumentID, leverage: Int) {
        venueLeverage[Int(instrument.rawValue)] = leverage
    }

    /// The leverage the gate wants set on the venue for `instrument`.
    public func targetLeverage(_ instrument: InstrumentID) -> Int {
        min(limits.maxLeverage, RiskHardCaps.maximumLeverage, rules[Int(instrument.rawValue)].venueMaximumLeverage)
    }

    // MARK: - Operator controls

    /// REDUCING: only exits and cancels pass.
    public func pause() { if state == .active { state = .reducing } }

    /// Back to ACTIVE, unless the kill switch is still pulled. Lifts operator, reject-storm,
    /// consecutive-loss and drawdown halts (the drawdown peak restarts from current equity).
    public func resume() {
        guard !killSwitch.isEngaged else { return }
        switch haltCause {
        case .drawdown: peakEquity = equity
        case .consecutiveLosses: consecutiveLosses = 0
        case .rejectStorm: consecutiveRejects = 0
        case .dailyLoss: if trippedBreaker() == .dailyLossBreaker { return }
        case .none, .killSwitch, .manual: break
        }
        state = .active
        haltCause = .none
        haltIfBreakerTripped()
    }

    /// HALTED by the operator (not the kill switch): nothing but exits and cancels.
    public func halt() { halt(.manual) }

    // MARK: - Internals

    @usableFromInline
    func halt(_ cause: HaltCause) {
        // A milder cause never replaces a stickier one: a daily-loss halt lifts by itself at midnight,
        // a drawdown halt only by hand, the kill switch only when released and resumed.
        if state == .halted && Self.severity(cause) < Self.severity(haltCause) { return }
        state = .halted
        haltCause = cause
    }

    static func severity(_ cause: HaltCause) -> Int {
        switch cause {
        case .none: 0
        case .dailyLoss: 1
        case .consecutiveLosses, .rejectStorm, .manual: 2
        case .drawdown: 3
        case .killSwitch: 4
        }
    }

    @usableFromInline
    func engageKillSwitch() {
        state = .halted
        haltCause = .killSwitch
        cancelAllRequested = true
    }

    /// A new UTC day: the daily-loss base restarts and a daily-loss halt lifts by itself.
    @usableFromInline
    func rollDay(_ now: Int64) {
        dayStart = now - now % Self.nanosecondsPerDay
        startOfDayEquity = equity
        if haltCause == .dailyLoss {
            state = .active
            haltCause = .none
        }
        haltIfBreakerTripped()
    }

    /// Halts with the breaker's cause; true if one tripped.
    @discardableResult
    func haltIfBreakerTripped() -> Bool {
        guard let breaker = trippedBreaker() else { return false }
        halt(breaker == .dailyLossBreaker ? .dailyLoss : .drawdown)
        return true
    }

    @usableFromInline
    /// The tripped breaker, drawdown first (it needs a manual reset; the daily one lifts at midnight).
    func trippedBreaker() -> DenialReason? {
        if peakEquity > 0 && (peakEquity - equity) / peakEquity >= limits.drawdownFraction { return .drawdownBreaker }
        if startOfDayEquity > 0 && (startOfDayEquity - equity) / startOfDayEquity >= limits.dailyLossFraction {
            return .dailyLossBreaker
        }
        return nil
    }
}
