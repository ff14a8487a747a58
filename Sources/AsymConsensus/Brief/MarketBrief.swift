public import AsymCore

/// The compact market summary the analysts are asked about, built by the engine thread from its snapshots
/// (book features, candle indicators, regime, spoof score, risk penalty, signals, position) and published
/// through a `MarketBriefCell`. POD: filling one in and publishing it never allocates.
///
/// Prices are in quote currency (`Double`): the brief is read by language models, not by the order path.
public struct MarketBrief: Sendable, BitwiseCopyable, Equatable {
    /// Up to four timeframes, fastest first.
    public static var timeframeCapacity: Int { 4 }

    /// When the snapshot was taken, nanoseconds since the Unix epoch.
    public var time: Int64
    /// The instrument it describes.
    public var instrument: InstrumentID
    /// The current regime; `regimeKnown` is false while the detector warms up.
    public var regime: MarketRegime
    public var regimeKnown: Bool
    /// Mid price.
    public var price: Double
    /// Spread in basis points of the mid.
    public var spreadBasisPoints: Double
    /// Top-of-book depth imbalance in [-1, 1] (positive = more bids).
    public var imbalance: Double
    /// Aggressor trade-flow imbalance in [-1, 1] (positive = buyers lifting offers).
    public var tradeFlowImbalance: Double
    /// Spoofing likelihood in [0, 1].
    public var spoofScore: Double
    /// The signal engine's risk penalty in [0, 1].
    public var riskPenalty: Double
    /// Short-horizon realised volatility, basis points.
    public var realizedVolatilityBasisPoints: Double
    /// Funding rate per interval (a fraction, e.g. 0.0001), when the venue has one.
    public var fundingRate: Double
    public var hasFundingRate: Bool
    /// Open interest in base units and its change over the last hour, percent, when known.
    public var openInterest: Double
    public var openInterestChangePercent: Double
    public var hasOpenInterest: Bool
    /// Signals produced over the recent window, their net direction (-1, 0, 1) and mean confidence.
    public var recentSignalCount: Int32
    public var recentSignalDirection: Int8
    public var recentSignalConfidence: Double
    /// Open position: side (-1 short, 0 flat, 1 long), size in base units, entry price, unrealised P&L percent.
    public var positionSide: Int8
    public var positionSize: Double
    public var positionEntryPrice: Double
    public var positionPnLPercent: Double
    /// Indicators per timeframe; see `timeframe(_:)`.
    public var timeframes: (BriefTimeframe, BriefTimeframe, BriefTimeframe, BriefTimeframe)

    /// A brief with neutral values: no funding, no open interest, no signals, flat, no timeframes.
    public init(time: Int64, instrument: InstrumentID, price: Double, regime: MarketRegime = .ranging,
                regimeKnown: Bool = false) {
        self.time = time
        self.instrument = instrument
        self.regime = regime
        self.regimeKnown = regimeKnown
        self.price = price
        spreadBasisPoints = 0
        imbalance = 0
        tradeFlowImbalance = 0
        spoofScore = 0
        riskPenalty = 0
        realizedVolatilityBasisPoints = 0
        fundingRate = 0
        hasFundingRate = false
        openInterest = 0
        openInterestChangePercent = 0
        hasOpenInterest = false
        recentSignalCount = 0
        recentSignalDirection = 0
        recentSignalConfidence = 0
        positionSide = 0
        positionSize = 0
        positionEntryPrice = 0
        positionPnLPercent = 0
        timeframes = (.unused, .unused, .unused, .unused)
    }

    /// Timeframe slot `index` (0 ..< `timeframeCapacity`).
    public func timeframe(_ index: Int) -> BriefTimeframe {
        switch index {
        case 0: timeframes.0
        case 1: timeframes.1
        case 2: timeframes.2
        case 3: timeframes.3
        default: preconditionFailure("timeframe slot out of range")
        }
    }

    /// Sets timeframe slot `index` (0 ..< `timeframeCapacity`).
    public mutating func setTimeframe(_ index: Int, _ value: BriefTimeframe) {
        switch index {
        case 0: timeframes.0 = value
        case 1: timeframes.1 = value
        case 2: timeframes.2 = value
        case 3: timeframes.3 = value
        default: preconditionFailure("timeframe slot out of range")
        }
    }

    /// The used timeframe slots, fastest first.
    public var usedTimeframes: [BriefTimeframe] {
        (0..<Self.timeframeCapacity).map(timeframe).filter(\.isUsed)
    }
}

extension MarketBrief: SeqlockPayload {
    public static var wordCount: Int { 21 + 4 * BriefTimeframe.wordCount }

    /// Word 1 packs the small fields: instrument (bits 0–15), regime (16–23), regime known (24), has funding (25),
    /// has open interest (26), signal direction (32–39), position side (40–47).
    public func store(_ store: (Int, UInt64) -> Void) {
        store(0, UInt64(bitPattern: time))
        var packed = UInt64(instrument.rawValue) | UInt64(regime.rawValue) << 16
        if regimeKnown { packed |= 1 << 24 }
        if hasFundingRate { packed |= 1 << 25 }
        if hasOpenInterest { packed |= 1 << 26 }
        packed |= UInt64(UInt8(bitPattern: recentSignalDirection)) << 32
        packed |= UInt64(UInt8(bitPattern: positionSide)) << 40
        store(1, packed)
        store(2, price.bitPattern)
        store(3, spreadBasisPoints.bitPattern)
        store(4, imbalance.bitPattern)
        store(5, tradeFlowImbalance.bitPattern)
        store(6, spoofScore.bitPattern)
        store(7, riskPenalty.bitPattern)
        store(8, realizedVolatilityBasisPoints.bitPattern)
        store(9, fundingRate.bitPattern)
        store(10, openInterest.bitPattern)
        store(11, openInterestChangePercent.bitPattern)
        store(12, UInt64(UInt32(bitPattern: recentSignalCount)))
        store(13, recentSignalConfidence.bitPattern)
        store(14, positionSize.bitPattern)
        store(15, positionEntryPrice.bitPattern)
        store(16, positionPnLPercent.bitPattern)
        // Words 17–20 are spare, so a field can be added without moving the timeframes.
        store(17, 0)
        store(18, 0)
        store(19, 0)
        store(20, 0)
        timeframes.0.store(store, at: 21)
        timeframes.1.store(store, at: 21 + BriefTimeframe.wordCount)
        timeframes.2.store(store, at: 21 + 2 * BriefTimeframe.wordCount)
        timeframes.3.store(store, at: 21 + 3 * BriefTimeframe.wordCount)
    }

    public init(loading load: (Int) -> UInt64) {
        time = Int64(bitPattern: load(0))
        let packed = load(1)
        instrument = InstrumentID(UInt16(truncatingIfNeeded: packed))
        regime = MarketRegime(rawValue: UInt8(truncatingIfNeeded: packed >> 16)) ?? .ranging
        regimeKnown = packed & (1 << 24) != 0
        hasFundingRate = packed & (1 << 25) != 0
        hasOpenInterest = packed & (1 << 26) != 0
        recentSignalDirection = Int8(bitPattern: UInt8(truncatingIfNeeded: packed >> 32))
        positionSide = Int8(bitPattern: UInt8(truncatingIfNeeded: packed >> 40))
        price = Double(bitPattern: load(2))
        spreadBasisPoints = Double(bitPattern: load(3))
        imbalance = Double(bitPattern: load(4))
        tradeFlowImbalance = Double(bitPattern: load(5))
        spoofScore = Double(bitPattern: load(6))
        riskPenalty = Double(bitPattern: load(7))
        realizedVolatilityBasisPoints = Double(bitPattern: load(8))
        fundingRate = Double(bitPattern: load(9))
        openInterest = Double(bitPattern: load(10))
        openInterestChangePercent = Double(bitPattern: load(11))
        recentSignalCount = Int32(bitPattern: UInt32(truncatingIfNeeded: load(12)))
        recentSignalConfidence = Double(bitPattern: load(13))
        positionSize = Double(bitPattern: load(14))
        positionEntryPrice = Double(bitPattern: load(15))
        positionPnLPercent = Double(bitPattern: load(16))
        timeframes = (BriefTimeframe(loading: load, at: 21),
                      BriefTimeframe(loading: load, at: 21 + BriefTimeframe.wordCount),
                      BriefTimeframe(loading: load, at: 21 + 2 * BriefTimeframe.wordCount),
                      BriefTimeframe(loading: load, at: 21 + 3 * BriefTimeframe.wordCount))
    }
}

extension MarketBrief {
    /// Bitwise equality of every stored word (tuples of structs are not `Equatable` on their own).
    public static func == (lhs: MarketBrief, rhs: MarketBrief) -> Bool { lhs.words == rhs.words }

    private var words: [UInt64] {
        var words = [UInt64](repeating: 0, count: Self.wordCount)
        store { index, word in words[index] = word }
        return words
    }
}
