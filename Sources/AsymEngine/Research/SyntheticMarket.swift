public import AsymCore

/// A deterministic synthetic market: a random-walk fair price with jumps, level churn concentrated
/// near the touch, taker sweeps that trade, spoof walls that vanish as price approaches, and genuine
/// walls that rest and get traded. Every wall is labelled with its ground truth.
///
/// It keeps its own exact book (at most `depthLevels` per side, like Bybit `orderbook.50`), so each
/// step's changes are exactly what a receiver must apply to reconstruct it.
/// Model of spoofing: CFTC/SEC definition ("bidding or offering with the intent to cancel before
/// execution"), in the layered form described by Lee, Eom & Park (2013), "Microstructure-based
/// manipulation: Strategic behavior and performance of spoofing traders", J. Financial Markets 16(2).
public final class SyntheticMarket {
    /// Generator settings.
    public struct Configuration: Sendable {
        /// Price scale of the instrument.
        public var priceScale: FixedPointScale
        /// Size scale of the instrument.
        public var quantityScale: FixedPointScale
        /// Starting fair price, in ticks.
        public var startPrice: Int64
        /// Ordinary level size, in lots.
        public var typicalLevelLots: Int64
        /// Levels kept per side.
        public var depthLevels: Int
        /// Time between steps, ns (Bybit pushes orderbook.50 every 20 ms).
        public var stepInterval: Int64
        /// Receive time of the first step, ns since the epoch.
        public var startTime: Int64
        /// Per-step probability of placing a wall when none rests.
        public var wallProbability: Double
        /// Share of walls that are spoofs.
        public var spoofShare: Double

        public init(
            priceScale: FixedPointScale, quantityScale: FixedPointScale, startPrice: Int64,
            typicalLevelLots: Int64, depthLevels: Int = 50, stepInterval: Int64 = 20_000_000,
            startTime: Int64 = 1_767_225_600_000_000_000, wallProbability: Double = 0.01, spoofShare: Double = 0.5
        ) {
            self.priceScale = priceScale
            self.quantityScale = quantityScale
            self.startPrice = startPrice
            self.typicalLevelLots = typicalLevelLots
            self.depthLevels = depthLevels
            self.stepInterval = stepInterval
            self.startTime = startTime
            self.wallProbability = wallProbability
            self.spoofShare = spoofShare
        }
    }

    /// One level change, with absolute size (0 removes the level).
    public struct LevelChange: Equatable, Sendable {
        public var side: BookSide
        public var price: Int64
        public var lots: Int64
    }

    /// One trade.
    public struct Trade: Equatable, Sendable {
        public var taker: TakerSide
        public var price: Int64
        public var lots: Int64
        public var id: UInt64
    }

    /// What happened in one step.
    public struct Step: Sendable {
        /// Receive time of the step's frames.
        public var time: Int64
        /// Level changes, in the order they happened, each price at most once.
        public var changes: [LevelChange]
        /// Trades, in order.
        public var trades: [Trade]
    }

    public let configuration: Configuration
    private var random: SplitMix64
    private(set) public var bids: [Int64: Int64] = [:]
    private(set) public var asks: [Int64: Int64] = [:]
    /// Ground-truth labels of every wall placed so far.
    private(set) public var walls: [SyntheticWall] = []
    private var activeWalls: [Int] = []
    private var time: Int64
    private var nextTradeID: UInt64 = 1
    private var pending: [Int64: LevelChange] = [:]
    private var pendingOrder: [Int64] = []
    private var trades: [Trade] = []

    /// A market seeded with `seed`, starting with a full book.
    public init(configuration: Configuration, seed: UInt64) {
        self.configuration = configuration
        random = SplitMix64(seed: seed)
        time = configuration.startTime
        let start = configuration.startPrice
        for level in 0..<Int64(configuration.depthLevels) {
            bids[start - 1 - level] = ordinarySize()
            asks[start + 1 + level] = ordinarySize()
        }
    }

    /// Best bid and ask prices, in ticks.
    public var bestBid: Int64 { bids.keys.max() ?? configuration.startPrice - 1 }
    public var bestAsk: Int64 { asks.keys.min() ?? configuration.startPrice + 1 }

    /// The top `depth` levels of a side, best first.
    public func levels(_ side: BookSide, depth: Int) -> [(price: Int64, lots: Int64)] {
        switch side {
        case .bid: bids.sorted { $0.key > $1.key }.prefix(depth).map { ($0.key, $0.value) }
        case .ask: asks.sorted { $0.key < $1.key }.prefix(depth).map { ($0.key, $0.value) }
        }
    }

    /// Advances one step and returns what changed.
    public func step() -> Step {
        time += configuration.stepInterval + Int64(random.next() % 4_000_000) - 2_000_000
        pending.removeAll(keepingCapacity: true)
        pendingOrder.removeAll(keepingCapacity: true)
        trades.removeAll(keepingCapacity: true)

        cancelSpoofWallsNearTouch()
        movePrice()
        smallTakers()
        churn()
        maybePlaceWalls()
        trimDepth()
        return Step(time: time, changes: pendingOrder.map { pending[$0]! }, trades: trades)
    }

    // MARK: - Behaviour

    private func ordinarySize() -> Int64 {
        let typical = Double(configuration.typicalLevelLots)
        return max(1, Int64(typical * (0.3 + 1.4 * random.unit())))
    }

    /// Spoofers pull every wall once price comes within three ticks of the nearest one.
    private func cancelSpoofWallsNearTouch() {
        let near = activeWalls.contains { index in
            let wall = walls[index]
            guard wall.isSpoof else { return false }
            let distance = wall.side == .bid ? bestBid - wall.price.ticks : wall.price.ticks - bestAsk
            return distance <= 3
        }
        guard near else { return }
        for index in activeWalls where walls[index].isSpoof {
            let wall = walls[index]
            let ordinary = ordinarySize()
            set(wall.side, wall.price.ticks, ordinary)
            walls[index].vanishedAt = time
        }
        activeWalls.removeAll { walls[$0].vanishedAt != nil }
    }

    /// Random walk, drawn toward resting walls (price "approaches" them), with rare jumps when no wall rests.
    private func movePrice() {
        var move: Int64 = 0
        if let target = activeWalls.first.map({ walls[$0] }) {
            let towards: Int64 = target.side == .bid ? -1 : 1
            move = random.chance(0.55) ? towards : (random.chance(0.5) ? -towards : 0)
        } else if random.chance(0.003) {
            move = Int64(5 + random.next() % 11) * (random.chance(0.5) ? 1 : -1)
        } else if random.chance(0.35) {
            move = random.chance(0.5) ? 1 : -1
        }
        if move > 0 {
            sweep(taker: .buy, through: bestAsk + move - 1)
        } else if move < 0 {
            sweep(taker: .sell, through: bestBid + move + 1)
        }
        refillTouch()
    }

    /// A taker order that trades every level up to (buy) or down to (sell) `limit`.
    private func sweep(taker: TakerSide, through limit: Int64) {
        switch taker {
        case .buy:
            while let best = asks.keys.min(), best <= limit, let lots = asks[best] {
                trade(taker: .buy, price: best, lots: lots)
                set(.ask, best, 0)
                if bids.keys.max().map({ $0 >= best }) ?? false { break }
            }
        case .sell:
            while let best = bids.keys.max(), best >= limit, let lots = bids[best] {
                trade(taker: .sell, price: best, lots: lots)
                set(.bid, best, 0)
            }
        }
    }

    private func trade(taker: TakerSide, price: Int64, lots: Int64) {
        trades.append(Trade(taker: taker, price: price, lots: lots, id: nextTradeID))
        nextTradeID += 1
        for index in activeWalls where walls[index].price.ticks == price && !walls[index].isSpoof {
            walls[index].traded = true
            walls[index].vanishedAt = time
        }
        activeWalls.removeAll { walls[$0].vanishedAt != nil }
    }

    /// Keeps a one-tick spread around the traded-through price and no holes at the touch.
    private func refillTouch() {
        var bid = bestBid
        var ask = bestAsk
        if bids.isEmpty { bid = ask - 1; set(.bid, bid, ordinarySize()) }
        if asks.isEmpty { ask = bid + 1; set(.ask, ask, ordinarySize()) }
        // New makers step in at the price the sweep left empty.
        if ask - bid > 2 && random.chance(0.8) {
            if random.chance(0.5) { set(.bid, bid + 1, ordinarySize()) } else { set(.ask, ask - 1, ordinarySize()) }
        }
        for offset in 0..<Int64(configuration.depthLevels) {
            if bids[bestBid - offset] == nil, offset < 10 { set(.bid, bestBid - offset, ordinarySize()) }
            if asks[bestAsk + offset] == nil, offset < 10 { set(.ask, bestAsk + offset, ordinarySize()) }
        }
    }

    /// Small market orders that take part of the touch.
    private func smallTakers() {
        guard random.chance(0.2) else { return }
        let taker: TakerSide = random.chance(0.5) ? .buy : .sell
        let price = taker == .buy ? bestAsk : bestBid
        let resting = (taker == .buy ? asks[price] : bids[price]) ?? 0
        guard resting > 1 else { return }
        let lots = max(1, Int64(Double(resting) * 0.4 * random.unit()))
        trade(taker: taker, price: price, lots: lots)
        set(taker == .buy ? .ask : .bid, price, resting - lots)
    }

    /// Size changes near the touch: distance from the touch is geometric, so the touch churns most.
    private func churn() {
        let updates = 1 + Int(random.next() % 6)
        for _ in 0..<updates {
            var distance: Int64 = 0
            while distance < Int64(configuration.depthLevels) - 1 && random.chance(0.7) { distance += 1 }
            let side: BookSide = random.chance(0.5) ? .bid : .ask
            let price = side == .bid ? bestBid - distance : bestAsk + distance
            if activeWalls.contains(where: { walls[$0].price.ticks == price && walls[$0].side == side }) { continue }
            let remove = distance > 0 && random.chance(0.15)
            set(side, price, remove ? 0 : ordinarySize())
        }
    }

    /// Places a genuine wall or a spoof (sometimes layered: 2–3 stacked spoof walls) 4–9 ticks from the touch.
    private func maybePlaceWalls() {
        guard activeWalls.isEmpty, random.chance(configuration.wallProbability) else { return }
        let side: BookSide = random.chance(0.5) ? .bid : .ask
        let spoof = random.chance(configuration.spoofShare)
        let count = spoof && random.chance(0.3) ? 2 + Int(random.next() % 2) : 1
        let firstDistance = 4 + Int64(random.next() % 6)
        for layer in 0..<Int64(count) {
            let distance = firstDistance + layer * 2
            let price = side == .bid ? bestBid - distance : bestAsk + distance
            let extra = configuration.typicalLevelLots * Int64(8 + random.next() % 8)
            let base = (side == .bid ? bids[price] : asks[price]) ?? ordinarySize()
            set(side, price, base + extra)
            walls.append(SyntheticWall(side: side, price: Price(ticks: price), size: Quantity(lots: extra),
                                       appearedAt: time, vanishedAt: nil, traded: false, isSpoof: spoof))
            activeWalls.append(walls.count - 1)
        }
    }

    /// Removes levels beyond the published depth, as Bybit does when a level leaves the top 50.
    private func trimDepth() {
        let depth = configuration.depthLevels
        if bids.count > depth {
            for price in bids.keys.sorted(by: >).dropFirst(depth) { set(.bid, price, 0) }
        }
        if asks.count > depth {
            for price in asks.keys.sorted().dropFirst(depth) { set(.ask, price, 0) }
        }
    }

    /// Sets a level's absolute size and records the change (last write per price wins in a step).
    private func set(_ side: BookSide, _ price: Int64, _ lots: Int64) {
        switch side {
        case .bid: bids[price] = lots > 0 ? lots : nil
        case .ask: asks[price] = lots > 0 ? lots : nil
        }
        let key = price &* 2 &+ (side == .bid ? 0 : 1)
        if pending[key] == nil { pendingOrder.append(key) }
        pending[key] = LevelChange(side: side, price: price, lots: max(0, lots))
    }
}
