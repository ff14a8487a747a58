public import AsymBook
public import AsymCore

/// The sums over the best N levels of one side of a book that the per-level features need, computed from the
/// side's `BookTopLevels` (internal to `BookFeatureEngine`):
/// - the rank-weighted size `Σ wᵢ·lotsᵢ`, `wᵢ = 1/i`, through depths 1, 5, 10 and N, accumulated as two
///   interleaved partial sums (even and odd ranks) so the floating-point additions of consecutive levels
///   do not wait on each other;
/// - the least-squares sums of the book slope, in integers and relative to the side's own touch — `d` the
///   distance of a level from its side's best price (ticks), `y` the cumulative depth (lots) — so the mid
///   enters only in `slope(spreadTicks:)`; below 2⁵³ the integers are exact, so the slope equals the one
///   computed from `Double` sums over distances from the mid;
/// - the largest level, and the deepest level's price and distance.
///
/// A plain value of a few words with no references: the engine keeps one per side and replaces it only when
/// the book changed that side's top levels.
/// - Complexity: O(N).
@usableFromInline
struct BookSideSums: Sendable, BitwiseCopyable {
    /// Levels folded in (at most N).
    @usableFromInline var count = 0
    /// Rank-weighted size through depths 1, 5, 10 and N (each the whole side when it is shorter).
    @usableFromInline var weighted1: Double = 0
    @usableFromInline var weighted5: Double = 0
    @usableFromInline var weighted10: Double = 0
    @usableFromInline var weightedN: Double = 0
    /// The two partial sums of `Σ wᵢ·lotsᵢ`; the newest level's term always lands in `weightedNewer`.
    @usableFromInline var weightedOlder: Double = 0
    @usableFromInline var weightedNewer: Double = 0
    /// Σd, Σd², Σy, Σd·y.
    @usableFromInline var sumD: Int64 = 0
    @usableFromInline var sumDD: Int64 = 0
    @usableFromInline var sumY: Int64 = 0
    @usableFromInline var sumDY: Int64 = 0
    /// Total lots (the last `y`) and the largest level.
    @usableFromInline var cumulative: Int64 = 0
    @usableFromInline var largest: Int64 = 0
    /// The deepest level folded in: its price (ticks) and distance (the largest `d`).
    @usableFromInline var lastPrice: Int64 = 0
    @usableFromInline var lastDistance: Int64 = 0
    @inlinable init() {}

    /// The sums over the levels of `top`.
    @inlinable
    init(of top: borrowing BookTopLevels) {
        let n = top.count
        count = n
        guard n > 0 else { return }
        for rank in 0..<n {
            let size = top.lots(at: rank)
            let d = top.distance(at: rank)
            cumulative &+= size
            sumD &+= d
            sumDD &+= d &* d
            sumY &+= cumulative
            sumDY &+= d &* cumulative
            largest = max(largest, size)
        }
        // Even and odd ranks in two accumulators, each in rank order; the depth-5 and depth-10 sums are read
        // between the segments, so no rank is tested inside a loop.
        var even = 0.0
        var odd = 0.0
        Self.fold(top, from: 0, to: min(n, 5), &even, &odd)
        weighted1 = Double(top.lots(at: 0))
        weighted5 = odd + even
        Self.fold(top, from: 5, to: min(n, 10), &odd, &even)
        weighted10 = odd + even
        Self.fold(top, from: 10, to: n, &even, &odd)
        weightedN = odd + even
        lastPrice = top.price(at: n &- 1).ticks
        lastDistance = top.distance(at: n &- 1)
    }

    /// Adds `wᵢ·lotsᵢ` for ranks `from..<to` alternately to `first` (ranks `from`, `from + 2`, …) and `second`.
    @inlinable
    static func fold(_ top: borrowing BookTopLevels, from: Int, to: Int, _ first: inout Double, _ second: inout Double) {
        var rank = from
        while rank &+ 1 < to {
            first += rankWeights[rank] * Double(top.lots(at: rank))
            second += rankWeights[rank &+ 1] * Double(top.lots(at: rank &+ 1))
            rank &+= 2
        }
        if rank < to { first += rankWeights[rank] * Double(top.lots(at: rank)) }
    }

    /// Whether the book's last frame changed any of the `levels` best levels these sums cover (when the side
    /// held fewer than `levels`, any level of it).
    @inlinable
    func changed(in book: borrowing OrderBook, side: BookSide, levels: Int) -> Bool {
        count == levels
            ? book.lastFrameChanged(side: side, atOrBetterThan: Price(ticks: lastPrice))
            : book.lastFrameChanged(side: side)
    }

    /// Slope of cumulative depth on distance from the mid, lots per tick (0 with fewer than two levels), for
    /// a book whose spread is `spreadTicks`; nil when the integer sums could round (the caller then sums in
    /// `Double`, `floatingSlope`) or the book is crossed (distances from the mid are then not `spread/2 + d`).
    ///
    /// With `X = 2·|price − mid| = spread + 2d`: `ΣX = n·s + 2Σd`, `ΣX² = n·s² + 4s·Σd + 4Σd²`,
    /// `ΣX·y = s·Σy + 2Σd·y`; when those are below 2⁵³ they are the very `Double` sums `Σx`, `Σx²`, `Σx·y`
    /// (halved, quartered, halved) that accumulating `x = |price − mid|` in floating point reaches.
    @inlinable
    func slope(spreadTicks s: Int64) -> Double? {
        guard s >= 0 else { return nil }
        let n = Int64(count)
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

    /// The slope from `Double` sums over distances from the mid `doubledMid / 2`: for a crossed book or one
    /// whose integer sums could round (beyond 2⁵³).
    @usableFromInline
    static func floatingSlope(of top: BookTopLevels, doubledMid: Int64) -> Double {
        var n = 0.0, sumX = 0.0, sumY = 0.0, sumXY = 0.0, sumXX = 0.0
        var cumulative: Int64 = 0
        for rank in 0..<top.count {
            cumulative &+= top.lots(at: rank)
            let x = Double(abs(2 &* top.price(at: rank).ticks &- doubledMid)) * 0.5
            let y = Double(cumulative)
            n += 1
            sumX += x
            sumY += y
            sumXY += x * y
            sumXX += x * x
        }
        let denominator = n * sumXX - sumX * sumX
        return n >= 2 && denominator > 0 ? (n * sumXY - sumX * sumY) / denominator : 0
    }
}

/// `1/(rank + 1)` for ranks 0..<64, the imbalance weights (each literal is the correctly rounded quotient).
@usableFromInline
let rankWeights: InlineArray<64, Double> = [
    1.0, 0.5, 0.3333333333333333, 0.25,
    0.2, 0.16666666666666666, 0.14285714285714285, 0.125,
    0.1111111111111111, 0.1, 0.09090909090909091, 0.08333333333333333,
    0.07692307692307693, 0.07142857142857142, 0.06666666666666667, 0.0625,
    0.058823529411764705, 0.05555555555555555, 0.05263157894736842, 0.05,
    0.047619047619047616, 0.045454545454545456, 0.043478260869565216, 0.041666666666666664,
    0.04, 0.038461538461538464, 0.037037037037037035, 0.03571428571428571,
    0.034482758620689655, 0.03333333333333333, 0.03225806451612903, 0.03125,
    0.030303030303030304, 0.029411764705882353, 0.02857142857142857, 0.027777777777777776,
    0.02702702702702703, 0.02631578947368421, 0.02564102564102564, 0.025,
    0.024390243902439025, 0.023809523809523808, 0.023255813953488372, 0.022727272727272728,
    0.022222222222222223, 0.021739130434782608, 0.02127659574468085, 0.020833333333333332,
    0.02040816326530612, 0.02, 0.0196078431372549, 0.019230769230769232,
    0.018867924528301886, 0.018518518518518517, 0.01818181818181818, 0.017857142857142856,
    0.017543859649122806, 0.017241379310344827, 0.01694915254237288, 0.016666666666666666,
    0.01639344262295082, 0.016129032258064516, 0.015873015873015872, 0.015625,
]
