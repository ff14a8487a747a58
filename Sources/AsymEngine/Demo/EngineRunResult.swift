public import AsymCore
public import AsymRisk

/// What a run (`asym demo`, `asym run`) did, summed over venues: the `--json` object.
public struct EngineRunResult: Sendable {
    public var frames: Int64 = 0
    public var venues: [Venue] = []
    public var signals: Int64 = 0
    public var approved: Int64 = 0
    public var denied: [DenialReason: Int64] = [:]
    public var orders: Int64 = 0
    public var fills: Int64 = 0
    /// Realised PnL after fees plus unrealised at the last marks, quote; the worst peak-to-trough fall of any
    /// venue's equity, as a fraction.
    public var pnl = 0.0
    public var maxDrawdown = 0.0
    public var latency = LatencyHistogram()
    /// Allocations of the engine thread's frame path after each lane's warm-up, summed over venues, and the frames
    /// they were counted over (nil: the binary cannot count allocations).
    public var framePathAllocations: Int64?
    public var framePathFrames: Int64 = 0
    /// Allocations of the status snapshots the engine thread published between frames after the first
    /// `EngineStatus.sizingPublishes`, and how many it published in all.
    public var statusPublishAllocations: Int64?
    public var statusPublishes: Int64 = 0
    public var journalDirectory = ""
    public var database = ""
    /// The SQLite databases written (one per venue).
    public var databases: [String] = []
    public var report = ""
    /// The ops server's address while the run lasted ("" when none ran).
    public var opsURL = ""
    /// AI consensus rounds and published biases.
    public var aiRounds = 0
    public var aiBiasesPublished = 0
    /// Per-venue summaries, for the report and the text summary.
    public var summaries: [(venue: Venue, summary: TradingSessionSummary)] = []
    /// Equity samples (seconds since start, total equity) taken while running.
    public var equityCurve: [(seconds: Double, equity: Double)] = []
    public var startingEquity = 0.0

    public init() {}

    /// The one-line JSON object `--json` prints last.
    public var json: String {
        let denials = denied.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\(JSONText.quoted($0.key.description)):\($0.value)" }.joined(separator: ",")
        let percentiles = latency.percentiles
        return "{\"frames\":\(frames),\"venues\":[\(venues.map { JSONText.quoted($0.description) }.joined(separator: ","))],"
            + "\"signals\":\(signals),\"approved\":\(approved),\"denied\":{\(denials)},\"orders\":\(orders),"
            + "\"fills\":\(fills),\"pnl\":\(JSONText.number(pnl)),\"max_drawdown\":\(JSONText.number(maxDrawdown)),"
            + "\"latency_ns\":{\"p50\":\(percentiles.p50),\"p99\":\(percentiles.p99),\"p999\":\(percentiles.p999)},"
            + "\"frame_path_allocations\":\(framePathAllocations.map(String.init) ?? "null"),"
            + "\"frame_path_frames\":\(framePathFrames),"
            + "\"status_publish_allocations\":\(statusPublishAllocations.map(String.init) ?? "null"),"
            + "\"status_publishes\":\(statusPublishes),"
            + "\"journal_dir\":\(JSONText.quoted(journalDirectory)),\"db\":\(JSONText.quoted(database)),"
            + "\"report\":\(JSONText.quoted(report))}"
    }

    /// Takes the frame path's allocation counts from the final status.
    public mutating func addAllocations(of status: EngineStatus) {
        framePathFrames = status.venues.reduce(0) { $0 + $1.framePathFramesCounted }
        let counts = status.venues.map(\.framePathAllocations)
        framePathAllocations = counts.contains { $0 == nil } ? nil : counts.reduce(0) { $0 + ($1 ?? 0) }
        statusPublishAllocations = status.statusPublishAllocations
        statusPublishes = status.statusPublishes
    }

    /// Adds one venue's final summary.
    public mutating func add(_ venue: Venue, _ summary: TradingSessionSummary, startingEquity: Double) {
        venues.append(venue)
        summaries.append((venue, summary))
        frames += summary.frames
        signals += summary.signals
        approved += summary.approved
        for reason in DenialReason.allCases where summary.denials(reason) > 0 {
            denied[reason, default: 0] += summary.denials(reason)
        }
        orders += summary.orders
        fills += summary.fills
        pnl += summary.equity - startingEquity
        maxDrawdown = max(maxDrawdown, summary.maxDrawdown)
        self.startingEquity += startingEquity
    }
}
