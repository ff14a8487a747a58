public import AsymExecution
public import AsymRisk

/// What a `TradingSession` counted: plain numbers.
public struct TradingSessionSummary: Sendable, Equatable {
    /// Records the journal could not take (each halted trading).
    public var journalFailures = 0
    /// Frames processed, book updates (of any instrument), public trades fed.
    public var frames: Int64 = 0
    public var bookUpdates: Int64 = 0
    public var trades: Int64 = 0
    /// Long or short signals the signal engines emitted (each became one entry intent).
    public var signals: Int64 = 0
    /// Entry intents the gate approved.
    public var approved: Int64 = 0
    /// Entry intents the gate denied, indexed by `DenialReason.rawValue`.
    public var denied = DenialCounts()
    /// Exit intents from the `ExitManager`, and the gate's verdicts on them.
    public var exitIntents: Int64 = 0
    public var exitsApproved: Int64 = 0
    public var exitsDenied: Int64 = 0
    /// Orders sent to the router (entries and exits, every one an `ApprovedOrder`), and approvals it refused.
    public var orders: Int64 = 0
    public var entryOrders: Int64 = 0
    public var submitErrors: Int64 = 0
    /// Fill events applied to positions, and venue rejects.
    public var fills: Int64 = 0
    public var rejects: Int64 = 0
    /// Kill-switch cancel-alls sent.
    public var cancelAlls: Int64 = 0
    /// Wallet balance − starting balance (realised PnL after fees), quote.
    public var realisedPnL = 0.0
    /// Equity at the last mark, quote, and the largest peak-to-trough fall of equity, as a fraction of the peak.
    public var equity = 0.0
    public var maxDrawdown = 0.0
    /// Tick-to-decision latency (frame start → gate verdict) of the intents that reached the gate, ns; wall-clock
    /// measurements, so not deterministic (see `ignoringLatency`).
    public var decisionLatency = LatencyPercentiles(p50: 0, p99: 0, p999: 0, max: 0)
    public var decisionLatencySamples: Int64 = 0
    /// Frames already consumed when this process started (0: from the start of the source), and the records
    /// a resumed replay produced again that the journal already held.
    public var resumedFromFrame: Int64 = 0
    public var regeneratedRecords: Int64 = 0
    /// Every instrument's position and the account at the end (snapshot time 0), in instrument order.
    public var positions: [PositionSnapshot] = []
    /// The risk gate's counters at the end.
    public var risk: RiskGateCheckpoint?
    /// The last client order id issued.
    public var lastClientOrderID: ClientOrderID?

    public init() {}

    /// Entry intents denied, all reasons.
    public var deniedTotal: Int64 { denied.total }

    /// Denials of `reason`.
    public func denials(_ reason: DenialReason) -> Int64 { denied[Int(reason.rawValue)] }

    /// The summary with the (wall-clock) latency fields zeroed, for determinism comparisons.
    public var ignoringLatency: TradingSessionSummary {
        var copy = self
        copy.decisionLatency = LatencyPercentiles(p50: 0, p99: 0, p999: 0, max: 0)
        return copy
    }

    /// The summary without the latency fields and without what depends on where this process started: what
    /// an interrupted and resumed run must share with an uninterrupted one.
    public var ignoringRecovery: TradingSessionSummary {
        var copy = ignoringLatency
        copy.resumedFromFrame = 0
        copy.regeneratedRecords = 0
        return copy
    }
}
