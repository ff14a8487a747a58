public import AsymCore

extension OrderBook {
    /// Hands up to `maxLevels` levels of `side` to `visitor`, best first (bids descending, asks ascending),
    /// until it returns `false`.
    /// - Complexity: O(levels visited) plus one bitmap word step per non-empty 64-tick word; allocation-free.
    @inlinable
    public func visitBestLevels<Visitor: BookLevelVisitor>(side: BookSide, maxLevels: Int,
                                                           _ visitor: inout Visitor) {
        switch side {
        case .bid: bids.visitBest(maxLevels, negatingKeys: false, &visitor)
        case .ask: asks.visitBest(maxLevels, negatingKeys: true, &visitor)
        }
    }
}

extension LadderSide {
    /// Visits up to `maxLevels` levels best first; prices are the keys, negated when `negatingKeys`.
    ///
    /// Within an occupancy word the next level is a leading-zero count on a register, so a dense top of book
    /// costs a few cycles per level.
    @inlinable
    func visitBest<Visitor: BookLevelVisitor>(_ maxLevels: Int, negatingKeys: Bool, _ target: inout Visitor) {
        guard maxLevels > 0, let bestKey else { return }
        // Walk with a local copy, written back once: the visitor's fields can then live in registers instead of
        // being stored to and reloaded from the caller's memory on every level.
        var visitor = target
        defer { target = visitor }
        var remaining = maxLevels
        if bestSlot >= 0 {
            var wordIndex = bestSlot &>> 6
            var bits = word(wordIndex) & (UInt64.max &>> UInt64(63 &- (bestSlot & 63)))
            let bestOffset = Int64(bestSlot)
            while true {
                while bits != 0 {
                    let bit = 63 &- bits.leadingZeroBitCount
                    bits ^= 1 &<< UInt64(bit)
                    let slot = wordIndex &<< 6 | bit
                    let key = base &+ Int64(slot)
                    let price = Price(ticks: negatingKeys ? 0 &- key : key)
                    guard visitor.visit(price: price, distance: bestOffset &- Int64(slot), lots: storage[slot])
                    else { return }
                    remaining &-= 1
                    if remaining == 0 { return }
                }
                let next = highestOccupied(atOrBelow: wordIndex &<< 6 &- 1)
                if next < 0 { break }
                wordIndex = next &>> 6
                bits = word(wordIndex)  // `next` is its highest set bit
            }
        }
        var index = overflow.count &- 1
        while index >= 0 {
            let key = overflow.keys[index]
            let price = Price(ticks: negatingKeys ? 0 &- key : key)
            guard visitor.visit(price: price, distance: bestKey &- key, lots: overflow.quantities[index]) else { return }
            remaining &-= 1
            if remaining == 0 { return }
            index &-= 1
        }
    }
}
