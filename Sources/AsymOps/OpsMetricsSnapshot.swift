public import AsymRisk

/// Everything `GET /metrics` exposes, read from the engine in one go: plain values, no references into the engine.
///
/// Counters (`…Total`) only ever grow while the engine runs; Prometheus computes rates from them (frames per second
/// is `rate(asym_feed_frames_total[1m])`). Negative counter values are exported as 0. Money is in the quote currency
/// of the account (USDT for the supported perpetuals), positions in the base asset.
public struct OpsMetricsSnapshot: Sendable, Equatable {
    /// Seconds since the engine started.
    public var uptimeSeconds: Double = 0
    /// The running asym version (exported as a label of `asym_build_info`); empty leaves that metric out.
    public var version: String = ""

    // MARK: Feed

    /// One entry per connected venue.
    public var feeds: [OpsFeedMetrics] = []

    // MARK: Trading

    /// Long or short signals the strategies emitted.
    public var signalsTotal: Int64 = 0
    /// Entry intents the risk gate approved.
    public var approvalsTotal: Int64 = 0
    /// Entry intents the risk gate denied, by reason; reasons missing here are exported as 0, so every reason's
    /// series exists from the first scrape and `rate()` sees its first denial.
    public var denialsTotal: [DenialReason: Int64] = [:]
    /// Orders sent to the router (entries and exits).
    public var ordersTotal: Int64 = 0
    /// Fills applied to positions.
    public var fillsTotal: Int64 = 0
    /// Orders the venue rejected.
    public var rejectsTotal: Int64 = 0
    /// Open positions (flat symbols may be left out or given as 0).
    public var positions: [OpsPositionMetric] = []
    /// Account equity at the last mark, quote currency.
    public var equityQuote: Double = 0
    /// Realised PnL since start, after fees, quote currency.
    public var realisedPnlQuote: Double = 0
    /// Unrealised PnL of the open positions at the last mark, quote currency.
    public var unrealisedPnlQuote: Double = 0
    /// What the gate currently lets through.
    public var tradingState: TradingState = .active

    // MARK: Timing

    /// Tick to decision: frame received → risk verdict.
    public var tickToDecision: OpsHistogram = .empty
    /// Frame processing on the engine thread: ring pop → book updated (and features, when the frame changed a book).
    public var frameProcessing: OpsHistogram = .empty

    // MARK: Journal

    /// Records the engine handed to the journal.
    public var journalEnqueuedRecordsTotal: Int64 = 0
    /// Sequence number of the last record known durable (fsynced).
    public var journalDurableSequence: Int64 = 0
    /// Records enqueued but not yet durable (never negative).
    public var journalLagRecords: Int64 { max(0, journalEnqueuedRecordsTotal - journalDurableSequence) }

    // MARK: AI consensus

    /// Consensus rounds completed.
    public var aiRoundsTotal: Int64 = 0
    /// Rounds in which each analyst model abstained (timeout, refusal, unparsable answer).
    public var aiAbstentions: [OpsModelCount] = []
    /// The advisory bias currently published, per symbol.
    public var aiBias: [OpsBiasMetric] = []

    public init() {}
}
