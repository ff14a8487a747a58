public import AsymCore

/// What kind of order an intent is; exits and cancels reduce exposure and pass in REDUCING and HALTED.
public enum IntentKind: UInt8, Sendable, BitwiseCopyable {
    /// Opens or adds to a position.
    case entry
    /// Closes all or part of a position (stop, take-profit, trailing, time or emergency exit).
    case exit
    /// Cancels a resting order.
    case cancel
}

/// How an order executes at the venue.
public enum OrderType: UInt8, Sendable, BitwiseCopyable {
    case market
    case limit
    case postOnly
    case immediateOrCancel
    case fillOrKill
}

/// A request to trade, with everything the gate needs to judge it; built by the strategy or the exit
/// manager, never sent anywhere until `RiskGate.check` turns it into an `ApprovedOrder`.
///
/// Prices are ticks of the instrument; scores are in [0, 1]. POD, so building one never allocates.
public struct OrderIntent: Sendable, BitwiseCopyable {
    public var instrument: InstrumentID
    public var kind: IntentKind
    public var direction: TradeDirection
    public var orderType: OrderType
    /// Limit price (ticks); for market orders the reference price the gate sizes with.
    public var price: Int64
    /// Stop price (ticks), required for entries.
    public var stopPrice: Int64
    /// Take-profit price (ticks), required for entries.
    public var takeProfitPrice: Int64
    /// Requested size in lots; 0 lets the gate size the entry from equity. Exits: the lots to close.
    public var requestedLots: Int64
    /// Order id to cancel (cancels only).
    public var cancelOrderID: UInt64

    // The signal behind it.
    public var signalCreatedAt: Int64
    public var confidence: Double
    public var regime: MarketRegime
    public var spoofScore: Double
    public var riskPenalty: Double
    /// Average true range as a fraction of price (0 when unknown).
    public var atrFraction: Double

    // The book it was made on.
    public var bookUsable: Bool
    public var bookUpdatedAt: Int64
    public var bestBid: Int64
    public var bestAsk: Int64

    // The AI consensus bias the engine read without waiting.
    public var advisory: AdvisoryView

    /// An entry (or exit) intent with neutral defaults for the optional context.
    public init(instrument: InstrumentID, kind: IntentKind, direction: TradeDirection, orderType: OrderType = .limit,
                price: Int64, stopPrice: Int64 = 0, takeProfitPrice: Int64 = 0, requestedLots: Int64 = 0,
                signalCreatedAt: Int64, confidence: Double = 1, regime: MarketRegime = .trendingUp,
                spoofScore: Double = 0, riskPenalty: Double = 0, atrFraction: Double = 0,
                bookUsable: Bool = true, bookUpdatedAt: Int64, bestBid: Int64, bestAsk: Int64,
                advisory: AdvisoryView = .absent) {
        self.instrument = instrument
        self.kind = kind
        self.direction = direction
        self.orderType = orderType
        self.price = price
        self.stopPrice = stopPrice
        self.takeProfitPrice = takeProfitPrice
        self.requestedLots = requestedLots
        self.cancelOrderID = 0
        self.signalCreatedAt = signalCreatedAt
        self.confidence = confidence
        self.regime = regime
        self.spoofScore = spoofScore
        self.riskPenalty = riskPenalty
        self.atrFraction = atrFraction
        self.bookUsable = bookUsable
        self.bookUpdatedAt = bookUpdatedAt
        self.bestBid = bestBid
        self.bestAsk = bestAsk
        self.advisory = advisory
    }

    /// The mid price in ticks, doubled to stay integral.
    @inlinable public var doubledMid: Int64 { bestBid &+ bestAsk }
}

/// A read of the AI consensus bias at decision time.
public struct AdvisoryView: Sendable, BitwiseCopyable {
    /// Whether a bias was published at all.
    public var present: Bool
    public var direction: TradeDirection
    public var confidence: Double
    /// Past this time the bias counts as absent.
    public var expiresAt: Int64

    public init(present: Bool, direction: TradeDirection, confidence: Double, expiresAt: Int64) {
        self.present = present
        self.direction = direction
        self.confidence = confidence
        self.expiresAt = expiresAt
    }

    /// No bias.
    public static var absent: AdvisoryView { AdvisoryView(present: false, direction: .long, confidence: 0, expiresAt: 0) }

    /// Whether the bias counts at `now`.
    @inlinable public func isFresh(at now: Int64) -> Bool { present && now < expiresAt }
}
