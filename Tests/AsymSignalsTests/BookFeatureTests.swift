import AsymBook
import AsymCore
import AsymSignals
import Testing

/// Hand-built books: a fresh valid book with the given (price, lots) levels.
func makeBook(bids: [(Int64, Int64)], asks: [(Int64, Int64)], time: Int64 = 1_000_000_000) -> OrderBook {
    var book = OrderBook(ladderCapacity: 1 << 12, overflowCapacity: 64)
    book.reset()
    for (price, lots) in bids { book.apply(side: .bid, price: Price(ticks: price), quantity: Quantity(lots: lots)) }
    for (price, lots) in asks { book.apply(side: .ask, price: Price(ticks: price), quantity: Quantity(lots: lots)) }
    book.endFrame(at: time)
    return book
}

/// An engine that judges walls after few samples and refreshes depth every update.
func testEngine() -> BookFeatureEngine {
    var configuration = BookFeatureConfiguration()
    configuration.minimumMedianSamples = 4
    configuration.depthRefreshInterval = 1
    configuration.regimeSampleInterval = 1
    return BookFeatureEngine(configuration: configuration)
}

@Suite struct BookFeatureTests {
    @Test func spreadIsReportedInTicksAndBasisPoints() {
        var engine = testEngine()
        let book = makeBook(bids: [(9_998, 10)], asks: [(10_002, 10)])
        engine.update(book: book, exchangeTime: 1_000_000_000, receiveTime: 1_000_000_000)
        #expect(engine.features.spreadTicks == 4)
        #expect(engine.features.midTicks == 10_000)
        #expect(abs(engine.features.spreadBasisPoints - 4) < 1e-9)
    }

    @Test func micropriceLeansTowardTheThinnerSide() {
        var engine = testEngine()
        // Bid 30, ask 10: the ask is likely to go first, so the fair price sits above the mid.
        engine.update(book: makeBook(bids: [(99, 30)], asks: [(101, 10)]), exchangeTime: 1, receiveTime: 1)
        let expected: Double = (99.0 * 10 + 101.0 * 30) / 40
        #expect(engine.features.micropriceTicks == expected)
        #expect(engine.features.micropriceTicks > engine.features.midTicks)
    }

    @Test func imbalanceWeightsLevelsByInverseRankAtEachDepth() {
        var engine = testEngine()
        let bids = (0..<20).map { (Int64(99 - $0), Int64($0 < 1 ? 30 : 10)) }
        let asks = (0..<20).map { (Int64(101 + $0), Int64($0 < 5 ? 10 : 30)) }
        engine.update(book: makeBook(bids: bids, asks: asks), exchangeTime: 1, receiveTime: 1)
        let f = engine.features
        #expect(abs(f.imbalance1 - 0.5) < 1e-12)  // (30 − 10) / 40
        var bid5 = 0.0, ask5 = 0.0, bid10 = 0.0, ask10 = 0.0, bidN = 0.0, askN = 0.0
        for rank in 0..<20 {
            let weight = 1 / Double(rank + 1)
            let b = weight * Double(bids[rank].1), a = weight * Double(asks[rank].1)
            if rank < 5 { bid5 += b; ask5 += a }
            if rank < 10 { bid10 += b; ask10 += a }
            bidN += b; askN += a
        }
        #expect(abs(f.imbalance5 - (bid5 - ask5) / (bid5 + ask5)) < 1e-12)
        #expect(abs(f.imbalance10 - (bid10 - ask10) / (bid10 + ask10)) < 1e-12)
        #expect(abs(f.imbalanceN - (bidN - askN) / (bidN + askN)) < 1e-12)
        #expect(f.imbalance10 < f.imbalance5 && f.imbalanceN < f.imbalance10)  // deeper asks are heavier
    }

    @Test func depthWithinBasisPointsCountsOnlyTheBand() {
        var engine = testEngine()
        // Mid 10_000; 10 bps = 10 ticks: bids ≥ 9_990 and asks ≤ 10_010 count.
        let book = makeBook(bids: [(9_999, 5), (9_990, 7), (9_989, 100)], asks: [(10_001, 3), (10_010, 4), (10_011, 100)])
        engine.update(book: book, exchangeTime: 1, receiveTime: 1)
        #expect(engine.features.bidDepthLots == 12)
        #expect(engine.features.askDepthLots == 7)
    }

    @Test func slopeIsTheLeastSquaresSlopeOfCumulativeDepthOnDistance() {
        var engine = testEngine()
        // Every bid level 10 lots, one tick apart: cumulative depth rises 10 lots per tick.
        let bids = (0..<12).map { (Int64(99 - $0), Int64(10)) }
        let asks = (0..<12).map { (Int64(101 + 2 * $0), Int64(10)) }
        engine.update(book: makeBook(bids: bids, asks: asks), exchangeTime: 1, receiveTime: 1)
        #expect(abs(engine.features.bidSlope - 10) < 1e-9)
        #expect(abs(engine.features.askSlope - 5) < 1e-9)  // levels two ticks apart: half as steep
    }

    @Test func depletionCountsQueueLossAtTheTouchPerSecond() {
        var engine = testEngine()
        let second: Int64 = 1_000_000_000
        engine.update(book: makeBook(bids: [(99, 50), (98, 40)], asks: [(101, 50)]), exchangeTime: 10 * second, receiveTime: 10 * second)
        // Same best bid, 20 lots fewer: 20 depleted.
        engine.update(book: makeBook(bids: [(99, 30), (98, 40)], asks: [(101, 60)]), exchangeTime: 10 * second + 100, receiveTime: 10 * second + 100)
        #expect(engine.features.bidDepletionRate == 20)
        #expect(engine.features.askDepletionRate == 0)  // the ask queue grew
        // Best bid gone: the whole remaining 30-lot queue depleted.
        engine.update(book: makeBook(bids: [(98, 40)], asks: [(101, 60)]), exchangeTime: 10 * second + 200, receiveTime: 10 * second + 200)
        #expect(engine.features.bidDepletionRate == 50)
        // Two seconds later the window has forgotten it.
        engine.update(book: makeBook(bids: [(98, 40)], asks: [(101, 60)]), exchangeTime: 12 * second + 200, receiveTime: 12 * second + 200)
        #expect(engine.features.bidDepletionRate == 0)
    }

    @Test func rollingMedianTracksTheLastSamplesOnly() {
        var median = RollingMedian(capacity: 5)
        for value in [5.0, 1, 4, 2, 3] { median.push(value) }
        #expect(median.median == 3)
        for value in [100.0, 100, 100] { median.push(value) }  // evicts 5, 1, 4
        #expect(median.median == 100)
        #expect(median.count == 5)
    }

    @Test func rollingTimeSumForgetsBucketsOlderThanTheWindow() {
        var sum = RollingTimeSum(window: 1_000, bucketCount: 10)
        sum.add(5, at: 10_000)
        sum.add(7, at: 10_500)
        #expect(sum.total == 12)
        sum.advance(to: 11_050)  // the 10_000 bucket has left
        #expect(sum.total == 7)
        sum.advance(to: 50_000)
        #expect(sum.total == 0)
    }
}

@Suite struct RollingMedianReferenceTests {
    /// The in-place replacement must equal a sort of the last `capacity` samples after every push.
    @Test func medianEqualsASortedWindowAfterEveryPush() {
        var random = SplitMix64(seed: 3)
        for capacity in [1, 2, 7, 64, 255] {
            var median = RollingMedian(capacity: capacity)
            var window: [Double] = []
            for _ in 0..<3_000 {
                let value = Double(random.below(50))  // many ties
                median.push(value)
                window.append(value)
                if window.count > capacity { window.removeFirst() }
                let sorted = window.sorted()
                let middle = sorted.count / 2
                let expected = sorted.count % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle])
                #expect(median.median == expected)
            }
        }
    }
}
