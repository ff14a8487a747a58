import TestSupport
import AsymBook
import AsymCore
import Testing

/// The ladder against `ReferenceBook` over long seeded random streams: a random-walk mid with jumps that
/// force re-centring, churn near the touch, deletes of the best level, random deletes and far levels.
@Suite struct OrderBookCrossCheckTests {
    struct Mismatch: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `updates` random updates, comparing the touch and level counts after every update and the
    /// top 20 levels, point quantities and band depths every `sampleEvery` updates; every level after each
    /// re-centring and at the end.
    static func crossCheck(seed: UInt64, updates: Int, ladderCapacity: Int, sampleEvery: Int) throws -> OrderBookCounters {
        var rng = SplitMix64(seed: seed)
        var book = OrderBook(ladderCapacity: ladderCapacity, overflowCapacity: 1 << 14)
        var reference = ReferenceBook()
        var mid: Int64 = 3_000_000
        let far = Int64(ladderCapacity)
        var recentres = 0
        for index in 0..<updates {
            if rng.below(16) == 0 { mid += rng.int64(in: -3...3) }
            if rng.below(50_000) == 0 { mid += rng.int64(in: -4 * far...4 * far) }  // forces re-centring
            let side: BookSide = rng.below(2) == 0 ? .bid : .ask
            let sidePrices = side == .bid ? reference.bids.sortedPrices : reference.asks.sortedPrices
            let direction: Int64 = side == .bid ? -1 : 1
            var price: Int64
            var quantity: Int64
            switch rng.below(100) {
            case 0..<60:  // churn near the touch
                let distance = min(rng.int64(in: 0...40), rng.int64(in: 0...40))
                price = mid + direction * (1 + distance)
                quantity = rng.below(4) == 0 ? 0 : rng.int64(in: 1...1_000)
            case 60..<75:  // delete the best level
                price = (side == .bid ? reference.bestBid : reference.bestAsk) ?? mid
                quantity = 0
            case 75..<95:  // delete any level
                price = sidePrices.isEmpty ? mid : sidePrices[rng.below(sidePrices.count)]
                quantity = 0
            case 95..<99:  // a far level, outside the window
                price = mid + direction * rng.int64(in: far / 2...8 * far)
                quantity = rng.int64(in: 1...1_000)
            default:  // replace an existing level
                price = sidePrices.isEmpty ? mid : sidePrices[rng.below(sidePrices.count)]
                quantity = rng.int64(in: 1...1_000)
            }
            book.apply(side: side, price: Price(ticks: price), quantity: Quantity(lots: quantity))
            reference.apply(side: side, price: price, quantity: quantity)

            guard book.bestBid?.ticks == reference.bestBid, book.bestAsk?.ticks == reference.bestAsk,
                book.levelCount(side: .bid) == reference.bids.quantities.count,
                book.levelCount(side: .ask) == reference.asks.quantities.count
            else {
                throw Mismatch(description: "update \(index): touch \(String(describing: book.bestBid))/\(String(describing: book.bestAsk)) vs \(String(describing: reference.bestBid))/\(String(describing: reference.bestAsk))")
            }
            if index % sampleEvery == 0 {
                try compareSample(book, reference, rng: &rng, at: index, maxLevels: 20)
            }
            if book.counters.recentres != recentres {  // the window moved: compare every level
                recentres = book.counters.recentres
                try compareSample(book, reference, rng: &rng, at: index, maxLevels: .max)
            }
        }
        try compareSample(book, reference, rng: &rng, at: updates, maxLevels: .max)
        #expect(reference.bids.sortedPrices == reference.bids.quantities.keys.sorted())
        #expect(reference.asks.sortedPrices == reference.asks.quantities.keys.sorted())
        return book.counters
    }

    static func compareSample(
        _ book: OrderBook, _ reference: ReferenceBook, rng: inout SplitMix64, at index: Int, maxLevels: Int
    ) throws {
        for side in [BookSide.bid, .ask] {
            let actual = levels(book, side, max: maxLevels)
            let expected = reference.levels(side: side, maxLevels: maxLevels)
            guard actual == expected else {
                throw Mismatch(description: "update \(index) \(side) levels: \(actual.prefix(25)) vs \(expected.prefix(25))")
            }
            let prices = side == .bid ? reference.bids.sortedPrices : reference.asks.sortedPrices
            if !prices.isEmpty {
                let probe = prices[rng.below(prices.count)] + rng.int64(in: -1...1)
                let expectedQuantity = (side == .bid ? reference.bids : reference.asks).quantities[probe] ?? 0
                guard book.quantity(at: Price(ticks: probe), side: side).lots == expectedQuantity else {
                    throw Mismatch(description: "update \(index) \(side) quantity at \(probe)")
                }
            }
            if maxLevels != .max {  // the reference's depth scans every level: sample it less
                let basisPoints = Int64(rng.below(50))
                guard book.depthWithin(basisPoints: basisPoints, side: side).lots
                    == reference.depthWithin(basisPoints: basisPoints, side: side)
                else {
                    throw Mismatch(description: "update \(index) \(side) depth within \(basisPoints) bps")
                }
            }
        }
    }

    @Test func ladderMatchesSortedReferenceOverOneMillionRandomUpdates() throws {
        let counters = try Self.crossCheck(seed: 0x5EED_B00C, updates: 1_000_000, ladderCapacity: 4_096, sampleEvery: 1_000)
        #expect(counters.recentres >= 10)
        #expect(counters.droppedFarLevels == 0)
    }

    @Test func defaultSizedLadderMatchesReferenceOverRandomUpdates() throws {
        let counters = try Self.crossCheck(seed: 42, updates: 200_000, ladderCapacity: 1 << 16, sampleEvery: 1_000)
        #expect(counters.droppedFarLevels == 0)
    }
}
