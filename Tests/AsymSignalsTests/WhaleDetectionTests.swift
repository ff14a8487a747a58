import AsymBook
import AsymCore
import AsymSignals
import Testing

@Suite struct WhaleDetectionTests {
    /// Warms the level-size median on an ordinary 20-level book of `lots` per level.
    func warmed(lots: Int64 = 10) -> BookFeatureEngine {
        var engine = testEngine()
        let book = makeBook(bids: (0..<20).map { (Int64(99 - $0), lots) }, asks: (0..<20).map { (Int64(101 + $0), lots) })
        for step in 0..<40 { engine.update(book: book, exchangeTime: Int64(step), receiveTime: Int64(step)) }
        return engine
    }

    @Test func levelFarAboveTheMedianLevelSizeIsAWhale() {
        var engine = warmed()
        var bids = (0..<20).map { (Int64(99 - $0), Int64(10)) }
        bids[6].1 = 80  // 8 × median at 6 ticks from the touch
        engine.update(book: makeBook(bids: bids, asks: (0..<20).map { (Int64(101 + $0), 10) }), exchangeTime: 50, receiveTime: 50)
        #expect(engine.features.medianLevelLots == 10)
        #expect(engine.features.bidWhales == 1)
        #expect(engine.features.bidWhaleDistance == 6)
        #expect(engine.features.bidLargestRatio == 8)
        #expect(engine.features.askWhales == 0)
    }

    @Test func ordinaryVariationIsNotAWhale() {
        var engine = warmed()
        var asks = (0..<20).map { (Int64(101 + $0), Int64(10)) }
        asks[2].1 = 40  // 4 × median: below the 5× whale multiple
        engine.update(book: makeBook(bids: (0..<20).map { (Int64(99 - $0), 10) }, asks: asks), exchangeTime: 50, receiveTime: 50)
        #expect(engine.features.askWhales == 0)
        #expect(engine.features.askWhaleDistance == -1)
    }
}
