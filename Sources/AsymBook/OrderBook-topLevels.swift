public import AsymCore

extension OrderBook {
    /// Copies up to `maxLevels` (≤ `BookTopLevels.capacity`) levels of `side` into `top`, best first.
    /// - Complexity: O(levels) — O(ticks spanned) without a branch per level when they lie within 64 ticks of
    ///   the best price, else one bitmap walk; allocation-free.
    @inlinable
    public func copyBestLevels(side: BookSide, maxLevels: Int, into top: inout BookTopLevels) {
        top.levelSide = side
        switch side {
        case .bid: bids.copyBest(min(maxLevels, BookTopLevels.capacity), negatingKeys: false, into: &top)
        case .ask: asks.copyBest(min(maxLevels, BookTopLevels.capacity), negatingKeys: true, into: &top)
        }
    }
}

extension LadderSide {
    /// The number of occupied slots among the 64 ending at the best slot (0 when the best slot is below 63).
    @inlinable
    var occupiedInBestWindow: Int {
        guard bestSlot >= 63 else { return 0 }
        let wordIndex = bestSlot &>> 6
        let bit = bestSlot & 63
        let upper = word(wordIndex) &<< UInt64(63 &- bit)
        let lower = bit == 63 ? 0 : word(wordIndex &- 1) &>> UInt64(bit &+ 1)
        return upper.nonzeroBitCount &+ lower.nonzeroBitCount
    }

    /// Copies up to `maxLevels` (1...64) levels best first into `top`.
    ///
    /// When they all lie in the 64 ticks from the best, it reads those ticks in order and advances the output
    /// index only past a non-empty one, so the loop has no branch per level; otherwise it walks the bitmap.
    @inlinable
    func copyBest(_ maxLevels: Int, negatingKeys: Bool, into top: inout BookTopLevels) {
        guard let bestKey else {
            top.levelCount = 0
            top.bestPrice = 0
            return
        }
        top.bestPrice = negatingKeys ? 0 &- bestKey : bestKey
        // One uniqueness check for the whole copy rather than one per write.
        var output = top.storage.mutableSpan
        if occupiedInBestWindow >= maxLevels {
            var rank = 0
            var distance = 0
            let best = bestSlot
            while rank < maxLevels {
                let lots = storage[best &- distance]
                output[rank] = lots
                output[BookTopLevels.capacity &+ rank] = Int64(distance)
                rank &+= lots != 0 ? 1 : 0
                distance &+= 1
            }
            top.levelCount = rank
            return
        }
        var rank = 0
        var walk = OccupiedSlotWalk(from: bestSlot, in: self)
        let bestOffset = Int64(bestSlot)
        while let slot = walk.next(in: self) {
            output[rank] = storage[slot]
            output[BookTopLevels.capacity &+ rank] = bestOffset &- Int64(slot)
            rank &+= 1
            if rank == maxLevels {
                top.levelCount = rank
                return
            }
        }
        var index = overflow.count &- 1
        while index >= 0 && rank < maxLevels {
            output[rank] = overflow.quantities[index]
            output[BookTopLevels.capacity &+ rank] = bestKey &- overflow.keys[index]
            rank &+= 1
            index &-= 1
        }
        top.levelCount = rank
    }
}
