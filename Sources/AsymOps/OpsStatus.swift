public import AsymCore
public import AsymRisk

/// The live state of the engine, as `GET /status` serves it (JSON, snake_case keys) and the terminal status shows it.
///
/// Plain values only, filled by the ``OpsBackend`` from the engine's snapshots. Prices and sizes are exact decimal
/// strings at the instrument's scale; money and scores are numbers. Enumerations are their lower-case names
/// (`TradingState`, `DenialReason`, `MarketRegime`, `TradeDirection` descriptions).
public struct OpsStatus: Codable, Sendable, Equatable {
    /// `active`, `reducing` or `halted`.
    public var tradingState: String
    /// `paper`, `live`, `replay` or `backtest`.
    public var mode: String
    public var uptimeSeconds: Double
    public var venues: [VenueStatus]
    public var positions: [PositionStatus]
    /// Account equity at the last mark, quote currency.
    public var equity: Double
    /// Realised PnL since start (after fees) and unrealised PnL of open positions, quote currency.
    public var realisedPnl: Double
    public var unrealisedPnl: Double
    /// The most recent signals, newest first, each with the gate's verdict.
    public var latestSignals: [SignalStatus]
    /// The AI consensus bias per symbol.
    public var aiBias: [BiasStatus]
    public var latency: LatencyStatus

    public init(
        tradingState: TradingState, mode: String, uptimeSeconds: Double, venues: [VenueStatus] = [],
        positions: [PositionStatus] = [], equity: Double, realisedPnl: Double, unrealisedPnl: Double,
        latestSignals: [SignalStatus] = [], aiBias: [BiasStatus] = [], latency: LatencyStatus = LatencyStatus()
    ) {
        self.tradingState = tradingState.description
        self.mode = mode
        self.uptimeSeconds = uptimeSeconds
        self.venues = venues
        self.positions = positions
        self.equity = equity
        self.realisedPnl = realisedPnl
        self.unrealisedPnl = unrealisedPnl
        self.latestSignals = latestSignals
        self.aiBias = aiBias
        self.latency = latency
    }

    /// One venue: its feed rate and its books.
    public struct VenueStatus: Codable, Sendable, Equatable {
        public var venue: String
        /// Frames per second over the engine's last measurement window.
        public var framesPerSecond: Double
        public var books: [BookStatus]

        public init(venue: Venue, framesPerSecond: Double, books: [BookStatus]) {
            self.venue = venue.description
            self.framesPerSecond = framesPerSecond
            self.books = books
        }
    }

    /// One symbol's book top and what the features make of it.
    public struct BookStatus: Codable, Sendable, Equatable {
        public var symbol: String
        /// Best bid and ask price and size, exact decimals; nil while the book is empty or invalid.
        public var bestBid: String?
        public var bestBidSize: String?
        public var bestAsk: String?
        public var bestAskSize: String?
        /// The regime detector's verdict (`trending-up`, `ranging`, …); nil before it has enough data.
        public var regime: String?
        /// Spoof score and risk penalty, 0…1.
        public var spoofScore: Double
        public var riskPenalty: Double
        /// Seconds since the book's last update.
        public var ageSeconds: Double

        public init(
            symbol: String, bestBid: String?, bestBidSize: String?, bestAsk: String?, bestAskSize: String?,
            regime: MarketRegime?, spoofScore: Double, riskPenalty: Double, ageSeconds: Double
        ) {
            self.symbol = symbol
            self.bestBid = bestBid
            self.bestBidSize = bestBidSize
            self.bestAsk = bestAsk
            self.bestAskSize = bestAskSize
            self.regime = regime?.description
            self.spoofScore = spoofScore
            self.riskPenalty = riskPenalty
            self.ageSeconds = ageSeconds
        }
    }

    /// One open position.
    public struct PositionStatus: Codable, Sendable, Equatable {
        public var venue: String
        public var symbol: String
        /// Signed size in the base asset, exact decimal (`-0.002` is short).
        public var quantity: String
        /// Average entry price, exact decimal.
        public var entryPrice: String
        /// At the last mark, quote currency.
        public var unrealisedPnl: Double

        public init(venue: Venue, symbol: String, quantity: String, entryPrice: String, unrealisedPnl: Double) {
            self.venue = venue.description
            self.symbol = symbol
            self.quantity = quantity
            self.entryPrice = entryPrice
            self.unrealisedPnl = unrealisedPnl
        }
    }

    /// One signal and what the risk gate did with it.
    public struct SignalStatus: Codable, Sendable, Equatable {
        /// Exchange time of the frame that produced it, ns since the epoch.
        public var timeNanoseconds: Int64
        public var venue: String
        public var symbol: String
        /// `long` or `short`.
        public var direction: String
        public var confidence: Double
        /// `approved` or `denied`.
        public var verdict: String
        /// The `DenialReason` name when denied, nil when approved.
        public var denialReason: String?

        /// `denial` nil means approved.
        public init(
            timeNanoseconds: Int64, venue: Venue, symbol: String, direction: TradeDirection, confidence: Double,
            denial: DenialReason?
        ) {
            self.timeNanoseconds = timeNanoseconds
            self.venue = venue.description
            self.symbol = symbol
            self.direction = direction.description
            self.confidence = confidence
            self.verdict = denial == nil ? "approved" : "denied"
            self.denialReason = denial?.description
        }
    }

    /// The AI consensus bias for one symbol.
    public struct BiasStatus: Codable, Sendable, Equatable {
        public var symbol: String
        /// `long`, `short`, or nil when the analysts did not agree.
        public var direction: String?
        /// Consensus confidence, 0…1.
        public var confidence: Double
        /// Seconds since it was published.
        public var ageSeconds: Double
        /// Whether it has expired (the gate then treats it as absent).
        public var expired: Bool

        public init(symbol: String, direction: TradeDirection?, confidence: Double, ageSeconds: Double, expired: Bool) {
            self.symbol = symbol
            self.direction = direction?.description
            self.confidence = confidence
            self.ageSeconds = ageSeconds
            self.expired = expired
        }
    }

    /// Latency percentiles of the engine's timed paths.
    public struct LatencyStatus: Codable, Sendable, Equatable {
        /// Frame received → risk verdict.
        public var tickToDecision: Percentiles
        /// Ring pop → book and features updated.
        public var frameProcessing: Percentiles

        public init(tickToDecision: Percentiles = Percentiles(), frameProcessing: Percentiles = Percentiles()) {
            self.tickToDecision = tickToDecision
            self.frameProcessing = frameProcessing
        }
    }

    /// p50, p99 and p99.9 in nanoseconds, over `samples` measurements.
    public struct Percentiles: Codable, Sendable, Equatable {
        public var p50Nanoseconds: Int64
        public var p99Nanoseconds: Int64
        public var p999Nanoseconds: Int64
        public var samples: Int64

        public init(p50Nanoseconds: Int64 = 0, p99Nanoseconds: Int64 = 0, p999Nanoseconds: Int64 = 0, samples: Int64 = 0) {
            self.p50Nanoseconds = p50Nanoseconds
            self.p99Nanoseconds = p99Nanoseconds
            self.p999Nanoseconds = p999Nanoseconds
            self.samples = samples
        }
    }
}
