import AsymBook
import AsymCore
import AsymSignals
import Testing

/// Drives a `BookFeatureEngine` through hand-built frames: 20 ordinary 10-lot levels per side around a
/// moving one-tick-spread touch, plus walls.
struct SpoofHarness {
    var engine = testEngine()
    var time: Int64 = 1_000_000_000_000
    var events: [SpoofEvent] = []
    static let step: Int64 = 20_000_000

    init() {
        for _ in 0..<40 { frame(bestBid: 1_000, walls: []) }  // warms the level-size median at 10 lots
    }

    /// One book frame with the best bid at `bestBid` (best ask one tick up) and `walls` (side, price, lots).
    mutating func frame(bestBid: Int64, walls: [(BookSide, Int64, Int64)]) {
        time += Self.step
        var bids = (0..<20).map { (bestBid - Int64($0), Int64(10)) }
        var asks = (0..<20).map { (bestBid + 1 + Int64($0), Int64(10)) }
        for (side, price, lots) in walls {
            if side == .bid, let index = bids.firstIndex(where: { $0.0 == price }) { bids[index].1 = lots }
            if side == .ask, let index = asks.firstIndex(where: { $0.0 == price }) { asks[index].1 = lots }
        }
        let book = makeBook(bids: bids, asks: asks, time: time)
        engine.update(book: book, exchangeTime: time, receiveTime: time)
        while let event = engine.spoof.popEvent() { events.append(event) }
    }

    /// Frames with no walls for `duration` ns (confirms pending vanishes).
    mutating func idle(bestBid: Int64, for duration: Int64) {
        for _ in 0..<(duration / Self.step) { frame(bestBid: bestBid, walls: []) }
    }

    /// Bid walls at `prices` while the touch walks down from 1_000 to `closest` ticks from the nearest one,
    /// then pulled.
    mutating func pulledBidWalls(_ prices: [Int64], lots: Int64 = 100, closest: Int64 = 3) {
        let nearest = prices.max()!
        var bid: Int64 = 1_000
        frame(bestBid: bid, walls: prices.map { (.bid, $0, lots) })
        while bid - nearest > closest {
            bid -= 1
            frame(bestBid: bid, walls: prices.map { (.bid, $0, lots) })
        }
        idle(bestBid: bid, for: 100_000_000)
    }
}

@Suite struct SpoofDetectorTests {
    @Test func wallPulledAsPriceApproachesIsFlagged() {
        var harness = SpoofHarness()
        harness.pulledBidWalls([992])
        #expect(harness.events.count == 1)
        let event = harness.events[0]
        #expect(event.side == .bid && event.price.ticks == 992 && !event.traded)
        #expect(event.initialDistance == 8 && event.closestDistance == 3)
        #expect(event.isSpoof(threshold: 0.5))
        #expect(harness.engine.features.spoofBid > 0.5)
        #expect(harness.engine.features.spoofAsk == 0)
    }

    @Test func wallThatGetsTradedIsNotFlagged() {
        var harness = SpoofHarness()
        var bid: Int64 = 1_000
        harness.frame(bestBid: bid, walls: [(.bid, 994, 100)])
        while bid > 995 {
            bid -= 1
            harness.frame(bestBid: bid, walls: [(.bid, 994, 100)])
        }
        // A seller sweeps the touch and the wall: prints at 995 and 994, then the book shows the wall gone.
        harness.engine.recordTrade(price: Price(ticks: 995), quantity: Quantity(lots: 10), taker: .sell, exchangeTime: harness.time + 1)
        harness.engine.recordTrade(price: Price(ticks: 994), quantity: Quantity(lots: 100), taker: .sell, exchangeTime: harness.time + 2)
        harness.idle(bestBid: 993, for: 100_000_000)
        #expect(harness.events.count == 1)
        #expect(harness.events[0].traded)
        #expect(harness.events[0].score == 0)
        #expect(harness.engine.features.spoof == 0)
    }

    @Test func printBeforeTheVanishArrivingLateStillCountsAsTraded() {
        var harness = SpoofHarness()
        harness.frame(bestBid: 1_000, walls: [(.bid, 995, 100)])
        harness.frame(bestBid: 1_000, walls: [])  // the wall is gone from the book...
        let vanishTime = harness.time
        // ...and the trade stream, a little behind, reports a print through it stamped before the vanish.
        harness.engine.recordTrade(price: Price(ticks: 994), quantity: Quantity(lots: 1), taker: .sell, exchangeTime: vanishTime - 1)
        harness.idle(bestBid: 1_000, for: 100_000_000)
        #expect(harness.events.count == 1 && harness.events[0].traded)
    }

    @Test func smallOrdersAreNotTracked() {
        var harness = SpoofHarness()
        harness.pulledBidWalls([992], lots: 30)  // 3 × the median level: ordinary size variation
        #expect(harness.events.isEmpty)
        #expect(harness.engine.features.spoof == 0)
    }

    @Test func layeredWallsScoreHigherThanASingleWall() {
        var single = SpoofHarness()
        single.pulledBidWalls([992])
        var layered = SpoofHarness()
        layered.pulledBidWalls([992, 990, 988])
        #expect(layered.events.count == 3)
        #expect(layered.events.allSatisfy { $0.layers == 3 && $0.isSpoof(threshold: 0.5) })
        let nearest = layered.events.first { $0.price.ticks == 992 }!
        #expect(nearest.score > single.events[0].score)
        #expect(layered.engine.features.spoofBid > single.engine.features.spoofBid)
    }

    @Test func scoreDecaysOverTime() {
        var harness = SpoofHarness()
        harness.pulledBidWalls([992])
        let peak = harness.engine.features.spoof
        harness.idle(bestBid: 995, for: 10_000_000_000)  // one half-life
        let later = harness.engine.features.spoof
        #expect(later < peak)
        #expect(abs(later - peak / 2) < 0.01)
    }

    @Test func approachedQuickCancelsScoreHigherThanPatientOnes() {
        let configuration = SpoofConfiguration()
        let approached = SpoofDetector.eventScore(sizeRatio: 10, initialDistance: 8, closestDistance: 2,
                                                  lifetime: 200_000_000, layers: 1, configuration: configuration)
        let notApproached = SpoofDetector.eventScore(sizeRatio: 10, initialDistance: 8, closestDistance: 8,
                                                     lifetime: 200_000_000, layers: 1, configuration: configuration)
        let patient = SpoofDetector.eventScore(sizeRatio: 10, initialDistance: 8, closestDistance: 8,
                                               lifetime: 120_000_000_000, layers: 1, configuration: configuration)
        #expect(approached > notApproached && notApproached > patient)
        #expect(patient < configuration.flagThreshold)  // a big order that rested two minutes and left is not flagged
    }
}
