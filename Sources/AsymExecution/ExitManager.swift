public import AsymCore
import AsymRisk

/// Watches open positions on every mid-price update and produces exit *intents* — never orders: each
/// goes through `RiskGate.check` like any other order, and exits pass even when the gate is REDUCING or
/// HALTED because they reduce exposure.
///
/// Rules (each in `ExitRules`, checked in this order, one intent per update): emergency stop, stop loss
/// (or break-even stop), time exit, trailing stop, partial take-profits, take profit. While an exit is in
/// flight no further exit is produced for that instrument; `positionChanged` or `exitNotTaken` re-arms it.
/// `evaluate` is O(1) per instrument (O(positions) over all) with no allocation.
public struct ExitManager: Sendable {
    public let rules: ExitRules
    var trackers: [ExitTracker]
    let maxHold: Int64
    let partialCount: Int
    /// Cumulative share closed after partial i, scaled by 10⁶ so the lot arithmetic stays integral.
    let cumulativeShares: [Int64]

    /// A manager for `instrumentCount` instruments.
    public init(rules: ExitRules = ExitRules(), instrumentCount: Int) {
        precondition(rules.partialProfitFractions.count == rules.partialShares.count, "one share per partial level")
        self.rules = rules
        trackers = Array(repeating: ExitTracker(), count: instrumentCount)
        maxHold = Int64(rules.maxHoldSeconds * 1e9)
        partialCount = rules.partialsEnabled ? rules.partialShares.count : 0
        var running = 0.0
        cumulativeShares = rules.partialShares.map { share in
            running += share
            return Int64((running * 1e6).rounded())
        }
    }

    /// Starts watching a position opened at `entryPrice` ticks with the entry's stop and target (0 ⇒
    /// derived from `ExitRules`).
    public mutating func positionOpened(_ instrument: InstrumentID, direction: TradeDirection, lots: Int64,
                                        entryPrice: Double, stopPrice: Int64 = 0, takeProfitPrice: Int64 = 0,
                                        at now: Int64) {
        let sign = direction == .long ? 1.0 : -1.0
        trackers[Int(instrument.rawValue)] = ExitTracker(
            active: true, direction: direction, entryPrice: entryPrice, openingLots: Int64(lots.magnitude), openedAt: now,
            stopPrice: stopPrice > 0 ? Double(stopPrice) : entryPrice * (1 - sign * rules.stopLossFraction),
            takeProfitPrice: takeProfitPrice > 0 ? Double(takeProfitPrice) : entryPrice * (1 + sign * rules.takeProfitFraction))
    }

    /// The position changed (a fill): stops watching when flat, starts when newly open (stops from the
    /// rules), and re-arms exits. Adding to a position moves the entry; the opening size for partials grows.
    public mutating func positionChanged(_ position: Position) {
        let index = Int(position.instrument.rawValue)
        guard let direction = position.direction else {
            trackers[index] = ExitTracker()
            return
        }
        if !trackers[index].active || trackers[index].direction != direction {
            positionOpened(position.instrument, direction: direction, lots: position.lots,
                           entryPrice: position.averageEntryPrice, at: position.openedAt)
            return
        }
        let size = Int64(position.lots.magnitude)
        if trackers[index].partialsTaken == 0 && size > trackers[index].openingLots { trackers[index].openingLots = size }
        trackers[index].entryPrice = position.averageEntryPrice
        trackers[index].exitInFlight = false
        trackers[index].inFlightWasPartial = false
    }

    /// The last exit was denied by the gate or ended without a fill: it may be produced again.
    public mutating func exitNotTaken(_ instrument: InstrumentID) {
        let index = Int(instrument.rawValue)
        guard trackers[index].exitInFlight else { return }
        if trackers[index].inFlightWasPartial { trackers[index].partialsTaken -= 1 }
        trackers[index].exitInFlight = false
        trackers[index].inFlightWasPartial = false
    }

    /// The stop in force for `instrument` (ticks; the entry after break-even), nil when not watching.
    public func stopPrice(_ instrument: InstrumentID) -> Double? {
        let tracker = trackers[Int(instrument.rawValue)]
        return tracker.active ? tracker.stopPrice : nil
    }

    /// Whether the trailing stop of `instrument` is armed.
    public func trailingArmed(_ instrument: InstrumentID) -> Bool { trackers[Int(instrument.rawValue)].trailingArmed }

    /// Checks `instrument` at a new touch; returns the exit to send through the gate, if any.
    public mutating func evaluate(_ instrument: InstrumentID, bestBid: Int64, bestAsk: Int64, now: Int64) -> ExitDecision? {
        let index = Int(instrument.rawValue)
        var tracker = trackers[index]
        guard tracker.active, !tracker.exitInFlight, tracker.entryPrice > 0 else { return nil }
        let mid = Double(bestBid &+ bestAsk) * 0.5
        let long = tracker.direction == .long
        let profit = (long ? mid - tracker.entryPrice : tracker.entryPrice - mid) / tracker.entryPrice
        tracker.peakProfit = max(tracker.peakProfit, profit)
        if rules.trailingEnabled && tracker.peakProfit >= rules.trailingActivationFraction { tracker.trailingArmed = true }
        if rules.breakEvenEnabled && !tracker.stopAtBreakEven && profit >= rules.breakEvenTriggerFraction {
            tracker.stopAtBreakEven = true
            tracker.stopPrice = long ? max(tracker.stopPrice, tracker.entryPrice) : min(tracker.stopPrice, tracker.entryPrice)
        }

        var reason: ExitReason?
        var lots: Int64 = 0
        if rules.emergencyStopEnabled && profit <= -rules.emergencyStopFraction {
            reason = .emergencyStop
        } else if rules.stopLossEnabled && (long ? mid <= tracker.stopPrice : mid >= tracker.stopPrice) {
            reason = tracker.stopAtBreakEven ? .breakEvenStop : .stopLoss
        } else if rules.timeExitEnabled && now &- tracker.openedAt >= maxHold {
            reason = .timeExit
        } else if tracker.trailingArmed && profit <= tracker.peakProfit * (1 - rules.trailingGivebackFraction) {
            reason = .trailingStop
        } else if tracker.partialsTaken < partialCount && profit >= rules.partialProfitFractions[tracker.partialsTaken] {
            let stage = tracker.partialsTaken
            reason = stage == 0 ? .partialTakeProfit1 : (stage == 1 ? .partialTakeProfit2 : .partialTakeProfit3)
            if stage < partialCount - 1 {
                let before = stage == 0 ? 0 : tracker.openingLots * cumulativeShares[stage - 1] / 1_000_000
                lots = max(1, tracker.openingLots * cumulativeShares[stage] / 1_000_000 - before)
            }
            tracker.partialsTaken += 1
            tracker.inFlightWasPartial = true
        } else if rules.takeProfitEnabled && (long ? mid >= tracker.takeProfitPrice : mid <= tracker.takeProfitPrice) {
            reason = .takeProfit
        }
        guard let reason else {
            trackers[index] = tracker
            return nil
        }
        tracker.exitInFlight = true
        trackers[index] = tracker
        let intent = OrderIntent(
            instrument: instrument, kind: .exit, direction: tracker.direction, orderType: .market,
            price: Int64(mid.rounded()), requestedLots: lots, signalCreatedAt: now, confidence: 1,
            bookUpdatedAt: now, bestBid: bestBid, bestAsk: bestAsk)
        return ExitDecision(intent: intent, reason: reason)
    }
}
