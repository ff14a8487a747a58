public import AsymCore

/// What one pass over the top N levels of one side accumulates (internal to `BookFeatureEngine`).
///
/// The least-squares sums of the book slope are kept in integers and relative to the side's own touch —
/// `d` the distance of a level from its side's best price (ticks), `y` the cumulative depth (lots) — so the
/// loop is one-cycle integer additions and the mid enters only in `slope(spreadTicks:)`. Below 2⁵³ the integers
/// are exact, so the slope equals the one computed from `Double` sums over distances from the mid.
@usableFromInline
struct BookSideScan: Sendable {
    /// Rank-weighted size through depths 1, 5, 10 and N.
    @usableFromInline var weighted1: Double = 0
    @usableFromInline var weighted5: Double = 0
    @usableFromInline var weighted10: Double = 0
    @usableFromInline var weightedN: Double = 0
    /// Levels in the pass (at most N).
    @usableFromInline var n: Int64 = 0
    /// Σd, Σd², Σy, Σd·y.
    @usableFromInline var sumD: Int64 = 0
    @usableFromInline var sumDD: Int64 = 0
    @usableFromInline var sumY: Int64 = 0
    @usableFromInline var sumDY: Int64 = 0
    /// Total lots of the pass (the last `y`), the largest level and the last level's distance (the largest `d`).
    @usableFromInline var cumulative: Int64 = 0
    @usableFromInline var largest: Int64 = 0
    @usableFromInline var lastDistance: Int64 = 0

    @usableFromInline init() {}

    /// The sums over both sides' levels: the two rank-weighted accumulations — each a chain of dependent
    /// additions — run interleaved, so together they take about the time of one.
    @inlinable
    static func both(_ bids: borrowing BookTopLevels, _ asks: borrowing BookTopLevels,
                     weights: borrowing ContiguousArray<Double>) -> (BookSideScan, BookSideScan) {
        var bidScan = BookSideScan(depthSumsOf: bids)
        var askScan = BookSideScan(depthSumsOf: asks)
        var bidPartials = WeightedPartials()
        var askPartials = WeightedPartials()
        let common = min(bids.count, asks.count)
        for rank in 0..<common {
            let weight = weights[rank]
            bidPartials.add(weight * Double(bids.lots[rank]), rank: rank)
            askPartials.add(weight * Double(asks.lots[rank]), rank: rank)
        }
        bidPartials.accumulate(bids, from: common, weights: weights)
        askPartials.accumulate(asks, from: common, weights: weights)
        bidScan.setWeighted(bidPartials)
        askScan.setWeighted(askPartials)
        return (bidScan, askScan)
    }

    /// Everything but the weighted sums.
    @inlinable
    init(depthSumsOf levels: borrowing BookTopLevels) {
        let count = levels.count
        n = Int64(count)
        guard count > 0 else { return }
        let best = levels.prices[0]
        let away: Int64 = levels.side == .bid ? 1 : -1  // distance grows downward for bids, upward for asks
        var y: Int64 = 0
        for index in 0..<count {
            let lots = levels.lots[index]
            let d = (best &- levels.prices[index]) &* away
            y &+= lots
            sumD &+= d
            sumDD &+= d &* d
            sumY &+= y
            sumDY &+= d &* y
            largest = max(largest, lots)
        }
        cumulative = y
        lastDistance = levels.distance(count &- 1)
    }

    @inlinable
    mutating func setWeighted(_ partials: WeightedPartials) {
        weightedN = partials.total
        weighted1 = n >= 1 ? partials.first : partials.total
        weighted5 = n >= 5 ? partials.five : partials.total
        weighted10 = n >= 10 ? partials.ten : partials.total
    }

    /// Slope of cumulative depth on distance from the mid, lots per tick (0 with fewer than two levels), for
    /// a book whose spread is `spreadTicks`; nil when the integer sums could round (the caller then sums in
    /// `Double`) or the book is crossed (distances from the mid are then not `spread/2 + d`).
    ///
    /// With `X = 2·|price − mid| = spread + 2d`: `ΣX = n·s + 2Σd`, `ΣX² = n·s² + 4s·Σd + 4Σd²`,
    /// `ΣX·y = s·Σy + 2Σd·y`; when those are below 2⁵³ they are the very `Double` sums `Σx`, `Σx²`, `Σx·y`
    /// (halved, quartered, halved) that accumulating `x = |price − mid|` in floating point reaches.
    @inlinable
    func slope(spreadTicks s: Int64) -> Double? {
        guard s >= 0 else { return nil }
        guard n >= 2 else { return 0 }
        let exact: Int64 = 1 << 53
        // Every term is non-negative, so bounding the largest terms bounds every sum and partial sum.
        let x = s &+ 2 &* lastDistance
        let (xy, o1) = max(1, x).multipliedReportingOverflow(by: max(1, cumulative))
        let (nxy, o2) = xy.multipliedReportingOverflow(by: n)
        let (xx, o3) = x.multipliedReportingOverflow(by: x)
        let (nxx, o4) = xx.multipliedReportingOverflow(by: n)
        guard !(o1 || o2 || o3 || o4), nxy < exact, nxx < exact else { return nil }
        let sumX2 = n &* s &+ 2 &* sumD
        let sumXX4 = n &* s &* s &+ 4 &* s &* sumD &+ 4 &* sumDD
        let sumXY2 = s &* sumY &+ 2 &* sumDY
        let count = Double(n)
        let sumX = Double(sumX2) * 0.5
        let sumY = Double(self.sumY)
        let sumXY = Double(sumXY2) * 0.5
        let sumXX = Double(sumXX4) * 0.25
        let denominator = count * sumXX - sumX * sumX
        return denominator > 0 ? (count * sumXY - sumX * sumY) / denominator : 0
    }
}

/// One side's accumulation of `wᵢ·lotsᵢ` in rank order and its partial sums through depths 1, 5 and 10 (the
/// same additions in the same order as summing each depth on its own).
@usableFromInline
struct WeightedPartials {
    @usableFromInline var total = 0.0
    @usableFromInline var first = 0.0
    @usableFromInline var five = 0.0
    @usableFromInline var ten = 0.0

    @inlinable init() {}

    @inlinable
    mutating func add(_ term: Double, rank: Int) {
        total += term
        if rank == 0 { first = total }
        if rank == 4 { five = total }
        if rank == 9 { ten = total }
    }

    @inlinable
    mutating func accumulate(_ levels: borrowing BookTopLevels, from start: Int, weights: borrowing ContiguousArray<Double>) {
        var rank = start
        while rank < levels.count {
            add(weights[rank] * Double(levels.lots[rank]), rank: rank)
            rank &+= 1
        }
    }
}
