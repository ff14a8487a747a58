public import AsymCore

/// Every counter of a `RiskGate` at one moment: what recovery restores so a restarted engine keeps its daily
/// loss, trade counts, cooldowns, loss streak, drawdown peak and trading state.
///
/// It holds counters only. The limits are the gate's own (`RiskGate.limits`, a `let`), venue leverage is read
/// back from the venue at start, and nothing here can make an `ApprovedOrder`. Written by
/// `RiskGate.writeCheckpoint(into:)`, read by `init(from:)`; instruments and venues in the gate's order.
public struct RiskGateCheckpoint: Sendable, Equatable {
    /// Layout version of the words.
    public static let formatVersion: UInt64 = 1

    /// `ValidatedRiskLimits.integrityHash` of the limits the counters were made under.
    public var limitsIntegrityHash: UInt64
    public var state: TradingState
    public var haltCause: HaltCause
    public var cancelAllRequested: Bool
    public var equity: Double
    public var peakEquity: Double
    public var startOfDayEquity: Double
    /// Start of the UTC day the daily-loss base belongs to (ns).
    public var dayStart: Int64
    /// Per instrument.
    public var positionLots: [Int64]
    public var positionMargin: [Double]
    public var reservedMargin: [Double]
    public var confirmedAt: [Int64]
    public var lastEntryAt: [Int64]
    public var lastExitAt: [Int64]
    public var lastExitDirection: [TradeDirection]
    /// Per instrument and direction (index `2 × id + direction`).
    public var lastSignalAt: [Int64]
    public var marginInUse: Double
    public var openPositions: Int
    /// Entry times still in the hourly/daily window, oldest first.
    public var entryTimes: [Int64]
    public var lossCooldownUntil: Int64
    public var consecutiveLosses: Int
    public var consecutiveLossCooldownUntil: Int64
    public var consecutiveRejects: Int
    /// Reject times still in the reject-storm window, oldest first.
    public var rejectTimes: [Int64]
    /// Order throttle per venue: tokens banked and when they were last refilled.
    public var throttleTokens: [Double]
    public var throttleRefilledAt: [Int64]
    public var wins: Int
    public var losses: Int
    public var winTotal: Double
    public var lossTotal: Double
    /// Decisions made (the sequence `ApprovedOrder.decision` continues from) and approvals.
    public var decisions: UInt64
    public var approvals: Int
    /// Denials by `DenialReason.rawValue`.
    public var denialCounts: [Int]
    public var lastDecision: RiskDecisionRecord

    /// Most instruments, venues, window times or denial reasons a checkpoint may hold (damage guard).
    static let maximumCount = 1 << 20

    /// Reads what `RiskGate.writeCheckpoint(into:)` wrote.
    public init(from reader: inout CheckpointReader) throws(CheckpointError) {
        let version = try reader.readUInt64()
        guard version == Self.formatVersion else {
            throw .shapeMismatch(what: "risk gate checkpoint version", expected: Int(Self.formatVersion), found: Int(version))
        }
        limitsIntegrityHash = try reader.readUInt64()
        state = try reader.read(TradingState.self)
        haltCause = try reader.read(HaltCause.self)
        cancelAllRequested = try reader.readBool()
        equity = try reader.readDouble()
        peakEquity = try reader.readDouble()
        startOfDayEquity = try reader.readDouble()
        dayStart = try reader.readInt64()
        let count = try reader.readCount(maximum: Self.maximumCount)
        positionLots = []
        positionMargin = []
        reservedMargin = []
        confirmedAt = []
        lastEntryAt = []
        lastExitAt = []
        lastExitDirection = []
        lastSignalAt = []
        for _ in 0..<count {
            positionLots.append(try reader.readInt64())
            positionMargin.append(try reader.readDouble())
            reservedMargin.append(try reader.readDouble())
            confirmedAt.append(try reader.readInt64())
            lastEntryAt.append(try reader.readInt64())
            lastExitAt.append(try reader.readInt64())
            lastExitDirection.append(try reader.read(TradeDirection.self))
            lastSignalAt.append(try reader.readInt64())
            lastSignalAt.append(try reader.readInt64())
        }
        marginInUse = try reader.readDouble()
        openPositions = try reader.readInt()
        entryTimes = try Self.readTimes(&reader)
        lossCooldownUntil = try reader.readInt64()
        consecutiveLosses = try reader.readInt()
        consecutiveLossCooldownUntil = try reader.readInt64()
        consecutiveRejects = try reader.readInt()
        rejectTimes = try Self.readTimes(&reader)
        let venues = try reader.readCount(maximum: Self.maximumCount)
        throttleTokens = []
        throttleRefilledAt = []
        for _ in 0..<venues {
            throttleTokens.append(try reader.readDouble())
            throttleRefilledAt.append(try reader.readInt64())
        }
        wins = try reader.readInt()
        losses = try reader.readInt()
        winTotal = try reader.readDouble()
        lossTotal = try reader.readDouble()
        decisions = try reader.readUInt64()
        approvals = try reader.readInt()
        let reasons = try reader.readCount(maximum: Self.maximumCount)
        denialCounts = []
        for _ in 0..<reasons { denialCounts.append(try reader.readInt()) }
        lastDecision = RiskDecisionRecord(
            decision: try reader.readUInt64(), time: try reader.readInt64(), instrument: try reader.readInstrumentID(),
            kind: try reader.read(IntentKind.self), direction: try reader.read(TradeDirection.self),
            reason: UInt8(truncatingIfNeeded: try reader.readUInt64()), lots: try reader.readInt64(),
            equity: try reader.readDouble(), marginInUse: try reader.readDouble(), confidence: try reader.readDouble(),
            spoofScore: try reader.readDouble(), riskPenalty: try reader.readDouble())
    }

    static func readTimes(_ reader: inout CheckpointReader) throws(CheckpointError) -> [Int64] {
        let count = try reader.readCount(maximum: maximumCount)
        var times: [Int64] = []
        times.reserveCapacity(count)
        for _ in 0..<count {
            let time = try reader.readInt64()
            // The windows answer "N since T" from the N-th newest time alone, which needs them in order.
            if let last = times.last, time < last { throw .invalidValue(at: reader.position - 1) }
            times.append(time)
        }
        return times
    }

    /// Denials of `reason`.
    public func denials(_ reason: DenialReason) -> Int {
        let index = Int(reason.rawValue)
        return index < denialCounts.count ? denialCounts[index] : 0
    }
}
