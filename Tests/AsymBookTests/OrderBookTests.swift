import AsymBook
import AsymCore
import Testing
import TestSupport

/// Best-first levels of `side` as plain integers.
func levels(_ book: OrderBook, _ side: BookSide, max: Int = .max) -> [BookLevelPair] {
    var result: [BookLevelPair] = []
    book.forEachLevel(side: side, maxLevels: max) { result.append(BookLevelPair(price: $0.price.ticks, quantity: $0.quantity.lots)) }
    return result
}

extension OrderBook {
    mutating func set(_ side: BookSide, _ price: Int64, _ quantity: Int64) {
        apply(side: side, price: Price(ticks: price), quantity: Quantity(lots: quantity))
    }

    /// Applies `count` random level updates around `centre`: within `near` ticks of it, or one time in `farOneIn`
    /// within `far`; one in four removes its level, the others set 1...`maxLots`.
    mutating func applyRandomLevels(_ count: Int, around centre: Int64, near: Int64, far: Int64, farOneIn: Int,
                                    maxLots: Int64, random: inout SplitMix64) {
        for _ in 0..<count {
            let side: BookSide = random.below(2) == 0 ? .bid : .ask
            let offset = random.below(farOneIn) == 0 ? random.int64(in: 1...far) : random.int64(in: 1...near)
            let price = side == .bid ? centre - offset : centre + offset
            let lots = random.below(4) == 0 ? 0 : random.int64(in: 1...maxLots)
            apply(side: side, price: Price(ticks: price), quantity: Quantity(lots: lots))
        }
    }
}

@Suite struct OrderBookTests {
    @Test func emptyBookHasNoTouchAndIsResyncing() {
        let book = OrderBook()
        #expect(book.bestBid == nil)
        #expect(book.bestAsk == nil)
        #expect(book.spreadTicks == nil)
        #expect(book.midPriceTicks == nil)
        #expect(book.levelCount(side: .bid) == 0)
        #expect(book.status == .resyncing)
        #expect(!book.isUsable)
        #expect(book.depthWithin(basisPoints: 100, side: .bid) == .zero)
    }

    @Test func insertsLevelsAndTracksBestOnEachSide() {
        var book = OrderBook()
        book.reset()
        book.set(.bid, 1_000, 5)
        book.set(.bid, 1_002, 7)
        book.set(.bid, 999, 1)
        book.set(.ask, 1_010, 3)
        book.set(.ask, 1_005, 2)
        book.endFrame(at: 1)
        #expect(book.bestBid == Price(ticks: 1_002))
        #expect(book.bestAsk == Price(ticks: 1_005))
        #expect(book.bestLevel(side: .bid) == BookLevel(price: Price(ticks: 1_002), quantity: Quantity(lots: 7)))
        #expect(book.bestLevel(side: .ask) == BookLevel(price: Price(ticks: 1_005), quantity: Quantity(lots: 2)))
        #expect(book.spreadTicks == 3)
        #expect(book.doubledMidTicks == 2_007)
        #expect(book.midPriceTicks == 1_003.5)
        #expect(book.levelCount(side: .bid) == 3)
        #expect(book.levelCount(side: .ask) == 2)
        #expect(book.isUsable)
    }

    @Test func replacesQuantityAtAnExistingPrice() {
        var book = OrderBook()
        book.set(.bid, 500, 5)
        book.set(.bid, 500, 9)
        #expect(book.quantity(at: Price(ticks: 500), side: .bid) == Quantity(lots: 9))
        #expect(book.levelCount(side: .bid) == 1)
        #expect(book.quantity(at: Price(ticks: 500), side: .ask) == .zero)
    }

    @Test func zeroQuantityDeletesAndDeletingAnAbsentLevelIsANoOp() {
        var book = OrderBook()
        book.set(.ask, 700, 4)
        book.set(.ask, 701, 4)
        book.set(.ask, 701, 0)
        book.set(.ask, 702, 0)
        book.set(.ask, 900_000, 0)
        #expect(levels(book, .ask) == [BookLevelPair(price: 700, quantity: 4)])
        book.set(.ask, 700, 0)
        #expect(book.bestAsk == nil)
        #expect(book.levelCount(side: .ask) == 0)
    }

    @Test func deletingTheBestLevelFallsBackToTheNextBestAcrossEmptyWords() {
        var book = OrderBook()
        // Spread bids over several 64-slot words and 4,096-slot summary groups.
        for price: Int64 in [10_000, 9_999, 9_900, 5_000, 1_000] { book.set(.bid, price, 1) }
        for price: Int64 in [10_001, 10_002, 10_100, 15_000, 19_000] { book.set(.ask, price, 1) }
        var bids: [Int64] = []
        var asks: [Int64] = []
        while let bid = book.bestBid {
            bids.append(bid.ticks)
            book.set(.bid, bid.ticks, 0)
        }
        while let ask = book.bestAsk {
            asks.append(ask.ticks)
            book.set(.ask, ask.ticks, 0)
        }
        #expect(bids == [10_000, 9_999, 9_900, 5_000, 1_000])
        #expect(asks == [10_001, 10_002, 10_100, 15_000, 19_000])
    }

    @Test func topLevelsIterateBestFirstAndStopAtMaxLevels() {
        var book = OrderBook()
        for (offset, price) in [Int64(100), 98, 99, 95, 97].enumerated() { book.set(.bid, price, Int64(offset + 1)) }
        for price: Int64 in [104, 101, 103, 110] { book.set(.ask, price, price - 100) }
        #expect(levels(book, .bid).map(\.price) == [100, 99, 98, 97, 95])
        #expect(levels(book, .ask).map(\.price) == [101, 103, 104, 110])
        #expect(levels(book, .bid, max: 2) == [BookLevelPair(price: 100, quantity: 1), BookLevelPair(price: 99, quantity: 3)])
        #expect(levels(book, .ask, max: 3).map(\.quantity) == [1, 3, 4])
        #expect(levels(book, .ask, max: 0).isEmpty)
    }

    @Test func depthWithinBasisPointsSumsTheBandAroundTheMid() {
        var book = OrderBook()
        // mid = 10_000.5 ticks; 10 bps = 10.0005 ticks → bids >= 9_990.4995 (9_991+), asks <= 10_010.5005.
        book.set(.bid, 10_000, 1)
        book.set(.bid, 9_995, 2)
        book.set(.bid, 9_991, 4)
        book.set(.bid, 9_990, 8)
        book.set(.ask, 10_001, 16)
        book.set(.ask, 10_010, 32)
        book.set(.ask, 10_011, 64)
        #expect(book.depthWithin(basisPoints: 10, side: .bid) == Quantity(lots: 7))
        #expect(book.depthWithin(basisPoints: 10, side: .ask) == Quantity(lots: 48))
        #expect(book.depthWithin(basisPoints: 0, side: .bid) == .zero)
        #expect(book.depthWithin(basisPoints: 10_000, side: .bid) == Quantity(lots: 15))
        #expect(book.depthWithin(basisPoints: 10_000, side: .ask) == Quantity(lots: 112))
    }

    @Test func crossedAndLockedBooksAreDetectedAtFrameEndAndCounted() {
        var book = OrderBook()
        book.reset()
        book.set(.bid, 100, 1)
        book.set(.ask, 101, 1)
        book.endFrame(at: 1)
        #expect(book.crossing == BookCrossing.none)
        #expect(book.isUsable)

        book.set(.bid, 101, 1)  // locked
        book.endFrame(at: 2)
        #expect(book.crossing == .locked)
        #expect(!book.isUsable)

        book.set(.bid, 102, 1)  // crossed
        book.endFrame(at: 3)
        #expect(book.crossing == .crossed)
        #expect(book.counters.crossedFrames == 2)
        #expect(!book.isUsable)

        book.set(.bid, 102, 0)
        book.set(.bid, 101, 0)
        book.endFrame(at: 4)
        #expect(book.crossing == BookCrossing.none)
        #expect(book.isUsable)
        #expect(book.counters.crossedFrames == 2)
    }

    @Test func aCrossWithinOneFrameThatResolvesByFrameEndIsNotCounted() {
        var book = OrderBook()
        book.reset()
        book.set(.bid, 100, 1)
        book.set(.ask, 101, 1)
        // The touch moves up: the new bid at 101 is applied before the ask at 101 is removed.
        book.set(.bid, 101, 1)
        book.set(.ask, 101, 0)
        book.set(.ask, 102, 1)
        book.endFrame(at: 1)
        #expect(book.crossing == BookCrossing.none)
        #expect(book.counters.crossedFrames == 0)
    }

    @Test func resetInvalidateAndClearDriveTheValidityState() {
        var book = OrderBook()
        book.set(.bid, 10, 1)
        #expect(book.status == .resyncing)
        book.reset()
        #expect(book.status == .valid)
        #expect(book.levelCount(side: .bid) == 0)
        book.set(.bid, 10, 1)
        book.set(.ask, 11, 1)
        book.endFrame(at: 5)
        #expect(book.isUsable)
        book.invalidate()
        book.invalidate()  // already resyncing: counted once
        #expect(book.status == .resyncing)
        #expect(!book.isUsable)
        #expect(book.bestBid == Price(ticks: 10))  // kept for inspection
        book.reset()
        book.clear()
        #expect(book.status == .resyncing)
        #expect(book.bestBid == nil)
        let counters = book.counters
        #expect(counters.resets == 2)
        #expect(counters.invalidations == 2)
        #expect(counters.frames == 1)
        #expect(counters.levelUpdates == 3)
    }

    @Test func bookAgeIsMeasuredFromTheLastFrame() {
        var book = OrderBook()
        book.endFrame(at: 1_000)
        #expect(book.lastUpdateTime == 1_000)
        #expect(book.age(now: 1_750) == 750)
        book.endFrame(at: 2_000)
        #expect(book.age(now: 2_000) == 0)
    }

    @Test func recentresWhenThePriceMovesFarAndKeepsEveryLevel() {
        var book = OrderBook(ladderCapacity: 256, overflowCapacity: 64)
        var reference = ReferenceBook()
        func set(_ side: BookSide, _ price: Int64, _ quantity: Int64) {
            book.set(side, price, quantity)
            reference.apply(side: side, price: price, quantity: quantity)
        }
        for step: Int64 in 0..<5 { set(.bid, 1_000 - step, 10 + step); set(.ask, 1_001 + step, 20 + step) }
        // Rally far above the window, then crash far below it.
        for step: Int64 in 0..<5 { set(.bid, 5_000 - step, 30 + step); set(.ask, 5_001 + step, 40 + step) }
        for step: Int64 in 0..<5 { set(.bid, 100 - step, 50 + step); set(.ask, 101 + step, 60 + step) }
        #expect(book.counters.recentres > 0)
        #expect(levels(book, .bid) == reference.levels(side: .bid, maxLevels: .max))
        #expect(levels(book, .ask) == reference.levels(side: .ask, maxLevels: .max))
        #expect(book.bestBid == Price(ticks: 5_000))
        #expect(book.bestAsk == Price(ticks: 101))
        // Deleting the far touch on both sides walks back to levels held outside the window.
        for step: Int64 in 0..<5 { set(.bid, 5_000 - step, 0) }
        #expect(book.bestBid == Price(ticks: 1_000))
        for step: Int64 in 0..<5 { set(.bid, 1_000 - step, 0) }
        #expect(book.bestBid == Price(ticks: 100))
        #expect(levels(book, .bid) == reference.levels(side: .bid, maxLevels: .max))
        #expect(book.counters.droppedFarLevels == 0)
    }

    @Test func deepLevelsOutsideTheWindowAreKeptExactly() {
        var book = OrderBook(ladderCapacity: 64, overflowCapacity: 16)
        book.set(.bid, 10_000, 1)
        book.set(.bid, 9_000, 2)  // far below a 64-tick window: overflow
        book.set(.bid, 8_000, 3)
        book.set(.ask, 10_001, 4)
        book.set(.ask, 20_000, 5)
        #expect(book.counters.recentres == 0)
        #expect(book.quantity(at: Price(ticks: 9_000), side: .bid) == Quantity(lots: 2))
        #expect(book.quantity(at: Price(ticks: 20_000), side: .ask) == Quantity(lots: 5))
        #expect(levels(book, .bid).map(\.price) == [10_000, 9_000, 8_000])
        #expect(levels(book, .ask).map(\.price) == [10_001, 20_000])
        book.set(.bid, 9_000, 7)
        book.set(.bid, 8_000, 0)
        #expect(levels(book, .bid) == [BookLevelPair(price: 10_000, quantity: 1), BookLevelPair(price: 9_000, quantity: 7)])
        #expect(book.levelCount(side: .bid) == 2)
        #expect(book.depthWithin(basisPoints: 10_000, side: .bid) == Quantity(lots: 8))
    }

    @Test func aFullOverflowDropsTheFarthestLevelAndCountsIt() {
        var book = OrderBook(ladderCapacity: 64, overflowCapacity: 2)
        book.set(.bid, 10_000, 1)
        book.set(.bid, 9_000, 1)
        book.set(.bid, 8_000, 1)
        book.set(.bid, 8_500, 1)  // evicts 8_000
        book.set(.bid, 7_000, 1)  // farther than everything kept: itself dropped
        #expect(levels(book, .bid).map(\.price) == [10_000, 9_000, 8_500])
        #expect(book.counters.droppedFarLevels == 2)
    }

    @Test func negativeAndLargePricesWork() {
        var book = OrderBook(ladderCapacity: 64)
        book.set(.bid, -37, 1)
        book.set(.ask, -30, 2)
        #expect(book.spreadTicks == 7)
        book.set(.bid, 1 << 40, 3)
        #expect(book.bestBid == Price(ticks: 1 << 40))
        #expect(levels(book, .bid).map(\.price) == [1 << 40, -37])
    }

    @Test func bookSetKeepsOneIndependentBookPerInstrument() {
        var books = BookSet(count: 3, ladderCapacity: 1024)
        books[InstrumentID(0)].set(.bid, 100, 1)
        books[InstrumentID(2)].set(.bid, 200, 2)
        #expect(books.count == 3)
        #expect(books[InstrumentID(0)].bestBid == Price(ticks: 100))
        #expect(books[InstrumentID(1)].bestBid == nil)
        #expect(books[InstrumentID(2)].bestBid == Price(ticks: 200))
    }
}

@Suite struct DepthBandLimitTests {
    /// The worst price in the band is the extreme integer price that satisfies the band's rational inequality,
    /// on the 64-bit fast path and on the 128-bit path beyond it (huge or negative doubled mids).
    @Test func worstPriceInBandIsTheExtremePriceSatisfyingTheBand() throws {
        var random = SplitMix64(seed: 5)
        let ranges: [ClosedRange<Int64>] = [0...2_000, 1_000_000...2_000_000, (1 << 48) - 1_000...(1 << 48) + 1_000,
                                             (1 << 60)...(1 << 61), -2_000_000...(-1)]
        for range in ranges {
            for _ in 0..<2_000 {
                let doubledMid = random.int64(in: range)
                let basisPoints = [0, 1, 10, 9_999, 10_000, random.int64(in: 0...10_000)][random.below(6)]
                let bidBound = Int128(doubledMid) * Int128(10_000 - basisPoints)
                let askBound = Int128(doubledMid) * Int128(10_000 + basisPoints)
                let bid = OrderBook.worstPriceInBand(doubledMid: doubledMid, basisPoints: basisPoints, side: .bid)
                let ask = OrderBook.worstPriceInBand(doubledMid: doubledMid, basisPoints: basisPoints, side: .ask)
                let lowestBid = Int128(try #require(bid).ticks)
                let highestAsk = Int128(try #require(ask).ticks)
                #expect(lowestBid * 20_000 >= bidBound && (lowestBid - 1) * 20_000 < bidBound,
                        "bid band at doubled mid \(doubledMid), \(basisPoints) bps")
                #expect(highestAsk * 20_000 <= askBound && (highestAsk + 1) * 20_000 > askBound,
                        "ask band at doubled mid \(doubledMid), \(basisPoints) bps")
            }
        }
    }
}

@Suite struct CopyBestLevelsTests {
    /// The copied levels are exactly the best levels with their sizes, distances and prices, whether they lie
    /// within 64 ticks of the best (the read-every-tick path) or spread wider, across ladder word boundaries and
    /// into the overflow store (the bitmap walk); one value refilled again and again never keeps stale levels.
    @Test func copiedLevelsEqualTheBestLevelsOnDenseAndSparseBooks() {
        var random = SplitMix64(seed: 31)
        var top = BookTopLevels()
        var densePaths = 0
        for _ in 0..<400 {
            var book = OrderBook(ladderCapacity: 256, overflowCapacity: 64)
            book.reset()
            let centre = random.int64(in: 10_000...20_000)
            let spread = random.below(3) == 0 ? 600 : (random.below(2) == 0 ? 70 : 25)
            for _ in 0..<random.below(150) {
                let side: BookSide = random.below(2) == 0 ? .bid : .ask
                let offset = random.int64(in: 1...Int64(spread))
                let price = side == .bid ? centre - offset : centre + offset
                book.apply(side: side, price: Price(ticks: price), quantity: Quantity(lots: random.int64(in: 0...9)))
            }
            book.endFrame(at: 1)
            for side in [BookSide.bid, .ask] {
                let maxLevels = 1 + random.below(BookTopLevels.capacity)
                book.copyBestLevels(side: side, maxLevels: maxLevels, into: &top)
                let expected = Array(levels(book, side, max: maxLevels))
                #expect(top.side == side)
                #expect(top.count == expected.count)
                let copied = (0..<top.count).map { BookLevelPair(price: top.price(at: $0).ticks, quantity: top.lots(at: $0)) }
                #expect(copied == expected)
                let best = expected.first?.price ?? 0
                #expect((0..<top.count).map { top.distance(at: $0) }
                        == expected.map { side == .bid ? best - $0.price : $0.price - best })
                if let last = expected.last, abs(last.price - best) < 64 { densePaths += 1 }
            }
        }
        #expect(densePaths > 100)  // the read-every-tick path ran, not only the walk
    }
}

/// Quantity on `side` inside the band, by the band's rational inequality over every level the book holds.
func referenceDepth(_ book: OrderBook, _ side: BookSide, basisPoints: Int64) -> Int64 {
    guard let doubledMid = book.doubledMidTicks else { return 0 }
    var total: Int64 = 0
    book.forEachLevel(side: side) { level in
        let scaled = Int128(level.price.ticks) * 20_000
        let inside = side == .bid ? scaled >= Int128(doubledMid) * Int128(10_000 - basisPoints)
                                  : scaled <= Int128(doubledMid) * Int128(10_000 + basisPoints)
        if inside { total += level.quantity.lots }
    }
    return total
}

@Suite struct DepthWithinWordSumTests {
    /// One book through a long random walk — re-centres both ways, deep levels that fill a tiny overflow store so
    /// the farthest are dropped, deletions, snapshots — keeps its running side totals exact: the band sum (whole
    /// side, or either side of the limit) equals the reference after every frame.
    @Test func runningTotalsStayExactThroughRecentresDropsAndResets() {
        var random = SplitMix64(seed: 17)
        var book = OrderBook(ladderCapacity: 128, overflowCapacity: 6)
        book.reset()
        var mid: Int64 = 50_000
        for frame in 0..<20_000 {
            if random.below(200) == 0 { mid += random.int64(in: -400...400) }
            if random.below(2_000) == 0 { book.reset() }
            book.applyRandomLevels(1 + random.below(6), around: mid, near: 30, far: 900, farOneIn: 6, maxLots: 99,
                                   random: &random)
            book.endFrame(at: Int64(frame))
            let basisPoints = [10_000, 5, 40, random.int64(in: 0...400)][random.below(4)]
            for side in [BookSide.bid, .ask] {
                let depth = book.depthWithin(basisPoints: basisPoints, side: side).lots
                let expected = referenceDepth(book, side, basisPoints: basisPoints)
                #expect(depth == expected, "frame \(frame) \(side) \(basisPoints) bps")
                if depth != expected { return }
            }
        }
        #expect(book.counters.droppedFarLevels > 0 && book.counters.recentres > 0)
    }

    /// The word-masked band sum equals summing every level that satisfies the band's rational inequality, for
    /// bands ending inside a word, on a word boundary, beyond the ladder window and past the last level.
    @Test func bandSumEqualsTheLevelsInsideTheBand() {
        var random = SplitMix64(seed: 13)
        for _ in 0..<400 {
            var book = OrderBook(ladderCapacity: 256, overflowCapacity: 128)
            book.reset()
            let centre = random.int64(in: 20_000...30_000)
            for _ in 0..<random.below(150) {
                let side: BookSide = random.below(2) == 0 ? .bid : .ask
                let offset = random.below(3) == 0 ? random.int64(in: 1...2_000) : random.int64(in: 1...150)
                book.apply(side: side, price: Price(ticks: side == .bid ? centre - offset : centre + offset),
                           quantity: Quantity(lots: random.int64(in: 0...50)))
            }
            book.endFrame(at: 1)
            guard let doubledMid = book.doubledMidTicks else { continue }
            let basisPoints = random.int64(in: 0...(random.below(2) == 0 ? 100 : 10_000))
            for side in [BookSide.bid, .ask] {
                let expected = referenceDepth(book, side, basisPoints: basisPoints)
                #expect(book.depthWithin(basisPoints: basisPoints, side: side).lots == expected,
                        "\(side) within \(basisPoints) bps of doubled mid \(doubledMid)")
            }
        }
    }
}

@Suite struct LastFrameChangeTests {
    /// Whenever the book says its last frame did not change `side` at or better than a price, every level of
    /// that side at or better than the price is what it was before the frame; whenever such a level differs,
    /// it says so. Checked for every price around the book after frames of random changes and snapshots.
    @Test func anUnchangedVerdictMeansEveryLevelAtOrBetterThanThePriceIsAsBefore() {
        var random = SplitMix64(seed: 5)
        var book = OrderBook(ladderCapacity: 256, overflowCapacity: 64)
        book.reset()
        book.endFrame(at: 0)
        let centre: Int64 = 10_000
        for frame in 1...2_000 {
            let before = [levels(book, .bid), levels(book, .ask)]
            let previous = book.revision
            if frame % 500 == 0 { book.reset() }
            book.applyRandomLevels(random.below(4), around: centre, near: 30, far: 400, farOneIn: 5, maxLots: 9,
                                   random: &random)
            book.endFrame(at: Int64(frame))
            #expect(book.revision.follows(previous))
            for (index, side) in [BookSide.bid, .ask].enumerated() {
                let after = levels(book, side)
                if before[index] != after || frame % 500 == 0 { #expect(book.lastFrameChanged(side: side)) }
                for offset in stride(from: Int64(-450), through: 450, by: 7) {
                    let price = centre + offset
                    let better: (BookLevelPair) -> Bool = { side == .bid ? $0.price >= price : $0.price <= price }
                    let differs = before[index].filter(better) != after.filter(better)
                    let changed = book.lastFrameChanged(side: side, atOrBetterThan: Price(ticks: price))
                    if differs { #expect(changed, "frame \(frame) \(side) at \(price)") }
                    if !book.lastFrameChanged(side: side) { #expect(!changed) }
                }
            }
        }
    }

    /// A revision follows only the one just before it, of the same book: a copy keeps the book's number, a new
    /// book gets its own.
    @Test func aRevisionFollowsOnlyThePreviousFrameOfTheSameBook() {
        var book = OrderBook(ladderCapacity: 64, overflowCapacity: 8)
        let first = book.revision
        book.endFrame(at: 1)
        #expect(book.revision.follows(first))
        #expect(!first.follows(book.revision))
        var copy = book
        copy.endFrame(at: 2)
        #expect(copy.revision.follows(book.revision))
        book.endFrame(at: 2)
        book.endFrame(at: 3)
        #expect(!book.revision.follows(first))
        let other = OrderBook(ladderCapacity: 64, overflowCapacity: 8)
        #expect(other.revision.book != book.revision.book)
    }
}
