public import AsymBook
public import AsymCore

/// Streams `BookFeatures`, the spoof score and the risk penalty for one instrument, one book update at a time.
///
/// Call `update(book:exchangeTime:receiveTime:)` after every applied book frame and `recordTrade` for every
/// trade. Each update reads the touch in O(1) and copies the top `levels` of a side out of the book
/// (`BookTopLevels`), then sums them (`BookSideSums`) and scans them for walls — only for a side whose top
/// levels the book's last frame changed;
/// every rolling quantity is a fixed ring, so after `init` nothing allocates (keep the engine in a `var`: its
/// storage is copy-on-write). Windows run on exchange time (pass the receive time where a venue sends none).
///
/// Per update the cost is in a few short loops and a handful of divisions; a quotient whose inputs did not
/// change since the last update is kept rather than recomputed (`BookFeatureMemo`), and every value is computed
/// with the same floating-point operations in the same order either way, so the features do not depend on it.
///
/// Features and their sources:
/// - spread (ticks, bps) and the **micro-price**: the imbalance-weighted mid `(Pᵇqᵃ + Pᵃqᵇ)/(qᵇ + qᵃ)`,
///   which is Stoikov (2018, "The micro-price: a high-frequency estimator of future prices", Quantitative
///   Finance 18(12)) first-order form; his full estimator adds a correction fitted offline per
///   imbalance/spread state, which a fitted table could add on top of this one;
/// - **imbalance** at depths 1, 5, 10 and N: `(Σwᵢbᵢ − Σwᵢaᵢ) / (Σwᵢbᵢ + Σwᵢaᵢ)` over ranks `i = 1…depth` with
///   `wᵢ = 1/i`, so the touch dominates but deeper size still counts (Cao, Hansch & Wang 2009 find levels
///   2–10 informative beyond the touch);
/// - depth within ±`depthBasisPoints` of the mid (`OrderBook.depthWithin`, refreshed every
///   `depthRefreshInterval` updates);
/// - **order-flow imbalance** of Cont, Kukanov & Stoikov (2014), see `OrderFlowImbalance`;
/// - **trade-flow imbalance** by aggressor, see `TradeFlowImbalance`;
/// - **book slope**: the least-squares slope of cumulative depth on distance from the mid over the top N
///   levels (lots per tick; Næs & Skjeltorp 2006 use the same elasticity idea) — steep means deep;
/// - **queue depletion** at the touch: lots leaving the best level per second, where an unchanged best
///   price counts the size decrease and a worsened best price counts the whole former queue;
/// - **whale walls**: top-N levels ≥ `whaleMultiple` × the rolling median level size;
/// - realised mid volatility over a short window and its ratio to a long window, spread and depth over
///   their rolling medians, the `SpoofDetector` score and the `RiskPenalty`.
/// - Complexity: O(levels) per update that changes the top levels, O(1) otherwise, plus O(levels in the depth band) every `depthRefreshInterval`
///   updates and O(log median window) plus the element moves between the evicted and new sample per median
///   sample.
public struct BookFeatureEngine: Sendable {
    /// The parameters.
    public let configuration: BookFeatureConfiguration
    /// The latest features.
    @inlinable public var features: BookFeatures { storedFeatures }
    @usableFromInline var storedFeatures: BookFeatures = BookFeatures()
    /// The spoof detector; pop its events after each update to list them.
    public var spoof: SpoofDetector
    /// The risk penalty function.
    public let risk: RiskPenalty

    @usableFromInline var orderFlow: OrderFlowImbalance
    @usableFromInline var tradeFlow: TradeFlowImbalance
    @usableFromInline var bidDepletion: RollingTimeSum
    @usableFromInline var askDepletion: RollingTimeSum
    @usableFromInline var shortVariance: RollingTimeSum
    @usableFromInline var longVariance: RollingTimeSum
    @usableFromInline var levelSizes: RollingMedian
    @usableFromInline var spreads: RollingMedian
    @usableFromInline var depths: RollingMedian
    @usableFromInline var bidLevels = BookTopLevels()
    @usableFromInline var askLevels = BookTopLevels()
    @usableFromInline var topBids = BookSideSums()
    @usableFromInline var topAsks = BookSideSums()
    @usableFromInline var memo = BookFeatureMemo()
    /// The book revision the top levels were last read at.
    @usableFromInline var readRevision: BookRevision?
    @usableFromInline var previousBid = BookLevel(price: .zero, quantity: .zero)
    @usableFromInline var previousAsk = BookLevel(price: .zero, quantity: .zero)
    @usableFromInline var previousDoubledMid: Int64 = 0
    @usableFromInline var sampleRank = 0
    @usableFromInline var sampleAsk = false
    /// The last whale verdict per side (count, nearest distance).
    @usableFromInline var bidWalls = (whales: Int32(0), nearest: Int64(-1))
    @usableFromInline var askWalls = (whales: Int32(0), nearest: Int64(-1))

    /// An engine with empty history.
    public init(configuration: BookFeatureConfiguration = BookFeatureConfiguration()) {
        precondition((10...64).contains(configuration.levels), "levels must be 10...64")
        precondition(configuration.depthRefreshInterval >= 1 && configuration.regimeSampleInterval >= 1
                     && configuration.levelSampleInterval >= 1,
                     "intervals must be positive")
        self.configuration = configuration
        spoof = SpoofDetector(configuration: configuration.spoof)
        risk = RiskPenalty(configuration: configuration.risk)
        orderFlow = OrderFlowImbalance(windows: configuration.flowWindows)
        tradeFlow = TradeFlowImbalance(windows: configuration.flowWindows)
        bidDepletion = RollingTimeSum(window: configuration.depletionWindow)
        askDepletion = RollingTimeSum(window: configuration.depletionWindow)
        shortVariance = RollingTimeSum(window: configuration.volatilityWindows.short)
        longVariance = RollingTimeSum(window: configuration.volatilityWindows.long)
        levelSizes = RollingMedian(capacity: configuration.levelMedianSamples)
        spreads = RollingMedian(capacity: configuration.regimeMedianSamples)
        depths = RollingMedian(capacity: configuration.regimeMedianSamples)
    }

    // MARK: Updates

    /// Recomputes the features after `book` applied a frame.
    ///
    /// - Parameters:
    ///   - exchangeTime: the frame's venue time (ns), for the rolling windows.
    ///   - receiveTime: the local receive time (ns), for spoof lifetimes, decay and staleness.
    @inlinable
    public mutating func update(book: borrowing OrderBook, exchangeTime: Int64, receiveTime: Int64) {
        storedFeatures.updates &+= 1
        storedFeatures.receiveTime = receiveTime
        storedFeatures.exchangeTime = exchangeTime
        let usable = book.isUsable
        storedFeatures.usable = usable
        let changed = refreshTopLevels(book: book)

        let bid = book.bestLevel(side: .bid)
        let ask = book.bestLevel(side: .ask)
        orderFlow.update(bid: bid, ask: ask, time: exchangeTime)
        storedFeatures.ofi = orderFlow.last
        storedFeatures.ofiShort = orderFlow.short.total
        storedFeatures.ofiMedium = orderFlow.medium.total
        storedFeatures.ofiLong = orderFlow.long.total
        updateDepletion(bid: bid, ask: ask, time: exchangeTime)
        refreshTradeFlow(at: exchangeTime)

        if let bid, let ask {
            updateTouch(bid: bid, ask: ask, exchangeTime: exchangeTime)
            let refreshDepth = storedFeatures.updates % Int64(configuration.depthRefreshInterval) == 1
                || configuration.depthRefreshInterval == 1
            scanLevels(book: book, doubledMid: bid.price.ticks &+ ask.price.ticks, bestBid: bid.price.ticks,
                       bestAsk: ask.price.ticks, receiveTime: receiveTime, usable: usable, refreshDepth: refreshDepth,
                       changed: changed)
            updateRegime(usable: usable)
        } else {
            clearTouch()
        }

        if usable { spoof.endUpdate(book: book, receiveTime: receiveTime, exchangeTime: exchangeTime) } else {
            spoof.decay(to: receiveTime)
        }
        storedFeatures.spoofBid = spoof.bidScore
        storedFeatures.spoofAsk = spoof.askScore
        storedFeatures.spoof = spoof.score
        var inputs = RiskPenalty.Inputs()
        inputs.spreadRatio = storedFeatures.spreadRatio
        inputs.volatilityRatio = storedFeatures.volatilityRatio
        inputs.depthRatio = storedFeatures.depthRatio
        inputs.usable = usable && bid != nil && ask != nil
        inputs.age = 0
        let marketRisk = (inputs.spreadRatio.bitPattern, inputs.volatilityRatio.bitPattern,
                          inputs.depthRatio.bitPattern, inputs.usable)
        if marketRisk != memo.marketRisk {
            memo.marketRisk = marketRisk
            memo.marketCalm = risk.marketCalm(inputs)
        }
        storedFeatures.riskPenalty = risk.penalty(marketCalm: memo.marketCalm, spoofScore: storedFeatures.spoof)
    }

    /// Adds one trade: trade flow, and the spoof detector's traded flags.
    @inlinable
    public mutating func recordTrade(price: Price, quantity: Quantity, taker: TakerSide, exchangeTime: Int64) {
        tradeFlow.record(quantity: quantity, taker: taker, time: exchangeTime)
        spoof.recordTrade(price: price, taker: taker, exchangeTime: exchangeTime)
        refreshTradeFlow(at: exchangeTime)
    }

    /// The risk penalty as of `now` (receive clock, ns), including the book's age since its last frame.
    @inlinable
    public func riskPenalty(book: borrowing OrderBook, now: Int64) -> Double {
        var inputs = RiskPenalty.Inputs()
        inputs.spreadRatio = storedFeatures.spreadRatio
        inputs.volatilityRatio = storedFeatures.volatilityRatio
        inputs.depthRatio = storedFeatures.depthRatio
        inputs.usable = book.isUsable && book.spreadTicks != nil
        inputs.age = book.age(now: now)
        inputs.spoofScore = spoof.score
        return risk.evaluate(inputs)
    }

    // MARK: Pieces

    @inlinable
    mutating func refreshTradeFlow(at time: Int64) {
        tradeFlow.advance(to: time)
        let totals = tradeFlow.totalsBitPatterns
        guard totals != memo.tradeFlow else { return }
        memo.tradeFlow = totals
        let imbalances = tradeFlow.imbalances
        storedFeatures.tradeImbalanceShort = imbalances.0
        storedFeatures.tradeImbalanceMedium = imbalances.1
        storedFeatures.tradeImbalanceLong = imbalances.2
        storedFeatures.tradeVolumeMedium = tradeFlow.volumes.1
    }

    @inlinable
    mutating func updateDepletion(bid: BookLevel?, ask: BookLevel?, time: Int64) {
        var bidDepleted: Int64 = 0
        var askDepleted: Int64 = 0
        if let bid, previousBid.quantity.lots > 0 {
            if bid.price == previousBid.price {
                bidDepleted = max(0, previousBid.quantity.lots &- bid.quantity.lots)
            } else if bid.price < previousBid.price {
                bidDepleted = previousBid.quantity.lots
            }
        }
        if let ask, previousAsk.quantity.lots > 0 {
            if ask.price == previousAsk.price {
                askDepleted = max(0, previousAsk.quantity.lots &- ask.quantity.lots)
            } else if ask.price > previousAsk.price {
                askDepleted = previousAsk.quantity.lots
            }
        }
        bidDepletion.add(Double(bidDepleted), at: time)
        askDepletion.add(Double(askDepleted), at: time)
        let totals = (bidDepletion.total.bitPattern, askDepletion.total.bitPattern)
        if totals != memo.depletion {
            memo.depletion = totals
            let seconds = Double(configuration.depletionWindow) / 1e9
            storedFeatures.bidDepletionRate = bidDepletion.total / seconds
            storedFeatures.askDepletionRate = askDepletion.total / seconds
        }
        previousBid = bid ?? BookLevel(price: .zero, quantity: .zero)
        previousAsk = ask ?? BookLevel(price: .zero, quantity: .zero)
    }

    @inlinable
    mutating func updateTouch(bid: BookLevel, ask: BookLevel, exchangeTime: Int64) {
        let bidTicks = bid.price.ticks
        let askTicks = ask.price.ticks
        let bidLots = bid.quantity.lots
        let askLots = ask.quantity.lots
        storedFeatures.bestBidTicks = bidTicks
        storedFeatures.bestAskTicks = askTicks
        storedFeatures.bestBidLots = bidLots
        storedFeatures.bestAskLots = askLots
        storedFeatures.spreadTicks = askTicks &- bidTicks
        let doubledMid = bidTicks &+ askTicks
        let mid = Double(doubledMid) * 0.5
        storedFeatures.midTicks = mid
        if (storedFeatures.spreadTicks, doubledMid) != memo.spreadBasis {
            memo.spreadBasis = (storedFeatures.spreadTicks, doubledMid)
            storedFeatures.spreadBasisPoints = mid > 0 ? Double(storedFeatures.spreadTicks) / mid * 10_000 : 0
        }
        let touch = (bidTicks, askTicks, bidLots, askLots)
        if touch != memo.touch {
            memo.touch = touch
            let touchLots = Double(bidLots &+ askLots)
            storedFeatures.micropriceTicks = touchLots > 0
                ? (Double(bidTicks) * Double(askLots) + Double(askTicks) * Double(bidLots)) / touchLots : mid
        }
        if previousDoubledMid > 0, doubledMid != previousDoubledMid {
            let change = Double(doubledMid &- previousDoubledMid) / Double(previousDoubledMid)
            shortVariance.add(change * change, at: exchangeTime)
            longVariance.add(change * change, at: exchangeTime)
        } else {
            shortVariance.advance(to: exchangeTime)
            longVariance.advance(to: exchangeTime)
        }
        previousDoubledMid = doubledMid
        let variance = (shortVariance.total.bitPattern, longVariance.total.bitPattern)
        guard variance != memo.variance else { return }
        memo.variance = variance
        storedFeatures.realizedVolatilityBasisPoints = shortVariance.total.squareRoot() * 10_000
        let shortRate = shortVariance.total / Double(shortVariance.window)
        let longRate = longVariance.total / Double(longVariance.window)
        storedFeatures.volatilityRatio = longRate > 0 ? shortRate / longRate : 1
    }

    @inlinable
    mutating func clearTouch() {
        storedFeatures.bestBidTicks = previousBid.price.ticks
        storedFeatures.bestAskTicks = previousAsk.price.ticks
        storedFeatures.bestBidLots = previousBid.quantity.lots
        storedFeatures.bestAskLots = previousAsk.quantity.lots
        storedFeatures.spreadTicks = 0
        storedFeatures.spreadBasisPoints = 0
        storedFeatures.midTicks = 0
        storedFeatures.micropriceTicks = 0
        storedFeatures.imbalance1 = 0
        storedFeatures.imbalance5 = 0
        storedFeatures.imbalance10 = 0
        storedFeatures.imbalanceN = 0
        storedFeatures.bidDepthLots = 0
        storedFeatures.askDepthLots = 0
        storedFeatures.bidSlope = 0
        storedFeatures.askSlope = 0
        storedFeatures.bidWhales = 0
        storedFeatures.askWhales = 0
        storedFeatures.depthRatio = 0
        previousDoubledMid = 0
        memo.forgetTouch()
    }

    /// Gathers the top N levels of a side from `book` when its last frame changed any of them (they are
    /// otherwise what the last update gathered); returns which sides it gathered.
    ///
    /// A frame that changes only levels deeper than the N-th of a side leaves its top N as they were, which on
    /// a venue streaming 50–500 levels is common for at least one side. Any other book, or a skipped frame,
    /// gathers both sides.
    @inlinable
    mutating func refreshTopLevels(book: borrowing OrderBook) -> (bids: Bool, asks: Bool) {
        let revision = book.revision
        if let readRevision, revision == readRevision { return (false, false) }
        let nextFrame = readRevision.map { revision.follows($0) } ?? false
        readRevision = revision
        let levels = configuration.levels
        let bidsChanged = !nextFrame || topBids.changed(in: book, side: .bid, levels: levels)
        let asksChanged = !nextFrame || topAsks.changed(in: book, side: .ask, levels: levels)
        if bidsChanged {
            book.copyBestLevels(side: .bid, maxLevels: levels, into: &bidLevels)
            topBids = BookSideSums(of: bidLevels)
        }
        if asksChanged {
            book.copyBestLevels(side: .ask, maxLevels: levels, into: &askLevels)
            topAsks = BookSideSums(of: askLevels)
        }
        return (bidsChanged, asksChanged)
    }

    /// Imbalance, slope, largest level and the median sample from the top N of each side, the depth band when it
    /// is due, then whales and spoof candidates on a side only when its largest level is big enough to be one.
    @inlinable
    mutating func scanLevels(book: borrowing OrderBook, doubledMid: Int64, bestBid: Int64, bestAsk: Int64,
                             receiveTime: Int64, usable: Bool, refreshDepth: Bool, changed: (bids: Bool, asks: Bool)) {
        let median = levelSizes.count >= configuration.minimumMedianSamples ? levelSizes.median : 0
        if refreshDepth {
            storedFeatures.bidDepthLots = book.depthWithin(basisPoints: configuration.depthBasisPoints, side: .bid).lots
            storedFeatures.askDepthLots = book.depthWithin(basisPoints: configuration.depthBasisPoints, side: .ask).lots
        }
        // Unchanged top levels of both sides mean an unchanged touch too, so the imbalances and slopes stand.
        if changed.bids || changed.asks || memo.levelsForgotten {
            memo.levelsForgotten = false
            storedFeatures.imbalance1 = Self.imbalance(topBids.weighted1, topAsks.weighted1)
            storedFeatures.imbalance5 = Self.imbalance(topBids.weighted5, topAsks.weighted5)
            storedFeatures.imbalance10 = Self.imbalance(topBids.weighted10, topAsks.weighted10)
            storedFeatures.imbalanceN = Self.imbalance(topBids.weightedN, topAsks.weightedN)
            let spread = bestAsk &- bestBid
            storedFeatures.bidSlope = topBids.slope(spreadTicks: spread)
                ?? BookSideSums.floatingSlope(of: bidLevels, doubledMid: doubledMid)
            storedFeatures.askSlope = topAsks.slope(spreadTicks: spread)
                ?? BookSideSums.floatingSlope(of: askLevels, doubledMid: doubledMid)
        }
        storedFeatures.medianLevelLots = median
        let largest = (topBids.largest, topAsks.largest, median.bitPattern)
        if largest != memo.largest {
            memo.largest = largest
            storedFeatures.bidLargestRatio = median > 0 ? Double(topBids.largest) / median : 0
            storedFeatures.askLargestRatio = median > 0 ? Double(topAsks.largest) / median : 0
        }

        // Whales and spoof candidates are levels of at least a multiple of the median: none on a side whose
        // largest level is below both thresholds, which is most updates.
        let whaleLots = median > 0 ? configuration.whaleMultiple * median : .infinity
        let candidateLots = usable && median > 0 ? spoof.configuration.sizeMultiple * median : .infinity
        let wallLots = min(whaleLots, candidateLots)
        // A side whose top levels, median and usability are as at its last judgement keeps its verdict: its
        // candidates are the walls the detector already tracks (or turned away).
        let judgement = (median.bitPattern, usable)
        let judgementChanged = judgement != memo.wallJudgement
        memo.wallJudgement = judgement
        if changed.bids || judgementChanged {
            bidWalls = Double(topBids.largest) >= wallLots
                ? Self.judgeWalls(bidLevels, spoof: &spoof, wallLots: wallLots, median: median, whaleLots: whaleLots,
                                  receiveTime: receiveTime, observe: usable)
                : (0, -1)
        }
        if changed.asks || judgementChanged {
            askWalls = Double(topAsks.largest) >= wallLots
                ? Self.judgeWalls(askLevels, spoof: &spoof, wallLots: wallLots, median: median, whaleLots: whaleLots,
                                  receiveTime: receiveTime, observe: usable)
                : (0, -1)
        }
        storedFeatures.bidWhales = bidWalls.whales
        storedFeatures.askWhales = askWalls.whales
        storedFeatures.bidWhaleDistance = bidWalls.nearest
        storedFeatures.askWhaleDistance = askWalls.nearest

        if storedFeatures.updates % Int64(configuration.levelSampleInterval) == 0 {
            let sample = sampleAsk ? askLevels.lotsOrZero(at: sampleRank) : bidLevels.lotsOrZero(at: sampleRank)
            if sample > 0 { levelSizes.push(Double(sample)) }
            sampleAsk.toggle()
            if !sampleAsk {
                sampleRank &+= 1
                if sampleRank == configuration.levels { sampleRank = 0 }
            }
        }
    }

    /// Counts whale levels in the top N of a side and hands spoof candidates to the detector, best first:
    /// only levels of at least `wallLots` (the smaller of the whale and candidate thresholds) can be either.
    /// Static, so the engine lends its copy of the levels and its detector at once without copying either.
    @inlinable
    static func judgeWalls(_ levels: borrowing BookTopLevels, spoof: inout SpoofDetector, wallLots: Double,
                           median: Double, whaleLots: Double, receiveTime: Int64,
                           observe: Bool) -> (whales: Int32, nearest: Int64) {
        var whales: Int32 = 0
        var nearest: Int64 = -1
        for rank in 0..<levels.count {
            let lots = levels.lots(at: rank)
            guard Double(lots) >= wallLots else { continue }
            let distance = levels.distance(at: rank)
            if Double(lots) >= whaleLots {
                whales &+= 1
                if nearest < 0 { nearest = distance }
            }
            if observe {
                spoof.observe(side: levels.side, price: levels.price(at: rank), lots: lots, distance: distance,
                              medianLots: median, receiveTime: receiveTime)
            }
        }
        return (whales, nearest)
    }

    @inlinable
    mutating func updateRegime(usable: Bool) {
        let depth = Double(storedFeatures.bidDepthLots &+ storedFeatures.askDepthLots)
        if usable, storedFeatures.updates % Int64(configuration.regimeSampleInterval) == 1 || configuration.regimeSampleInterval == 1 {
            spreads.push(Double(storedFeatures.spreadTicks))
            depths.push(depth)
        }
        let spreadMedian = spreads.median
        let depthMedian = depths.median
        let inputs = (storedFeatures.spreadTicks, spreadMedian.bitPattern, depth.bitPattern, depthMedian.bitPattern)
        guard inputs != memo.regime else { return }
        memo.regime = inputs
        storedFeatures.spreadRatio = spreadMedian > 0 ? Double(storedFeatures.spreadTicks) / spreadMedian : 1
        storedFeatures.depthRatio = depthMedian > 0 ? depth / depthMedian : 1
    }

    @inlinable
    static func imbalance(_ bid: Double, _ ask: Double) -> Double {
        let total = bid + ask
        return total > 0 ? (bid - ask) / total : 0
    }
}
