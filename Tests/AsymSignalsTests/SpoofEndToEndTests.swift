import AsymBook
import AsymCore
import AsymSignals
import Testing

/// A small labelled market with the wall rules of AsymEngine's `SyntheticMarket` (which this test target
/// cannot import): a random-walk touch, churning ordinary levels, walls 8–15× the typical level 4–9 ticks
/// from the touch (spoofs sometimes layered two ticks apart), price drawn toward resting walls, spoofs
/// pulled once price is within 3 ticks, genuine walls traded when price reaches them.
struct LabelledMarket {
    struct Label { var side: BookSide; var price: Int64; var appearedAt: Int64; var vanishedAt: Int64?; var spoof: Bool }
    struct Wall { var label: Int; var side: BookSide; var price: Int64; var extra: Int64 }

    var random: SplitMix64
    var bestBid: Int64 = 100_000
    var sizes: [Int64: Int64] = [:]
    var walls: [Wall] = []
    var labels: [Label] = []
    var time: Int64 = 1_700_000_000_000_000_000
    var book = OrderBook(ladderCapacity: 1 << 14, overflowCapacity: 256)
    var shown: [Int64: Int64] = [:]  // key: price × 2 + side
    let typical: Int64 = 100

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        book.reset()
    }

    mutating func ordinary() -> Int64 { Int64(Double(typical) * (0.3 + 1.4 * random.unit())) + 1 }

    mutating func size(_ price: Int64) -> Int64 {
        if let size = sizes[price] { return size }
        let size = ordinary()
        sizes[price] = size
        return size
    }

    func distance(_ wall: Wall) -> Int64 { wall.side == .bid ? bestBid - wall.price : wall.price - (bestBid + 1) }

    /// One step: trades go to `engine` first (as the trade stream), then the book frame.
    mutating func step(_ engine: inout BookFeatureEngine) {
        time += 20_000_000
        if walls.contains(where: { labels[$0.label].spoof && distance($0) <= 3 }) {
            for wall in walls where labels[wall.label].spoof { labels[wall.label].vanishedAt = time }
            walls.removeAll { labels[$0.label].spoof }
        }
        var move: Int64 = 0
        if let target = walls.first {
            let towards: Int64 = target.side == .bid ? -1 : 1
            move = random.chance(0.55) ? towards : (random.chance(0.5) ? -towards : 0)
        } else if random.chance(0.35) {
            move = random.chance(0.5) ? 1 : -1
        }
        if move != 0 {
            // The taker consumes the touch level it moves through.
            let consumed = move < 0 ? bestBid : bestBid + 1
            let taker: TakerSide = move < 0 ? .sell : .buy
            engine.recordTrade(price: Price(ticks: consumed), quantity: Quantity(lots: size(consumed)), taker: taker,
                               exchangeTime: time - 3_000_000)
            for wall in walls where wall.price == consumed && wall.side == (move < 0 ? .bid : .ask) {
                labels[wall.label].vanishedAt = time
            }
            walls.removeAll { $0.price == consumed && $0.side == (move < 0 ? BookSide.bid : .ask) }
            sizes[consumed] = ordinary()
            bestBid += move
        }
        for _ in 0..<3 {
            let offset = Int64(random.next() % 12)
            let price = random.chance(0.5) ? bestBid - offset : bestBid + 1 + offset
            sizes[price] = ordinary()
        }
        if walls.isEmpty, random.chance(0.02) {
            let side: BookSide = random.chance(0.5) ? .bid : .ask
            let spoof = random.chance(0.5)
            let count = spoof && random.chance(0.3) ? 2 + Int(random.next() % 2) : 1
            let first = 4 + Int64(random.next() % 6)
            for layer in 0..<Int64(count) {
                let distance = first + 2 * layer
                let price = side == .bid ? bestBid - distance : bestBid + 1 + distance
                labels.append(Label(side: side, price: price, appearedAt: time, vanishedAt: nil, spoof: spoof))
                walls.append(Wall(label: labels.count - 1, side: side, price: price,
                                  extra: typical * Int64(8 + random.next() % 8)))
            }
        }
        publish(&engine)
    }

    /// Applies the 30-level view of both sides as absolute sizes, removing levels that left it.
    mutating func publish(_ engine: inout BookFeatureEngine) {
        var next: [Int64: Int64] = [:]
        for offset in 0..<Int64(30) {
            next[(bestBid - offset) * 2] = size(bestBid - offset)
            next[(bestBid + 1 + offset) * 2 + 1] = size(bestBid + 1 + offset)
        }
        for wall in walls {
            let key = wall.price * 2 + (wall.side == .bid ? 0 : 1)
            if let lots = next[key] { next[key] = lots + wall.extra }
        }
        for (key, _) in shown where next[key] == nil { apply(key, 0) }
        for (key, lots) in next where shown[key] != lots { apply(key, lots) }
        shown = next
        book.endFrame(at: time)
        engine.update(book: book, exchangeTime: time, receiveTime: time)
    }

    mutating func apply(_ key: Int64, _ lots: Int64) {
        let side: BookSide = key & 1 == 0 ? .bid : .ask
        book.apply(side: side, price: Price(ticks: key >> 1), quantity: Quantity(lots: lots))
    }
}

@Suite struct SpoofEndToEndTests {
    @Test(arguments: [UInt64(1), 2, 3])
    func detectsLabelledSpoofsWithHighPrecisionAndRecall(seed: UInt64) {
        var market = LabelledMarket(seed: seed)
        var engine = BookFeatureEngine()
        var events: [SpoofEvent] = []
        for _ in 0..<20_000 {
            market.step(&engine)
            while let event = engine.spoof.popEvent() { events.append(event) }
        }
        engine.spoof.flush()
        while let event = engine.spoof.popEvent() { events.append(event) }

        var used = [Bool](repeating: false, count: market.labels.count)
        var truePositives = 0
        var falsePositives = 0
        for event in events where event.isSpoof(threshold: engine.spoof.configuration.flagThreshold) {
            let match = market.labels.indices.first {
                !used[$0] && market.labels[$0].side == event.side && market.labels[$0].price == event.price.ticks
                    && abs(market.labels[$0].appearedAt - event.appearedAt) <= 1_000_000
            }
            if let match, market.labels[match].spoof {
                used[match] = true
                truePositives += 1
            } else {
                falsePositives += 1
            }
        }
        let positives = market.labels.indices.filter { market.labels[$0].spoof && market.labels[$0].vanishedAt != nil }
        let falseNegatives = positives.filter { !used[$0] }.count
        let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
        #expect(positives.count >= 20)
        #expect(precision >= 0.9, "precision \(precision): \(truePositives) tp, \(falsePositives) fp")
        #expect(recall >= 0.8, "recall \(recall): \(truePositives) tp, \(falseNegatives) fn")
    }
}
