import AsymBook
import AsymCore
import AsymSignals
import Testing
import TestSupport

/// The per-level features computed the straightforward way: one walk of each side's top N accumulating every
/// sum in `Double` (rank weights `1/i`, distances `|price − mid|`). A rank-weighted size is the sum of its even-
/// and odd-rank terms, each summed in rank order (the engine's two interleaved accumulators).
struct ReferenceLevelFeatures {
    var imbalance1 = 0.0, imbalance5 = 0.0, imbalance10 = 0.0, imbalanceN = 0.0
    var bidSlope = 0.0, askSlope = 0.0

    init(_ book: OrderBook, levels: Int) {
        let doubledMid = book.doubledMidTicks!
        func side(_ side: BookSide) -> (weighted: [Double], slope: Double) {
            var evenWeighted = [0.0, 0.0, 0.0, 0.0]  // depths 1, 5, 10, N
            var oddWeighted = [0.0, 0.0, 0.0, 0.0]
            var n = 0.0, sumX = 0.0, sumY = 0.0, sumXY = 0.0, sumXX = 0.0
            var cumulative: Int64 = 0
            var rank = 0
            book.forEachLevel(side: side, maxLevels: levels) { level in
                let term = 1 / Double(rank + 1) * Double(level.quantity.lots)
                for (index, depth) in [1, 5, 10, Int.max].enumerated() where rank < depth {
                    if rank % 2 == 0 { evenWeighted[index] += term } else { oddWeighted[index] += term }
                }
                cumulative += level.quantity.lots
                let x = Double(abs(2 * level.price.ticks - doubledMid)) * 0.5
                let y = Double(cumulative)
                n += 1
                sumX += x
                sumY += y
                sumXY += x * y
                sumXX += x * x
                rank += 1
            }
            let denominator = n * sumXX - sumX * sumX
            return (zip(evenWeighted, oddWeighted).map { $0 + $1 }, n >= 2 && denominator > 0 ? (n * sumXY - sumX * sumY) / denominator : 0)
        }
        let bids = side(.bid), asks = side(.ask)
        func imbalance(_ index: Int) -> Double {
            let total = bids.weighted[index] + asks.weighted[index]
            return total > 0 ? (bids.weighted[index] - asks.weighted[index]) / total : 0
        }
        imbalance1 = imbalance(0)
        imbalance5 = imbalance(1)
        imbalance10 = imbalance(2)
        imbalanceN = imbalance(3)
        bidSlope = bids.slope
        askSlope = asks.slope
    }
}

@Suite struct BookFeatureReferenceTests {
    /// Imbalances and slopes equal the straightforward `Double` computation bit for bit on random books: short
    /// sides, gaps, crossed and locked touches, and sizes so large that the integer slope sums would round
    /// (where the engine falls back to `Double` sums itself).
    @Test func imbalancesAndSlopesEqualTheStraightforwardSumsBitForBit() {
        var random = SplitMix64(seed: 21)
        var engine = BookFeatureEngine()
        var time: Int64 = 1_000_000_000
        for step in 0..<3_000 {
            let mid = random.int64(in: 5_000...6_000)
            let crossing = random.below(10) == 0 ? random.int64(in: 0...3) : 0
            let hugeLots = random.below(8) == 0
            func levels(_ count: Int, from start: Int64, step direction: Int64) -> [(Int64, Int64)] {
                var price = start
                return (0..<count).map { _ in
                    defer { price += direction * random.int64(in: 1...(random.below(3) == 0 ? 9 : 2)) }
                    return (price, hugeLots ? random.int64(in: 1...(1 << 48)) : random.int64(in: 1...5_000))
                }
            }
            let bids = levels(1 + random.below(30), from: mid - 1 + crossing, step: -1)
            let asks = levels(1 + random.below(30), from: mid + 1 - crossing, step: 1)
            time += 1_000_000
            let book = makeBook(bids: bids, asks: asks, time: time)
            engine.update(book: book, exchangeTime: time, receiveTime: time)
            let expected = ReferenceLevelFeatures(book, levels: engine.configuration.levels)
            let f = engine.features
            let same = [(f.imbalance1, expected.imbalance1), (f.imbalance5, expected.imbalance5),
                        (f.imbalance10, expected.imbalance10), (f.imbalanceN, expected.imbalanceN),
                        (f.bidSlope, expected.bidSlope), (f.askSlope, expected.askSlope)]
                .allSatisfy { $0.0.bitPattern == $0.1.bitPattern }
            #expect(same, "step \(step): \(f) vs \(expected)")
            if !same { return }
        }
    }

    /// One book changed frame by frame — at the touch, deep inside and beyond the top N, with levels appearing
    /// and vanishing, the occasional snapshot, frames the engine does not see and updates repeated on the same
    /// frame — gives, after every update, the very imbalances, slopes and largest levels that the
    /// straightforward computation gives from scratch: a side the engine does not gather again is one whose top
    /// levels did not change.
    @Test func levelsGatheredOnlyForChangedSidesEqualTheStraightforwardSumsAfterEveryFrame() {
        var random = SplitMix64(seed: 33)
        var engine = BookFeatureEngine()
        let levels = engine.configuration.levels
        var book = OrderBook()
        var time: Int64 = 1_000_000_000
        let mid: Int64 = 50_000
        var skipped = 0
        for step in 0..<6_000 {
            if step % 1_500 == 0 { book.reset() }  // a snapshot: everything may change
            let deep = random.below(3) == 0
            for _ in 0..<(1 + random.below(5)) {
                let side: BookSide = random.below(2) == 0 ? .bid : .ask
                let distance = deep ? random.int64(in: 15...60) : random.int64(in: 1...8)
                let price = side == .bid ? mid - distance : mid + distance
                let lots = random.below(5) == 0 ? 0 : random.int64(in: 1...500)
                book.apply(side: side, price: Price(ticks: price), quantity: Quantity(lots: lots))
            }
            time += 1_000_000
            book.endFrame(at: time)
            guard book.doubledMidTicks != nil else { continue }
            if random.below(20) == 0 {  // a frame the engine never sees
                skipped += 1
                continue
            }
            engine.update(book: book, exchangeTime: time, receiveTime: time)
            if random.below(10) == 0 { engine.update(book: book, exchangeTime: time, receiveTime: time) }
            let expected = ReferenceLevelFeatures(book, levels: levels)
            let f = engine.features
            let largest = (0..<2).map { side in
                var largest: Int64 = 0
                book.forEachLevel(side: side == 0 ? .bid : .ask, maxLevels: levels) { largest = max(largest, $0.quantity.lots) }
                return largest
            }
            let median = f.medianLevelLots
            let same = [(f.imbalance1, expected.imbalance1), (f.imbalance5, expected.imbalance5),
                        (f.imbalance10, expected.imbalance10), (f.imbalanceN, expected.imbalanceN),
                        (f.bidSlope, expected.bidSlope), (f.askSlope, expected.askSlope)]
                .allSatisfy { $0.0.bitPattern == $0.1.bitPattern }
                && (median == 0 || (f.bidLargestRatio == Double(largest[0]) / median
                                    && f.askLargestRatio == Double(largest[1]) / median))
            #expect(same, "step \(step): \(f) vs \(expected), largest \(largest)")
            if !same { return }
        }
        #expect(skipped > 100)
    }
}
