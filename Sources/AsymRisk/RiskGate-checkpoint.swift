public import AsymCore

extension RiskGate {
    // MARK: - Checkpoint (recovery)

    /// Writes every counter (the layout `RiskGateCheckpoint.init(from:)` reads) without allocating once the
    /// writer has room: the engine calls it on its own thread between frames.
    /// - Complexity: O(instruments + window sizes + denial reasons).
    public func writeCheckpoint(into writer: inout CheckpointWriter) {
        writer.write(RiskGateCheckpoint.formatVersion)
        writer.write(limitsIntegrityHash)
        writer.write(state)
        writer.write(haltCause)
        writer.write(cancelAllRequested)
        writer.write(equity)
        writer.write(peakEquity)
        writer.write(startOfDayEquity)
        writer.write(dayStart)
        writer.write(instruments.count)
        for index in instruments.indices {
            writer.write(positionLots[index])
            writer.write(positionMargin[index])
            writer.write(reservedMargin[index])
            writer.write(confirmedAt[index])
            writer.write(lastEntryAt[index])
            writer.write(lastExitAt[index])
            writer.write(lastExitDirection[index])
            writer.write(lastSignalAt[2 &* index])
            writer.write(lastSignalAt[2 &* index &+ 1])
        }
        writer.write(marginInUse)
        writer.write(openPositions)
        Self.write(entries, into: &writer)
        writer.write(lossCooldownUntil)
        writer.write(consecutiveLosses)
        writer.write(consecutiveLossCooldownUntil)
        writer.write(consecutiveRejects)
        Self.write(rejects, into: &writer)
        writer.write(throttles.count)
        for index in throttles.indices {
            writer.write(throttles[index].tokens)
            writer.write(throttles[index].lastRefill)
        }
        writer.write(wins)
        writer.write(losses)
        writer.write(winTotal)
        writer.write(lossTotal)
        writer.write(decisions)
        writer.write(approvals)
        writer.write(denialCounts.count)
        for index in denialCounts.indices { writer.write(denialCounts[index]) }
        let last = lastDecision
        writer.write(last.decision)
        writer.write(last.time)
        writer.write(last.instrument)
        writer.write(last.kind)
        writer.write(last.direction)
        writer.write(UInt64(last.reason))
        writer.write(last.lots)
        writer.write(last.equity)
        writer.write(last.marginInUse)
        writer.write(last.confidence)
        writer.write(last.spoofScore)
        writer.write(last.riskPenalty)
    }

    static func write(_ window: TimestampWindow, into writer: inout CheckpointWriter) {
        writer.write(window.recordedCount)
        for index in 0..<window.recordedCount { writer.write(window.recorded(index)) }
    }

    /// The counters now, as a value (allocates; for recovery, reports and tests).
    public func checkpoint() -> RiskGateCheckpoint {
        var writer = CheckpointWriter(capacity: 256)
        writeCheckpoint(into: &writer)
        var reader = CheckpointReader(words: writer.words)
        // The gate wrote it a moment ago: a failure here is a layout bug, not damage.
        do { return try RiskGateCheckpoint(from: &reader) } catch { preconditionFailure("risk gate checkpoint layout: \(error)") }
    }

    /// Restores the counters of `checkpoint` into this gate, which must be fresh: no `check` since it was made
    /// (or since the last restore or replay), so recovery can never serve as a reset in the middle of a run.
    ///
    /// What it cannot do: change a limit (they are the gate's own, even when the checkpoint was made under
    /// others), set the venue leverage (read back from the venue at start), or make an `ApprovedOrder`. After
    /// restoring, a pulled kill switch halts the gate and the breakers are judged against the current limits,
    /// so a restore never leaves the gate more permissive than its limits allow. Window times beyond the
    /// current window sizes keep their newest.
    /// - Throws: `CheckpointError.targetInUse` after the gate's first check, `.shapeMismatch` when the
    ///   instruments or venues differ in number.
    public func restore(from checkpoint: RiskGateCheckpoint) throws(CheckpointError) {
        guard decisions == decisionsAtRecovery else { throw .targetInUse(what: "risk gate") }
        let count = instruments.count
        for (name, found) in [("positionLots", checkpoint.positionLots.count), ("positionMargin", checkpoint.positionMargin.count),
                              ("reservedMargin", checkpoint.reservedMargin.count), ("confirmedAt", checkpoint.confirmedAt.count),
                              ("lastEntryAt", checkpoint.lastEntryAt.count), ("lastExitAt", checkpoint.lastExitAt.count),
                              ("lastExitDirection", checkpoint.lastExitDirection.count)] where found != count {
            throw .shapeMismatch(what: "risk gate instruments (\(name))", expected: count, found: found)
        }
        guard checkpoint.lastSignalAt.count == 2 * count else {
            throw .shapeMismatch(what: "risk gate instruments (lastSignalAt)", expected: 2 * count, found: checkpoint.lastSignalAt.count)
        }
        guard checkpoint.throttleTokens.count == throttles.count, checkpoint.throttleRefilledAt.count == throttles.count else {
            throw .shapeMismatch(what: "risk gate venues", expected: throttles.count, found: checkpoint.throttleTokens.count)
        }
        state = checkpoint.state
        haltCause = checkpoint.haltCause
        cancelAllRequested = checkpoint.cancelAllRequested
        equity = checkpoint.equity
        peakEquity = checkpoint.peakEquity
        startOfDayEquity = checkpoint.startOfDayEquity
        dayStart = checkpoint.dayStart
        positionLots = checkpoint.positionLots
        positionMargin = checkpoint.positionMargin
        reservedMargin = checkpoint.reservedMargin
        confirmedAt = checkpoint.confirmedAt
        lastEntryAt = checkpoint.lastEntryAt
        lastExitAt = checkpoint.lastExitAt
        lastExitDirection = checkpoint.lastExitDirection
        lastSignalAt = checkpoint.lastSignalAt
        marginInUse = checkpoint.marginInUse
        openPositions = checkpoint.openPositions
        entries = Self.window(capacity: entries.capacity, times: checkpoint.entryTimes)
        lossCooldownUntil = checkpoint.lossCooldownUntil
        consecutiveLosses = checkpoint.consecutiveLosses
        consecutiveLossCooldownUntil = checkpoint.consecutiveLossCooldownUntil
        consecutiveRejects = checkpoint.consecutiveRejects
        rejects = Self.window(capacity: rejects.capacity, times: checkpoint.rejectTimes)
        for index in throttles.indices {
            // Never more banked than the current burst allows.
            throttles[index].tokens = min(checkpoint.throttleTokens[index], throttles[index].burst)
            throttles[index].lastRefill = checkpoint.throttleRefilledAt[index]
        }
        wins = checkpoint.wins
        losses = checkpoint.losses
        winTotal = checkpoint.winTotal
        lossTotal = checkpoint.lossTotal
        decisions = checkpoint.decisions
        approvals = checkpoint.approvals
        for index in denialCounts.indices { denialCounts[index] = index < checkpoint.denialCounts.count ? checkpoint.denialCounts[index] : 0 }
        lastDecision = checkpoint.lastDecision
        enforceAfterRecovery()
    }

    /// Re-applies the bookkeeping of a decision journalled after the last checkpoint (recovery of a live run,
    /// where the frames that led to it cannot be replayed): the decision count, approvals and denials, and for
    /// entries the signal, entry-time and throttle state the check left behind. Margin is not reserved here:
    /// orders left open by the crash are resolved by a query before trading resumes and positions confirmed.
    /// - Throws: `CheckpointError.targetInUse` after the gate's first check, like `restore(from:)`.
    public func replayJournalled(_ record: RiskDecisionRecord) throws(CheckpointError) {
        guard decisions == decisionsAtRecovery else { throw .targetInUse(what: "risk gate") }
        let index = Int(record.instrument.rawValue)
        guard index < instruments.count else { return }
        let now = record.time
        if now &- dayStart >= Self.nanosecondsPerDay { rollDay(now) }
        decisions = max(decisions, record.decision)
        let signalSlot = 2 &* index &+ Int(record.direction.rawValue)
        if record.reason == 0 {
            approvals &+= 1
            if record.kind != .cancel { _ = throttles[rules[index].venueIndex].take(now: now) }
            if record.kind == .entry {
                lastSignalAt[signalSlot] = now
                lastEntryAt[index] = now
                if entries.recordedCount == 0 || entries.recorded(entries.recordedCount - 1) <= now { entries.record(now) }
            }
        } else if let reason = DenialReason(rawValue: record.reason) {
            denialCounts[Int(reason.rawValue)] &+= 1
            if record.kind == .entry && !Self.deniedBeforeSignalStamp(reason) { lastSignalAt[signalSlot] = now }
        }
        lastDecision = record
        enforceAfterRecovery()
    }

    /// Re-applies a journalled trading-state change (recovery of a live run). A change to ACTIVE goes through
    /// the same rule as `resume()`; halts keep the stickier cause.
    /// - Throws: `CheckpointError.targetInUse` after the gate's first check.
    public func replayJournalled(_ record: TradingStateRecord) throws(CheckpointError) {
        guard decisions == decisionsAtRecovery else { throw .targetInUse(what: "risk gate") }
        switch record.state {
        case .active:
            state = .active
            haltCause = .none
        case .reducing:
            pause()
        case .halted:
            halt(record.cause == .none ? .manual : record.cause)
        }
        enforceAfterRecovery()
    }

    /// Whether an entry denied for `reason` was denied before `checkEntry` stamped its signal time (the
    /// duplicate-signal memory); keep in step with the order of checks in `checkEntry`.
    static func deniedBeforeSignalStamp(_ reason: DenialReason) -> Bool {
        switch reason {
        case .tradingHalted, .killSwitchEngaged, .reducingOnly, .dailyLossBreaker, .drawdownBreaker,
             .consecutiveLossCooldown, .staleSignal, .bookNotUsable, .bookStale:
            true
        default:
            false
        }
    }

    /// After any recovery write: the kill switch and the breakers under the current limits have the last word.
    func enforceAfterRecovery() {
        if killSwitch.isEngaged && haltCause != .killSwitch { engageKillSwitch() }
        haltIfBreakerTripped()
        decisionsAtRecovery = decisions
    }

    static func window(capacity: Int, times: [Int64]) -> TimestampWindow {
        var window = TimestampWindow(capacity: capacity)
        for time in times.suffix(capacity) { window.record(time) }
        return window
    }
}
