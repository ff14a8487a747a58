public import AsymCore

extension OrderBook {
    /// Copies up to `maxLevels` levels of `side`, best first (bids descending, asks ascending), into `prices`
    /// (ticks) and `quantities` (lots), which must each hold at least `maxLevels` elements; returns how many it
    /// copied. For a caller that keeps the top of the book in its own preallocated arrays and loops over them.
    /// - Complexity: O(levels copied) plus one bitmap word step per non-empty 64-tick word; allocation-free.
    @inlinable
    public func copyBestLevels(side: BookSide, maxLevels: Int, prices: inout ContiguousArray<Int64>,
                               quantities: inout ContiguousArray<Int64>) -> Int {
        precondition(prices.count >= maxLevels && quantities.count >= maxLevels, "arrays shorter than maxLevels")
        switch side {
        case .bid: return bids.copyBest(maxLevels, negatingKeys: false, into: &prices, &quantities)
        case .ask: return asks.copyBest(maxLevels, negatingKeys: true, into: &prices, &quantities)
        }
    }
}

extension LadderSide {
    /// Copies up to `maxLevels` levels best first: keys (negated when `negatingKeys`) and quantities.
    @inlinable
    func copyBest(_ maxLevels: Int, negatingKeys: Bool, into keys: inout ContiguousArray<Int64>,
                  _ quantities: inout ContiguousArray<Int64>) -> Int {
        var copied = 0
        if bestSlot >= 0 {
            var wordIndex = bestSlot &>> 6
            var bits = word(wordIndex) & (UInt64.max &>> UInt64(63 &- (bestSlot & 63)))
            while copied < maxLevels {
                if bits == 0 {
                    let next = highestOccupied(atOrBelow: wordIndex &<< 6 &- 1)
                    if next < 0 { break }
                    wordIndex = next &>> 6
                    bits = word(wordIndex)  // `next` is its highest set bit
                }
                let bit = 63 &- bits.leadingZeroBitCount
                bits ^= 1 &<< UInt64(bit)
                let slot = wordIndex &<< 6 | bit
                let key = base &+ Int64(slot)
                keys[copied] = negatingKeys ? 0 &- key : key
                quantities[copied] = storage[slot]
                copied &+= 1
            }
        }
        var index = overflow.count &- 1
        while copied < maxLevels && index >= 0 {
            keys[copied] = negatingKeys ? 0 &- overflow.keys[index] : overflow.keys[index]
            quantities[copied] = overflow.quantities[index]
            copied &+= 1
            index &-= 1
        }
        return copied
    }
}
