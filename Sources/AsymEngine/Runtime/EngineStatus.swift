public import AsymCore
public import AsymRisk

/// A running engine as one value: what the live status screen, `GET /status` and `/metrics` show. Published by
/// the engine thread every `EngineConfiguration.statusInterval` (between frames, never per frame); readers get
/// the latest copy.
public struct EngineStatus: Sendable {
    /// When the engine thread published it (wall clock, ns) and how long the engine has run, ns.
    public var publishedAt: Int64 = 0
    public var uptime: Int64 = 0
    public var venues: [VenueStatus] = []
    /// Tick-to-decision latency of all venues together, and whole-frame processing time.
    public var latency = LatencyHistogram()
    public var frameLatency = LatencyHistogram()
    public var killSwitchEngaged = false
    /// Why the engine cannot go on, if a lane failed.
    public var failure: String?
    /// Allocations the engine thread made building and publishing the status snapshots before this one (between
    /// frames, outside the frame path), after the first `sizingPublishes`; nil when the binary cannot count.
    public var statusPublishAllocations: Int64?
    /// Snapshots published before this one.
    public var statusPublishes: Int64 = 0
    /// The publishes that size the two snapshots the engine thread alternates between (their arrays), whose
    /// allocations `statusPublishAllocations` leaves out.
    public static let sizingPublishes: Int64 = 2

    public init() {}

    /// Sum over venues of `value`.
    public func total(_ value: (VenueStatus) -> Int64) -> Int64 { venues.reduce(0) { $0 + value($1) } }

    /// A copy whose arrays all have storage of their own: what a reader gets, so the snapshot the engine thread
    /// rewrites in place is never shared with one and the rewrite never has to copy (allocate) first.
    public func detached() -> EngineStatus {
        var copy = self
        copy.venues = venues.map { $0.detached() }
        copy.latency = latency.detached()
        copy.frameLatency = frameLatency.detached()
        return copy
    }
}

/// One venue's feed, books and trading in an `EngineStatus`.
public struct VenueStatus: Sendable {
    public var venue: Venue
    /// Feed: connected, frames received by the feed thread and processed by the engine thread, and trouble.
    public var connected = false
    public var framesReceived: Int64 = 0
    public var framesProcessed: Int64 = 0
    public var decodeErrors: Int64 = 0
    public var gaps: Int64 = 0
    public var resyncs: Int64 = 0
    public var ringDrops: Int64 = 0
    public var reconnects: Int64 = 0
    public var instruments: [InstrumentStatus] = []
    /// Trading: the session's counters.
    public var summary = TradingSessionSummary()
    public var tradingState = "active"
    public var recentDecisions: [DecisionStatus] = []
    /// Journal: last enqueued and last durable sequence (their difference is the journal lag).
    public var journalSequence: UInt64 = 0
    public var journalDurableSequence: UInt64 = 0
    public var latency = LatencyHistogram()
    public var frameLatency = LatencyHistogram()
    /// Allocations the engine thread made processing frames (ring pop through journal enqueue) after the lane's
    /// warm-up, over `framePathFramesCounted` frames; nil when the binary cannot count allocations.
    public var framePathAllocations: Int64?
    public var framePathFramesCounted: Int64 = 0

    public init(venue: Venue) { self.venue = venue }

    /// A copy whose arrays all have storage of their own (`EngineStatus.detached()`).
    public func detached() -> VenueStatus {
        var copy = self
        copy.instruments = instruments.map { $0 }
        copy.recentDecisions = recentDecisions.map { $0 }
        copy.latency = latency.detached()
        copy.frameLatency = frameLatency.detached()
        return copy
    }
}

/// One instrument's book, market state and position.
public struct InstrumentStatus: Sendable {
    public var symbol: String
    /// Best bid and ask as decimal text ("" when the side is empty).
    public var bestBid = ""
    public var bestAsk = ""
    public var bookUsable = false
    /// Engine clock − last book update, ns.
    public var bookAge: Int64 = 0
    public var regime: MarketRegime?
    public var spoofScore = 0.0
    public var riskPenalty = 0.0
    public var imbalance = 0.0
    /// Signed position size as decimal text, average entry in ticks as a decimal price, unrealised PnL (quote).
    public var position = "0"
    public var averageEntry = ""
    public var unrealizedPnL = 0.0
    /// The advisory bias the engine saw (nil when absent or expired).
    public var advisory: AdvisoryView?

    public init(symbol: String) { self.symbol = symbol }
}

/// One risk decision, ready to show.
public struct DecisionStatus: Sendable {
    public var time: Int64
    public var symbol: String
    public var entry: Bool
    public var direction: TradeDirection
    public var confidence: Double
    /// Why it was denied; nil when approved.
    public var denial: DenialReason?

    /// "approved", or the denial reason's name.
    public var verdict: String { denial?.description ?? "approved" }
}
