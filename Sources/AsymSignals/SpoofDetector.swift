public import AsymBook
public import AsymCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streaming spoof score in [0, 1] per side and overall, from walls that are pulled before they trade.
///
/// **What spoofing is.** The CEA §4c(a)(5)(C), added by Dodd-Frank §747, makes it unlawful to engage in
/// "bidding or offering with the intent to cancel the bid or offer before execution"; the CFTC's 2013
/// interpretive guidance and the SEC's and FCA's (MAR Annex 1) descriptions of *layering* add the usual
/// form: several large orders on one side, away from the touch, that make the book look heavy, pulled
/// as price approaches them. Intent is not observable, so like Lee, Eom & Park (2013, "Microstructure-based
/// manipulation", J. Financial Markets 16(2)) and Tao, Day, Ling & Drapeau (2022, "On detecting spoofing
/// strategies in high-frequency trading", Quantitative Finance 22(8)) we score the observable footprint;
/// Cartea, Jaimungal & Wang (2020, "Spoofing and price manipulation in order-driven markets", Applied
/// Mathematical Finance 27(1–2)) show why it works: the spoof moves the imbalance, and with it other
/// traders' micro-price, and is cancelled before the price reaches it.
///
/// **Heuristic.**
/// 1. *Candidate wall*: a level in the top N with size ≥ `sizeMultiple` × the rolling median level size,
///    within `maxDistanceTicks` of its side's touch. Up to `wallsPerSide` per side are tracked in a fixed
///    table with appearance time, size, distance at appearance and least distance since.
/// 2. *Traded*: a taker print at or through the wall's price (sell ≤ bid wall, buy ≥ ask wall) while it
///    rests, or printed (exchange time) no later than the frame where it vanished.
/// 3. *Vanish*: the level drops below the threshold it crossed when it appeared. An untraded vanish is
///    final after `confirmationDelay`; then it is an event scored
///    `base + w_size·clamp((ratio − m)/m) + w_approach·clamp((d₀ − d_min)/d₀) + w_life·exp(−lifetime/τ)
///    + w_layer·clamp((layers − 1)/2)`, clipped to [0, 1]: bigger, approached (price moved toward it),
///    quickly pulled and layered walls score higher. A traded wall scores 0.
/// 4. *Side score*: each event folds in as `s ← 1 − (1 − s)(1 − e)`, and `s` halves every `halfLife`,
///    so layered events compound and old ones fade. Overall = max(bid, ask).
///
/// - Complexity: per book update O(walls tracked) plus O(1) per candidate level the caller reports; per
///   trade O(walls tracked). Fixed storage, no allocation after `init`.
public struct SpoofDetector: Sendable {
    /// The parameters.
    public let configuration: SpoofConfiguration
    @usableFromInline var walls: ContiguousArray<SpoofWall>
    @usableFromInline var events: ContiguousArray<SpoofEvent>
    @usableFromInline var eventHead = 0
    /// Events waiting for `popEvent()`.
    @inlinable public var pendingEvents: Int { storedPendingEvents }
    @usableFromInline var storedPendingEvents: Int = 0
    /// Events overwritten before they were popped.
    @inlinable public var droppedEvents: Int { storedDroppedEvents }
    @usableFromInline var storedDroppedEvents: Int = 0
    /// Candidate walls not tracked because their side's table was full.
    @inlinable public var ignoredWalls: Int { storedIgnoredWalls }
    @usableFromInline var storedIgnoredWalls: Int = 0
    /// The decayed bid-side score.
    @inlinable public var bidScore: Double { storedBidScore }
    @usableFromInline var storedBidScore: Double = 0
    /// The decayed ask-side score.
    @inlinable public var askScore: Double { storedAskScore }
    @usableFromInline var storedAskScore: Double = 0
    @usableFromInline var scoreTime: Int64 = 0
    /// Rows not free (resting or vanishing): when 0, updates and trades skip the table.
    @usableFromInline var trackedWalls = 0

    /// A detector with empty tables.
    public init(configuration: SpoofConfiguration = SpoofConfiguration()) {
        precondition(configuration.wallsPerSide >= 1 && configuration.eventCapacity >= 1, "capacities must be positive")
        self.configuration = configuration
        walls = ContiguousArray(repeating: SpoofWall(), count: 2 * configuration.wallsPerSide)
        let empty = SpoofEvent(side: .bid, price: .zero, size: .zero, appearedAt: 0, vanishedAt: 0, traded: false,
                               score: 0, sizeRatio: 0, initialDistance: 0, closestDistance: 0, layers: 0)
        events = ContiguousArray(repeating: empty, count: configuration.eventCapacity)
    }

    /// The overall score: the larger side.
    @inlinable public var score: Double { max(bidScore, askScore) }

    /// Walls currently resting (tracked and not yet vanished) on `side`.
    public func restingWalls(side: BookSide) -> Int {
        var count = 0
        for index in rows(side) where walls[index].state == .resting { count += 1 }
        return count
    }

    // MARK: Per update

    /// Decays the side scores to `time` (receive time, ns), in steps of at least 1/1024 of the half-life
    /// (10 ms at the default): a score is at most one step (0.07%) above its exact decay, and an update that
    /// comes sooner costs a comparison instead of an `exp2`.
    @inlinable
    public mutating func decay(to time: Int64) {
        guard time > scoreTime else { return }
        if scoreTime != 0, bidScore > 0 || askScore > 0 {
            let elapsed = time &- scoreTime
            guard elapsed >= configuration.halfLife >> 10 else { return }
            let factor = Self.halving(elapsed: elapsed, halfLife: configuration.halfLife)
            storedBidScore *= factor
            storedAskScore *= factor
        }
        scoreTime = time
    }

    /// Reports a level of the top N: it becomes a tracked wall if it is large and near enough and not tracked yet.
    ///
    /// - Parameters:
    ///   - distance: ticks from its side's touch (0 at the touch).
    ///   - medianLots: the rolling median level size; 0 means "unknown" and nothing is tracked.
    @inlinable
    public mutating func observe(side: BookSide, price: Price, lots: Int64, distance: Int64, medianLots: Double,
                                 receiveTime: Int64) {
        guard medianLots > 0, distance <= configuration.maxDistanceTicks else { return }
        let threshold = configuration.sizeMultiple * medianLots
        guard Double(lots) >= threshold else { return }
        var free = -1
        var resting: Int32 = 1
        for index in rows(side) {
            switch walls[index].state {
            case .resting:
                if walls[index].price == price.ticks { return }
                if !walls[index].traded { resting &+= 1 }
            case .free:
                if free < 0 { free = index }
            case .vanishing:
                break
            }
        }
        guard free >= 0 else {
            storedIgnoredWalls &+= 1
            return
        }
        var wall = SpoofWall()
        wall.state = .resting
        wall.price = price.ticks
        wall.peakLots = lots
        wall.thresholdLots = threshold
        wall.medianLots = medianLots
        wall.appearedAt = receiveTime
        wall.initialDistance = max(0, distance)
        wall.closestDistance = wall.initialDistance
        wall.layers = resting
        walls[free] = wall
        trackedWalls &+= 1
        if resting > 1 {
            for index in rows(side) where walls[index].state == .resting && !walls[index].traded {
                walls[index].layers = max(walls[index].layers, resting)
            }
        }
    }

    /// Checks every tracked wall against `book` after an update: records sizes and distances, detects
    /// vanishes, and turns confirmed ones into events. Call after the `observe` calls of the update.
    @inlinable
    public mutating func endUpdate(book: borrowing OrderBook, receiveTime: Int64, exchangeTime: Int64) {
        decay(to: receiveTime)
        guard trackedWalls > 0 else { return }
        let bestBid = book.bestBid?.ticks
        let bestAsk = book.bestAsk?.ticks
        for index in walls.indices {
            let state = walls[index].state
            if state == .free { continue }
            let side: BookSide = index < configuration.wallsPerSide ? .bid : .ask
            if state == .resting {
                let lots = book.quantity(at: Price(ticks: walls[index].price), side: side).lots
                let distance = side == .bid
                    ? bestBid.map { $0 &- walls[index].price } ?? 0
                    : bestAsk.map { walls[index].price &- $0 } ?? 0
                if distance < walls[index].closestDistance { walls[index].closestDistance = max(0, distance) }
                if Double(lots) >= walls[index].thresholdLots {
                    walls[index].peakLots = max(walls[index].peakLots, lots)
                    continue
                }
                walls[index].state = .vanishing
                walls[index].vanishedAt = receiveTime
                walls[index].vanishedExchangeTime = exchangeTime
            }
            if walls[index].traded || receiveTime &- walls[index].vanishedAt >= configuration.confirmationDelay {
                finalize(index, side: side)
            }
        }
    }

    /// Marks walls that a taker print at `price` (exchange time `exchangeTime`) traded against.
    @inlinable
    public mutating func recordTrade(price: Price, taker: TakerSide, exchangeTime: Int64) {
        guard trackedWalls > 0 else { return }
        let side: BookSide = taker == .sell ? .bid : .ask
        for index in rows(side) {
            let wall = walls[index]
            guard wall.state != .free, !wall.traded else { continue }
            let through = side == .bid ? price.ticks <= wall.price : price.ticks >= wall.price
            guard through else { continue }
            if wall.state == .resting || exchangeTime <= wall.vanishedExchangeTime { walls[index].traded = true }
        }
    }

    /// Turns every vanishing wall into an event now (end of a recording); resting walls stay.
    public mutating func flush() {
        for index in walls.indices where walls[index].state == .vanishing {
            finalize(index, side: index < configuration.wallsPerSide ? .bid : .ask)
        }
    }

    /// The oldest event not yet popped.
    @inlinable
    public mutating func popEvent() -> SpoofEvent? {
        guard pendingEvents > 0 else { return nil }
        let event = events[eventHead]
        eventHead = eventHead &+ 1 == events.count ? 0 : eventHead &+ 1
        storedPendingEvents &-= 1
        return event
    }

    /// The score of a vanished, untraded wall (see the type's documentation).
    @inlinable
    public static func eventScore(sizeRatio: Double, initialDistance: Int64, closestDistance: Int64,
                                  lifetime: Int64, layers: Int32, configuration: SpoofConfiguration) -> Double {
        let multiple = configuration.sizeMultiple
        let size = clamp((sizeRatio - multiple) / multiple)
        let approach = initialDistance > 0
            ? clamp(Double(initialDistance - closestDistance) / Double(initialDistance)) : 0
        let quick = quickness(lifetime: lifetime, scale: configuration.lifetimeScale)
        let layering = clamp(Double(layers - 1) / 2)
        return clamp(configuration.baseWeight + configuration.sizeWeight * size + configuration.approachWeight * approach
                     + configuration.lifetimeWeight * quick + configuration.layeringWeight * layering)
    }

    // MARK: Internals

    @inlinable
    func rows(_ side: BookSide) -> Range<Int> {
        side == .bid ? 0..<configuration.wallsPerSide : configuration.wallsPerSide..<(2 * configuration.wallsPerSide)
    }

    /// `2^(−elapsed/halfLife)`; out of line because libm is not re-exported to inlinable callers.
    @usableFromInline
    static func halving(elapsed: Int64, halfLife: Int64) -> Double {
        exp2(-Double(elapsed) / Double(max(1, halfLife)))
    }

    /// `exp(−lifetime/scale)`, 1 for an instant cancel.
    @usableFromInline
    static func quickness(lifetime: Int64, scale: Int64) -> Double {
        exp(-Double(max(0, lifetime)) / Double(max(1, scale)))
    }

    @inlinable
    static func clamp(_ value: Double) -> Double { min(1, max(0, value)) }

    @usableFromInline
    mutating func finalize(_ index: Int, side: BookSide) {
        let wall = walls[index]
        walls[index].state = .free
        trackedWalls &-= 1
        let ratio = wall.medianLots > 0 ? Double(wall.peakLots) / wall.medianLots : 0
        let score = wall.traded ? 0 : Self.eventScore(
            sizeRatio: ratio, initialDistance: wall.initialDistance, closestDistance: wall.closestDistance,
            lifetime: wall.vanishedAt &- wall.appearedAt, layers: wall.layers, configuration: configuration)
        if score > 0 {
            switch side {
            case .bid: storedBidScore = 1 - (1 - bidScore) * (1 - score)
            case .ask: storedAskScore = 1 - (1 - askScore) * (1 - score)
            }
        }
        let event = SpoofEvent(
            side: side, price: Price(ticks: wall.price), size: Quantity(lots: wall.peakLots), appearedAt: wall.appearedAt,
            vanishedAt: wall.vanishedAt, traded: wall.traded, score: score, sizeRatio: ratio,
            initialDistance: wall.initialDistance, closestDistance: wall.closestDistance, layers: wall.layers)
        var slot = eventHead &+ pendingEvents
        if slot >= events.count { slot &-= events.count }
        events[slot] = event
        if pendingEvents == events.count {
            eventHead = eventHead &+ 1 == events.count ? 0 : eventHead &+ 1
            storedDroppedEvents &+= 1
        } else {
            storedPendingEvents &+= 1
        }
    }
}
