public import AsymCore

/// A fixed-point L2 order book (price → absolute quantity per side) for one instrument.
///
/// Each side is a price-indexed ladder: a power-of-two array of quantities indexed by tick offset
/// from an anchor, with a two-level occupancy bitmap, so an update near the touch is a couple of array
/// stores and deleting the best level finds the next one in O(1) word scans. When the price drifts out
/// of the window the window re-centres on the touch (O(levels), counted in `counters.recentres`);
/// levels far from the touch are kept exactly in a small sorted overflow store per side.
/// Model: hftbacktest's array market depth (`ROIVectorMarketDepth`, `best_bid_tick`), made exact
/// outside the region of interest.
///
/// **Frames.** A venue frame carries several level updates; apply them all, then call
/// `endFrame(at:)`. Crossed/locked detection runs only there, because a frame's intermediate states may
/// legitimately cross (a price moving from bid to ask within one frame).
///
/// **Validity.** The caller drives `status` from its sequencer: `reset()` on a snapshot (the book is then
/// valid), `invalidate()` on a sequence gap. `isUsable` is `valid` and not crossed or locked.
///
/// Allocation-free after `init`: storage is allocated once (about `16 × ladderCapacity` bytes plus
/// `32 × overflowCapacity`); keep the book uniquely referenced (store it in a `var`, or in a `BookSet`)
/// or the first mutation copies it.
public struct OrderBook: Sendable {
    @usableFromInline var bids: LadderSide
    @usableFromInline var asks: LadderSide  // keys are negated ticks: the best ask is the highest key
    @usableFromInline var storedCounters: OrderBookCounters
    @usableFromInline var storedStatus: OrderBookStatus
    @usableFromInline var storedCrossing: BookCrossing
    @usableFromInline var storedLastUpdateTime: Int64
    /// Levels changed since the last `endFrame`, and in the frame it closed.
    @usableFromInline var changeInFrame: BookFrameChange
    @usableFromInline var changeInLastFrame: BookFrameChange
    @usableFromInline let identity: UInt64

    /// An empty, resyncing book.
    ///
    /// - Parameters:
    ///   - ladderCapacity: ticks per side held in the O(1) window; a power of two `>= 64`. Size it so the
    ///     levels you trade on (and most of the venue's depth) span less than half of it.
    ///   - overflowCapacity: levels per side kept outside the window before the farthest are dropped.
    /// - Complexity: O(ladderCapacity) (allocation and zeroing).
    public init(ladderCapacity: Int = 1 << 16, overflowCapacity: Int = 4096) {
        bids = LadderSide(capacity: ladderCapacity, overflowCapacity: overflowCapacity)
        asks = LadderSide(capacity: ladderCapacity, overflowCapacity: overflowCapacity)
        storedCounters = OrderBookCounters()
        storedStatus = .resyncing
        storedCrossing = .none
        storedLastUpdateTime = 0
        changeInFrame = .everything
        changeInLastFrame = .everything
        identity = BookRevision.newBook()
    }

    // MARK: Updates

    /// Sets the absolute quantity at `price` on `side`; a zero quantity removes the level (removing an
    /// absent level is a no-op).
    ///
    /// - Complexity: O(1) inside the ladder window; O(overflow levels) for a far level; O(levels) when the
    ///   window re-centres.
    @inlinable
    public mutating func apply(side: BookSide, price: Price, quantity: Quantity) {
        precondition(quantity.lots >= 0, "negative quantity")
        switch side {
        case .bid:
            bids.set(key: price.ticks, quantity: quantity.lots)
            changeInFrame.bidKey = max(changeInFrame.bidKey, price.ticks)
        case .ask:
            asks.set(key: 0 &- price.ticks, quantity: quantity.lots)
            changeInFrame.askKey = max(changeInFrame.askKey, 0 &- price.ticks)
        }
        storedCounters.levelUpdates &+= 1
    }

    /// Closes a frame: records its time and classifies the touch as crossed, locked or neither,
    /// counting crossed and locked frames.
    @inlinable
    public mutating func endFrame(at time: Int64) {
        storedLastUpdateTime = time
        storedCounters.frames &+= 1
        changeInLastFrame = changeInFrame
        changeInFrame = .none
        if let bid = bids.bestKey, let negatedAsk = asks.bestKey {
            let ask = 0 &- negatedAsk
            if bid < ask {
                storedCrossing = .none
            } else {
                storedCrossing = bid == ask ? .locked : .crossed
                storedCounters.crossedFrames &+= 1
            }
        } else {
            storedCrossing = .none
        }
    }

    /// Empties the book for a snapshot and marks it valid; apply the snapshot's levels next, then
    /// `endFrame(at:)`.
    /// - Complexity: O(levels + ladderCapacity / 4096).
    public mutating func reset() {
        removeAllLevels()
        storedStatus = .valid
        storedCounters.resets += 1
    }

    /// Marks the book resyncing after a sequence gap; levels are kept for inspection but `isUsable` is
    /// `false` until the next `reset()`.
    public mutating func invalidate() {
        if storedStatus == .valid { storedCounters.invalidations += 1 }
        storedStatus = .resyncing
    }

    /// Empties the book and marks it resyncing (e.g. after a disconnect).
    /// - Complexity: O(levels + ladderCapacity / 4096).
    public mutating func clear() {
        invalidate()
        removeAllLevels()
    }

    mutating func removeAllLevels() {
        bids.removeAll()
        asks.removeAll()
        storedCrossing = .none
        changeInFrame = .everything
    }

    // MARK: State

    /// Whether the book mirrors the venue (see `reset()` / `invalidate()`).
    @inlinable public var status: OrderBookStatus { storedStatus }

    /// The touch as of the last `endFrame(at:)`.
    @inlinable public var crossing: BookCrossing { storedCrossing }

    /// `true` when the book is valid and its last frame ended neither crossed nor locked.
    @inlinable public var isUsable: Bool {
        @inline(__always) get { storedStatus == .valid && storedCrossing == .none }
    }

    /// The time passed to the last `endFrame(at:)` (ns; the caller's clock), 0 before any frame.
    @inlinable public var lastUpdateTime: Int64 { storedLastUpdateTime }

    /// Nanoseconds since the last frame, on the clock that stamped `endFrame(at:)`.
    @inlinable public func age(now: Int64) -> Int64 { now &- storedLastUpdateTime }

    /// This book and the frames it has closed; see `lastFrameChanged(side:atOrBetterThan:)`.
    @inlinable public var revision: BookRevision { BookRevision(book: identity, frames: storedCounters.frames) }

    /// Whether the last closed frame changed any level of `side` priced at `price` or better (bids at or
    /// above it, asks at or below it), or emptied the book. When it did not, every level of the side from
    /// the touch through `price` is as it was one revision earlier.
    @inlinable
    public func lastFrameChanged(side: BookSide, atOrBetterThan price: Price) -> Bool {
        switch side {
        case .bid: changeInLastFrame.bidKey >= price.ticks
        case .ask: changeInLastFrame.askKey >= 0 &- price.ticks
        }
    }

    /// Whether the last closed frame changed any level of `side`, or emptied the book.
    @inlinable
    public func lastFrameChanged(side: BookSide) -> Bool {
        switch side {
        case .bid: changeInLastFrame.bidKey != .min
        case .ask: changeInLastFrame.askKey != .min
        }
    }

    /// Running counts for monitoring.
    @inlinable
    public var counters: OrderBookCounters {
        var counters = storedCounters
        counters.recentres = bids.recentreCount + asks.recentreCount
        counters.droppedFarLevels = bids.overflow.droppedLevels + asks.overflow.droppedLevels
        return counters
    }

    /// Ticks per side in the O(1) window.
    public var ladderCapacity: Int { bids.capacity }

    // MARK: Queries

    /// The highest bid price, or nil when there are no bids.
    @inlinable public var bestBid: Price? { bids.bestKey.map { Price(ticks: $0) } }

    /// The lowest ask price, or nil when there are no asks.
    @inlinable public var bestAsk: Price? { asks.bestKey.map { Price(ticks: 0 &- $0) } }

    /// The best level of `side`, or nil when that side is empty.
    @inlinable
    public func bestLevel(side: BookSide) -> BookLevel? {
        switch side {
        case .bid:
            guard let key = bids.bestKey else { return nil }
            return BookLevel(price: Price(ticks: key), quantity: Quantity(lots: bids.bestQuantity))
        case .ask:
            guard let key = asks.bestKey else { return nil }
            return BookLevel(price: Price(ticks: 0 &- key), quantity: Quantity(lots: asks.bestQuantity))
        }
    }

    /// Best ask minus best bid in ticks (negative when crossed), or nil when a side is empty.
    @inlinable
    public var spreadTicks: Int64? {
        guard let bid = bids.bestKey, let negatedAsk = asks.bestKey else { return nil }
        return (0 &- negatedAsk) &- bid
    }

    /// Best bid plus best ask in ticks — twice the mid, exact — or nil when a side is empty.
    @inlinable
    public var doubledMidTicks: Int64? {
        guard let bid = bids.bestKey, let negatedAsk = asks.bestKey else { return nil }
        return bid &+ (0 &- negatedAsk)
    }

    /// The mid price in ticks (may end in .5), for indicators; nil when a side is empty.
    @inlinable
    public var midPriceTicks: Double? { doubledMidTicks.map { Double($0) * 0.5 } }

    /// The quantity resting at `price` on `side`, zero when there is no level.
    /// - Complexity: O(1) inside the window, O(log overflow) outside.
    @inlinable
    public func quantity(at price: Price, side: BookSide) -> Quantity {
        switch side {
        case .bid: Quantity(lots: bids.quantity(at: price.ticks))
        case .ask: Quantity(lots: asks.quantity(at: 0 &- price.ticks))
        }
    }

    /// The number of price levels on `side`.
    @inlinable
    public func levelCount(side: BookSide) -> Int {
        switch side {
        case .bid: bids.levelCount
        case .ask: asks.levelCount
        }
    }

    /// Calls `body` with up to `maxLevels` levels of `side`, best first (bids descending, asks ascending).
    /// - Complexity: O(maxLevels) plus one bitmap word step per level; allocation-free.
    @inlinable
    public func forEachLevel(side: BookSide, maxLevels: Int = .max, _ body: (BookLevel) -> Void) {
        var remaining = maxLevels
        guard remaining > 0 else { return }
        switch side {
        case .bid:
            bids.forEachLevel { key, lots in
                body(BookLevel(price: Price(ticks: key), quantity: Quantity(lots: lots)))
                remaining &-= 1
                return remaining > 0
            }
        case .ask:
            asks.forEachLevel { key, lots in
                body(BookLevel(price: Price(ticks: 0 &- key), quantity: Quantity(lots: lots)))
                remaining &-= 1
                return remaining > 0
            }
        }
    }

    /// Total quantity on `side` priced within `basisPoints` of the mid (bids `>= mid × (1 − bps/10⁴)`,
    /// asks `<= mid × (1 + bps/10⁴)`), exact in integers; zero when either side is empty.
    /// - Complexity: O(levels in the band).
    @inlinable
    public func depthWithin(basisPoints: Int64, side: BookSide) -> Quantity {
        guard let doubledMid = doubledMidTicks,
              let limit = Self.worstPriceInBand(doubledMid: doubledMid, basisPoints: basisPoints, side: side)
        else { return .zero }
        switch side {
        case .bid: return Quantity(lots: bids.totalQuantity(atOrAbove: limit.ticks))
        case .ask: return Quantity(lots: asks.totalQuantity(atOrAbove: 0 &- limit.ticks))
        }
    }

    /// The worst price of `side` inside the ±`basisPoints` band around the mid `doubledMid / 2`: bids
    /// priced `>=` it and asks priced `<=` it are in the band (`price × 20_000 >= doubledMid × (10_000 − bps)`
    /// for bids, `price × 20_000 <= doubledMid × (10_000 + bps)` for asks), or nil when no price can be.
    @inlinable
    public static func worstPriceInBand(doubledMid: Int64, basisPoints: Int64, side: BookSide) -> Price? {
        precondition((0...10_000).contains(basisPoints), "basisPoints must be 0...10000")
        // Int64 is exact while doubledMid × 20_000 fits; prices in ticks are far below 2⁴⁸.
        if doubledMid >= 0 && doubledMid <= 1 << 48 {
            switch side {
            case .bid: return Price(ticks: (doubledMid &* (10_000 &- basisPoints) &+ 19_999) / 20_000)
            case .ask: return Price(ticks: doubledMid &* (10_000 &+ basisPoints) / 20_000)
            }
        }
        switch side {
        case .bid:
            let limit = Self.ceilDivide(Int128(doubledMid) * Int128(10_000 - basisPoints), 20_000)
            return limit > Int128(Int64.max) ? nil : Price(ticks: Int64(max(limit, Int128(Int64.min))))
        case .ask:
            let limit = Self.floorDivide(Int128(doubledMid) * Int128(10_000 + basisPoints), 20_000)
            return limit < Int128(Int64.min) ? nil : Price(ticks: Int64(min(limit, Int128(Int64.max))))
        }
    }

    @inlinable
    static func floorDivide(_ numerator: Int128, _ denominator: Int128) -> Int128 {
        let quotient = numerator / denominator
        return (numerator % denominator != 0 && numerator < 0) ? quotient - 1 : quotient
    }

    @inlinable
    static func ceilDivide(_ numerator: Int128, _ denominator: Int128) -> Int128 {
        let quotient = numerator / denominator
        return (numerator % denominator != 0 && numerator > 0) ? quotient + 1 : quotient
    }
}
