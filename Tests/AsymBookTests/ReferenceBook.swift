import AsymCore

/// The obviously-correct model the ladder is checked against: a dictionary per side plus its keys kept
/// sorted ascending by binary-search insertion (so the best level is cheap enough to compare every update).
struct ReferenceBook {
    struct Side {
        var quantities: [Int64: Int64] = [:]
        var sortedPrices: [Int64] = []

        func insertionIndex(_ price: Int64) -> Int {
            var low = 0
            var high = sortedPrices.count
            while low < high {
                let middle = (low + high) / 2
                if sortedPrices[middle] < price { low = middle + 1 } else { high = middle }
            }
            return low
        }

        mutating func set(_ price: Int64, _ quantity: Int64) {
            if quantity == 0 {
                if quantities.removeValue(forKey: price) != nil {
                    sortedPrices.remove(at: insertionIndex(price))
                }
            } else if quantities.updateValue(quantity, forKey: price) == nil {
                sortedPrices.insert(price, at: insertionIndex(price))
            }
        }
    }

    var bids = Side()
    var asks = Side()

    mutating func apply(side: BookSide, price: Int64, quantity: Int64) {
        switch side {
        case .bid: bids.set(price, quantity)
        case .ask: asks.set(price, quantity)
        }
    }

    var bestBid: Int64? { bids.sortedPrices.last }
    var bestAsk: Int64? { asks.sortedPrices.first }

    /// Best-first levels as (price, quantity).
    func levels(side: BookSide, maxLevels: Int) -> [BookLevelPair] {
        switch side {
        case .bid: bids.sortedPrices.reversed().prefix(maxLevels).map { BookLevelPair(price: $0, quantity: bids.quantities[$0]!) }
        case .ask: asks.sortedPrices.prefix(maxLevels).map { BookLevelPair(price: $0, quantity: asks.quantities[$0]!) }
        }
    }

    /// Depth within `basisPoints` of the mid, by direct (slow, obviously right) rational comparison.
    func depthWithin(basisPoints: Int64, side: BookSide) -> Int64 {
        guard let bid = bestBid, let ask = bestAsk else { return 0 }
        let doubledMid = Int128(bid + ask)
        switch side {
        case .bid:
            return bids.quantities.filter { Int128($0.key) * 20_000 >= doubledMid * Int128(10_000 - basisPoints) }
                .values.reduce(0, +)
        case .ask:
            return asks.quantities.filter { Int128($0.key) * 20_000 <= doubledMid * Int128(10_000 + basisPoints) }
                .values.reduce(0, +)
        }
    }
}

/// A level as plain integers, for readable comparisons.
struct BookLevelPair: Equatable, CustomStringConvertible {
    var price: Int64
    var quantity: Int64
    var description: String { "\(price)x\(quantity)" }
}
