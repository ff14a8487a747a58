public import AsymConsensus
public import AsymExecution
public import AsymJournal
public import AsymRisk
public import AsymSignals

/// Everything a `TradingSession` needs besides the venue's processor and instruments.
public struct TradingSessionConfiguration: Sendable {
    /// Feature-engine parameters (one engine per instrument).
    public var features = BookFeatureConfiguration()
    /// Signal-engine parameters (one engine per instrument).
    public var signals = SignalConfiguration()
    /// The validated risk limits the gate enforces.
    public var riskLimits: ValidatedRiskLimits
    /// Starting paper balance, quote currency.
    public var startingEquity = 10_000.0
    /// Entries: `.market`, or `.limit` at the touch (ask for long, bid for short).
    public var entryOrderType = OrderType.market
    /// Exit rules of the `ExitManager`.
    public var exitRules = ExitRules()
    /// Paper-venue latency (constant, so a replay stays deterministic).
    public var latency = ConstantLatency.zero
    public var paperVenue = PaperVenueConfiguration()
    public var router = OrderRouterConfiguration()
    /// Client-id epoch of the router's id generator.
    public var clientOrderIDEpoch: UInt32 = 1
    /// The paper ledger is confirmed to the gate at least this often (engine clock, ns) while no order is open.
    public var positionSyncInterval: Int64 = 1_000_000_000
    /// Position snapshots (the equity curve) are journalled at least this often (engine clock, ns).
    public var equitySnapshotInterval: Int64 = 1_000_000_000
    /// With a journal, a checkpoint is written at least this often (engine clock, ns): how far back recovery
    /// restarts at most.
    public var checkpointInterval: Int64 = 1_000_000_000
    /// Also checkpoint at the end of every frame with a risk decision, an order event or a trading-state change,
    /// so a live restart has (almost) nothing to apply from the records after the checkpoint.
    public var checkpointOnExecution = true
    /// Tick-to-decision samples kept (preallocated).
    public var latencyCapacity = 1 << 16
    /// The AI consensus bias of each instrument (indexed by instrument id), read without waiting at every entry
    /// decision; empty ⇒ no consensus (the gate sees the bias as absent).
    public var advisoryBias: [AdvisoryBiasCell] = []
    /// The kill switch the gate watches (shared with whoever may pull it).
    public var killSwitch = KillSwitch()
    /// Where every risk decision, trading-state change and the limits' integrity hash are journalled
    /// (an opened, started journal the caller owns and closes); nil journals nothing.
    public var journal: Journal?

    /// A configuration with `riskLimits` and defaults for everything else.
    public init(riskLimits: ValidatedRiskLimits) {
        self.riskLimits = riskLimits
    }

    /// A configuration with the default risk limits.
    public init() throws(RiskLimitError) {
        riskLimits = try RiskLimits().validated()
    }
}
