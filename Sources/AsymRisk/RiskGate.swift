import AsymCore

/// The pre-trade risk gate: the only maker of `ApprovedOrder`, so every order passes it.
///
/// `check` runs every limit in code, cheapest and most decisive first, and returns a verdict with an
/// enum reason; it never allocates. Sizing is a fraction of current equity (never a fixed amount),
/// so sizes shrink as the account shrinks, and a size below the venue minimum is denied, never
/// rounded up. Exits and cancels reduce exposure and pass in REDUCING and HALTED.
/// Model: nautilus_trader's `RiskEngine` (trading states, machine-readable denials), without its
/// allocating denial strings. One engine thread owns a gate; only `KillSwitch` is shared.
public final class RiskGate {
    /// The limits in force.
    public let limits: RiskLimits
    /// `ValidatedRiskLimits.integrityHashText` of `limits`, journalled at start.
    public let limitsHash: String
    /// `ValidatedRiskLimits.integrityHash` of `limits` (checkpoints carry it).
    public let limitsIntegrityHash: UInt64
    /// Instruments by `InstrumentID`.
    public let instruments: [RiskInstrument]
    /// Time limits converted once to nanoseconds, so checks compare integers.
    let thresholds: RiskThresholds
    /// `instruments` as plain numbers, read on every check.
    let rules: [RiskRules]
    /// Pulled from other threads; checked on every decision.
    public let killSwitch: KillSwitch

    // `@exclusivity(unchecked)`: the engine thread is the only accessor of everything below.
    @exclusivity(unchecked) public internal(set) var state = TradingState.active
    @exclusivity(unchecked) public internal(set) var haltCause = HaltCause.none
    /// Set when the kill switch fires; the router cancels all resting orders and clears it.
    ///
    /// Inlinable accessors over unchecked storage, because `@exclusivity(unchecked)` does not cross a module
    /// boundary: the engine reads this on every frame, and a stored public property would cost it a dynamic
    /// exclusivity check each time.
    @inlinable public var cancelAllRequested: Bool {
        get { storedCancelAllRequested }
        set { storedCancelAllRequested = newValue }
    }
    @usableFromInline @exclusivity(unchecked) var storedCancelAllRequested = false

    @exclusivity(unchecked) public internal(set) var equity: Double
    @exclusivity(unchecked) public internal(set) var peakEquity: Double
    @exclusivity(unchecked) public internal(set) var startOfDayEquity: Double
    @exclusivity(unchecked) var dayStart: Int64

    // Per instrument.
    @exclusivity(unchecked) public internal(set) var positionLots: [Int64]
    @exclusivity(unchecked) var positionMargin: [Double]
    @exclusivity(unchecked) var reservedMargin: [Double]
    @exclusivity(unchecked) var confirmedAt: [Int64]
    @exclusivity(unchecked) var venueLeverage: [Int]
    @exclusivity(unchecked) var lastEntryAt: [Int64]
    @exclusivity(unchecked) var lastExitAt: [Int64]
    @exclusivity(unchecked) var lastExitDirection: [TradeDirection]
    /// Last entry signal per instrument and direction (index `2 × id + direction`).
    @exclusivity(unchecked) var lastSignalAt: [Int64]

    // Account-wide.
    @exclusivity(unchecked) public internal(set) var marginInUse = 0.0
    @exclusivity(unchecked) var openPositions = 0
    @exclusivity(unchecked) var entries: TimestampWindow
    @exclusivity(unchecked) var lossCooldownUntil: Int64 = .min
    @exclusivity(unchecked) public internal(set) var consecutiveLosses = 0
    @exclusivity(unchecked) var consecutiveLossCooldownUntil: Int64 = .min
    @exclusivity(unchecked) var consecutiveRejects = 0
    @exclusivity(unchecked) var rejects: TimestampWindow
    @exclusivity(unchecked) var throttles: [TokenBucket]
    @exclusivity(unchecked) var wins = 0
    @exclusivity(unchecked) var losses = 0
    @exclusivity(unchecked) var winTotal = 0.0
    @exclusivity(unchecked) var lossTotal = 0.0

    @exclusivity(unchecked) var decisions: UInt64 = 0
    /// `decisions` when the last restore or replay ended: while they are equal no check has run since, so
    /// recovery may still write counters; after the first check it may not (restore is not a reset button).
    @exclusivity(unchecked) var decisionsAtRecovery: UInt64 = 0
    /// Denials by `DenialReason.rawValue`, for the metrics.
    @exclusivity(unchecked) public internal(set) var denialCounts: [Int]
    @exclusivity(unchecked) public internal(set) var approvals = 0
    /// The last decision as a journal record; the engine enqueues it after each `check`.
    @exclusivity(unchecked) public internal(set) var lastDecision = RiskDecisionRecord()

    static let nanosecondsPerSecond: Int64 = 1_000_000_000
    static let nanosecondsPerDay: Int64 = 86_400 * nanosecondsPerSecond

    /// A gate over `instruments` with validated limits, starting with `equity` at `now`.
    public init(limits: ValidatedRiskLimits, instruments: [RiskInstrument], equity: Double, now: Int64,
                killSwitch: KillSwitch = KillSwitch()) {
        self.limits = limits.limits
        limitsHash = limits.integrityHashText
        limitsIntegrityHash = limits.integrityHash
        self.instruments = instruments
        rules = instruments.map(\.rules)
        thresholds = RiskThresholds(limits.limits)
        self.killSwitch = killSwitch
        self.equity = equity
        peakEquity = equity
        startOfDayEquity = equity
        dayStart = now - now % Self.nanosecondsPerDay
        let count = instruments.count
        positionLots = Array(repeating: 0, count: count)
        positionMargin = Array(repeating: 0, count: count)
        reservedMargin = Array(repeating: 0, count: count)
        confirmedAt = Array(repeating: now, count: count)
        venueLeverage = Array(repeating: 0, count: count)
        lastEntryAt = Array(repeating: .min / 2, count: count)
        lastExitAt = Array(repeating: .min / 2, count: count)
        lastExitDirection = Array(repeating: .long, count: count)
        lastSignalAt = Array(repeating: .min / 2, count: 2 * count)
        entries = TimestampWindow(capacity: max(limits.limits.maxEntriesPerDay, limits.limits.maxEntriesPerHour) + 1)
        rejects = TimestampWindow(capacity: limits.limits.maxRejectsPerMinute + 1)
        throttles = Array(repeating: TokenBucket(ratePerSecond: limits.limits.ordersPerSecond,
                                                 burst: limits.limits.orderBurst, now: now), count: Venue.allCases.count)
        denialCounts = Array(repeating: 0, count: Int(DenialReason.allCases.map(\.rawValue).max()!) + 1)
    }

    /// Judges `intent` at `now` (ns). Never allocates.

    public func check(_ intent: OrderIntent, now: Int64) -> RiskVerdict {
        decisions &+= 1
        if now &- dayStart >= Self.nanosecondsPerDay { rollDay(now) }
        if killSwitch.isEngaged && haltCause != .killSwitch { engageKillSwitch() }
        let verdict: RiskVerdict
        switch intent.kind {
        case .entry: verdict = checkEntry(intent, now: now)
        case .exit: verdict = checkExit(intent, now: now)
        case .cancel: verdict = approve(intent, lots: 0, leverage: 0, now: now)
        }
        record(verdict, intent, now: now)
        return verdict
    }

    // MARK: - Exits

    func checkExit(_ intent: OrderIntent, now: Int64) -> RiskVerdict {
        let index = Int(intent.instrument.rawValue)
        let position = positionLots[index]
        // An exit closes a position of the intent's direction; nothing of that direction, nothing to reduce.
        guard position != 0, (position > 0) == (intent.direction == .long) else { return deny(.nothingToReduce) }
        let held = position.magnitude
        let lots = intent.requestedLots > 0 ? min(UInt64(intent.requestedLots), held) : held
        let rules = self.rules[index]
        // A partial exit below the venue minimum is refused; closing dust smaller than it is allowed.
        if lots < UInt64(rules.minimumLots) && lots < held { return deny(.sizeBelowVenueMinimum) }
        guard throttles[rules.venueIndex].take(now: now) else { return deny(.orderThrottle) }
        return approve(intent, lots: Int64(lots), leverage: venueLeverage[index], now: now)
    }

    // MARK: - Outcome

    func deny(_ reason: DenialReason) -> RiskVerdict {
        denialCounts[Int(reason.rawValue)] &+= 1
        return .denied(reason)
    }

    func approve(_ intent: OrderIntent, lots: Int64, leverage: Int, now: Int64) -> RiskVerdict {
        approvals &+= 1
        let buying = (intent.kind == .entry) == (intent.direction == .long)
        return .approved(ApprovedOrder(
            instrument: intent.instrument, kind: intent.kind, side: buying ? .buy : .sell, orderType: intent.orderType,
            price: intent.price, lots: lots, stopPrice: intent.stopPrice, takeProfitPrice: intent.takeProfitPrice,
            reduceOnly: intent.kind != .entry, cancelOrderID: intent.cancelOrderID, leverage: leverage,
            approvedAt: now, decision: decisions))
    }

    func record(_ verdict: RiskVerdict, _ intent: OrderIntent, now: Int64) {
        var lots: Int64 = 0
        var reason: UInt8 = 0
        switch verdict {
        case .approved(let order): lots = order.lots
        case .denied(let denial): reason = denial.rawValue
        }
        lastDecision = RiskDecisionRecord(
            decision: decisions, time: now, instrument: intent.instrument, kind: intent.kind, direction: intent.direction,
            reason: reason, lots: lots, equity: equity, marginInUse: marginInUse, confidence: intent.confidence,
            spoofScore: intent.spoofScore, riskPenalty: intent.riskPenalty)
    }

    /// Denials of `reason` so far.
    public func denials(_ reason: DenialReason) -> Int { denialCounts[Int(reason.rawValue)] }
}
