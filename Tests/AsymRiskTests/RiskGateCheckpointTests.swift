import AsymCore
@testable import AsymRisk
import Testing
import TestSupport

/// The gate's counters survive a restart exactly, and restoring them can never loosen the gate.
@Suite struct RiskGateCheckpointTests {
    typealias F = RiskGateFixture
    static let second = F.second

    static var limits: RiskLimits {
        var limits = RiskLimits()
        limits.maxEntriesPerHour = 12
        limits.maxEntriesPerDay = 50
        limits.entryCooldownSeconds = 30
        limits.lossCooldownSeconds = 30
        limits.reversalCooldownSeconds = 30
        limits.ordersPerSecond = 2
        limits.orderBurst = 3
        return limits
    }

    /// Drives `gates` through the same random entries, exits, fills, equity moves, losses and rejects; returns
    /// every verdict of the first gate (approved lots, or the denial reason's raw value negated).
    @discardableResult
    static func drive(_ gates: [RiskGate], seed: UInt64, steps: Int, from start: Int64) -> (verdicts: [[Int64]], now: Int64) {
        var random = SplitMix64(seed: seed)
        var now = start
        var equity = 10_000.0
        var verdicts = Array(repeating: [Int64](), count: gates.count)
        for _ in 0..<steps {
            now += Int64(random.below(20_000)) * 1_000_000
            let step = random.below(10)
            let id = UInt16(random.below(2))
            let lots = random.below(3) == 0 ? 0 : Int64(random.below(40)) * (random.below(2) == 0 ? 1 : -1)
            equity *= 0.995 + 0.01 * random.unit()
            let pnl = random.unit() < 0.6 ? 20.0 : -10.0
            let direction: TradeDirection = random.below(2) == 0 ? .long : .short
            let isExit = random.below(4) == 0
            let confidence = 0.5 + 0.5 * random.unit()
            for (index, gate) in gates.enumerated() {
                switch step {
                case 0, 1: gate.confirmPosition(InstrumentID(id), lots: lots, entryPrice: id == 0 ? 650_000 : 300_000, at: now)
                case 2: gate.updateEquity(equity, at: now)
                case 3: gate.recordClosedTrade(pnl: pnl, at: now)
                case 4: gate.recordReject(at: now)
                default:
                    var intent = F.entry(at: now, instrument: id, direction: direction, price: id == 0 ? 650_000 : 300_000)
                    intent.confidence = confidence
                    if isExit { intent = F.exit(at: now, instrument: id, direction: direction) }
                    switch gate.check(intent, now: now) {
                    case .approved(let order): verdicts[index].append(order.lots)
                    case .denied(let reason): verdicts[index].append(-Int64(reason.rawValue))
                    }
                }
            }
        }
        return (verdicts, now)
    }

    static func busyGate(seed: UInt64 = 3, steps: Int = 600) throws -> (RiskGate, Int64) {
        let gate = F.gate(limits: limits)
        let end = drive([gate], seed: seed, steps: steps, from: F.start).now
        let checkpoint = gate.checkpoint()
        try #require(gate.approvals > 5 && gate.denialCounts.reduce(0, +) > 5 && checkpoint.entryTimes.count >= 2
                         && checkpoint.consecutiveLosses + checkpoint.losses > 0,
                     "the run must exercise the gate: \(checkpoint)")
        return (gate, end)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func aRestoredGateHoldsExactlyTheSameCounters(seed: UInt64) throws {
        let (gate, _) = try Self.busyGate(seed: seed)
        let checkpoint = gate.checkpoint()
        let restored = F.gate(limits: Self.limits)
        try restored.restore(from: checkpoint)
        #expect(restored.checkpoint() == checkpoint)
        #expect(!checkpoint.entryTimes.isEmpty && checkpoint.decisions > 0)
    }

    @Test func aRestoredGateDecidesExactlyAsTheOriginalFromThenOn() throws {
        let (gate, end) = try Self.busyGate()
        let restored = F.gate(limits: Self.limits)
        try restored.restore(from: gate.checkpoint())
        let after = Self.drive([gate, restored], seed: 99, steps: 1_500, from: end)
        #expect(after.verdicts[0].count > 50 && after.verdicts[0].contains { $0 > 0 }, "approvals after the restore")
        #expect(after.verdicts[0] == after.verdicts[1])
        #expect(gate.checkpoint() == restored.checkpoint())
    }

    @Test func restoreAfterTheGateHasDecidedIsRefused() throws {
        let (gate, _) = try Self.busyGate()
        let used = F.gate(limits: Self.limits)
        _ = used.check(F.entry(), now: F.start)
        #expect(throws: CheckpointError.targetInUse(what: "risk gate")) { try used.restore(from: gate.checkpoint()) }
        // A restored gate that has decided since cannot be restored (or replayed into) again either.
        let restored = F.gate(limits: Self.limits)
        try restored.restore(from: gate.checkpoint())
        _ = restored.check(F.entry(), now: F.start)
        #expect(throws: CheckpointError.targetInUse(what: "risk gate")) { try restored.restore(from: gate.checkpoint()) }
        #expect(throws: CheckpointError.targetInUse(what: "risk gate")) { try restored.replayJournalled(gate.lastDecision) }
    }

    @Test func restoreKeepsTheGatesOwnStricterLimits() throws {
        // Twelve entries an hour under loose limits…
        let loose = F.gate(limits: Self.limits)
        var now = F.start
        for _ in 0..<12 {
            now += 61 * Self.second
            loose.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 0, at: now)
            _ = try #require(loose.check(F.entry(at: now), now: now).approvedLots)
        }
        // …restored into a gate allowing four: its limit, not the checkpoint's, and the window keeps the newest.
        var strict = Self.limits
        strict.maxEntriesPerHour = 4
        strict.orderBurst = 1
        let gate = F.gate(limits: strict)
        try gate.restore(from: loose.checkpoint())
        #expect(gate.limits.maxEntriesPerHour == 4)
        #expect(gate.checkpoint().entryTimes.count <= strict.maxEntriesPerDay + 1)
        #expect(gate.checkpoint().throttleTokens.allSatisfy { $0 <= 1 }, "never more tokens than the current burst")
        now += 61 * Self.second
        gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 0, at: now)
        #expect(gate.check(F.entry(at: now), now: now).denial == .hourlyEntryLimit)
    }

    @Test func restoreUnderAPulledKillSwitchHaltsAndAsksForCancelAll() throws {
        let (source, _) = try Self.busyGate()
        var checkpoint = source.checkpoint()
        checkpoint.state = .active
        checkpoint.haltCause = .none
        checkpoint.peakEquity = checkpoint.equity
        checkpoint.startOfDayEquity = checkpoint.equity
        let killSwitch = KillSwitch()
        killSwitch.engage()
        let gate = RiskGate(limits: try Self.limits.validated(), instruments: [F.btc, F.eth].map { RiskInstrument($0) },
                            equity: 10_000, now: F.start, killSwitch: killSwitch)
        try gate.restore(from: checkpoint)
        #expect(gate.state == .halted && gate.haltCause == .killSwitch && gate.cancelAllRequested)
    }

    @Test func restoreJudgesTheBreakersUnderTheCurrentLimits() throws {
        let (source, _) = try Self.busyGate()
        var checkpoint = source.checkpoint()
        checkpoint.state = .active
        checkpoint.haltCause = .none
        checkpoint.startOfDayEquity = checkpoint.equity
        checkpoint.peakEquity = checkpoint.equity / 0.85  // 15 % below the peak
        var limits = Self.limits
        limits.drawdownFraction = 0.10
        let gate = F.gate(limits: limits)
        try gate.restore(from: checkpoint)
        #expect(gate.state == .halted && gate.haltCause == .drawdown)
    }

    @Test func aCheckpointOfOtherInstrumentsIsAShapeMismatch() throws {
        let (source, _) = try Self.busyGate()
        let gate = F.gate(limits: Self.limits, instruments: [F.btc])
        #expect(throws: CheckpointError.shapeMismatch(what: "risk gate instruments (positionLots)", expected: 1, found: 2)) {
            try gate.restore(from: source.checkpoint())
        }
    }

    @Test func aCheckpointWithAnotherVersionIsRefused() throws {
        let (source, _) = try Self.busyGate()
        var writer = CheckpointWriter()
        source.writeCheckpoint(into: &writer)
        var words = writer.words
        words[0] = 99
        var reader = CheckpointReader(words: words)
        #expect(throws: CheckpointError.shapeMismatch(what: "risk gate checkpoint version", expected: 1, found: 99)) {
            _ = try RiskGateCheckpoint(from: &reader)
        }
    }

    @Test func windowTimesOutOfOrderAreDamage() throws {
        let (source, _) = try Self.busyGate()
        var writer = CheckpointWriter()
        source.writeCheckpoint(into: &writer)
        var words = writer.words
        // The entry window follows the per-instrument block: version, hash, state, cause, cancel, 3 equities, day,
        // count, 2 × 9 instrument words, margin, open positions, then the window's count and times.
        let countIndex = 10 + 2 * 9 + 2
        try #require(words[countIndex] >= 2)
        words[countIndex + 2] = words[countIndex + 1] &- 1
        var reader = CheckpointReader(words: words)
        #expect(throws: CheckpointError.invalidValue(at: countIndex + 2)) { _ = try RiskGateCheckpoint(from: &reader) }
    }

    @Test func replayedDecisionsRebuildTheCountsCooldownsAndEntryWindow() throws {
        let gate = F.gate(limits: Self.limits)
        let replayed = F.gate(limits: Self.limits)
        var now = F.start
        var random = SplitMix64(seed: 5)
        for _ in 0..<300 {
            now += Int64(random.below(40_000)) * 1_000_000
            gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 0, at: now)
            var intent = F.entry(at: now, direction: random.below(2) == 0 ? .long : .short)
            intent.confidence = 0.6 + 0.4 * random.unit()
            if random.below(5) == 0 { intent.bookUsable = false }
            _ = gate.check(intent, now: now)
            try replayed.replayJournalled(gate.lastDecision)
        }
        let expected = gate.checkpoint()
        let actual = replayed.checkpoint()
        #expect(expected.approvals > 5)
        #expect(actual.decisions == expected.decisions)
        #expect(actual.approvals == expected.approvals)
        #expect(actual.denialCounts == expected.denialCounts)
        #expect(actual.entryTimes == expected.entryTimes)
        #expect(actual.lastEntryAt == expected.lastEntryAt)
        #expect(actual.lastSignalAt == expected.lastSignalAt)
        #expect(actual.lastDecision == expected.lastDecision)
    }

    @Test func replayedTradingStateChangesHaltAndResume() throws {
        let gate = F.gate(limits: Self.limits)
        try gate.replayJournalled(TradingStateRecord(state: .halted, cause: .consecutiveLosses))
        #expect(gate.state == .halted && gate.haltCause == .consecutiveLosses)
        try gate.replayJournalled(TradingStateRecord(state: .active, cause: .none))
        #expect(gate.state == .active)
        try gate.replayJournalled(TradingStateRecord(state: .reducing, cause: .none))
        #expect(gate.state == .reducing)
    }
}
