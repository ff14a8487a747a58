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
        var walk = OccupiedSlotWalk(from: bestSlot, in: self)
        let bestOffset = Int64(bestSlot)
        while let slot = walk.next(in: self) {
            let key = base &+ Int64(slot)
            let price = Price(ticks: negatingKeys ? 0 &- key : key)
            guard visitor.visit(price: price, distance: bestOffset &- Int64(slot), lots: storage[slot]) else { return }
            remaining &-= 1
            if remaining == 0 { return }
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
                output[64 &+ rank] = Int64(distance)
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
            output[64 &+ rank] = bestOffset &- Int64(slot)
            rank &+= 1
            if rank == maxLevels {
                top.levelCount = rank
                return
            }
        }
        var index = overflow.count &- 1
        while index >= 0 && rank < maxLevels {
            output[rank] = overflow.quantities[index]
            output[64 &+ rank] = bestKey &- overflow.keys[index]
            rank &+= 1
            index &-= 1
        }
        top.levelCount = rank
    }
}

/// The ladder's occupied slots best first (descending), a word of the occupancy bitmap at a time: within a word
/// the next slot is a leading-zero count on a register, so a dense top of book costs a few cycles per level.
@usableFromInline
struct OccupiedSlotWalk {
    @usableFromInline var wordIndex: Int
    @usableFromInline var bits: UInt64

    /// A walk from `bestSlot` down (none when it is negative: an empty ladder).
    @inlinable
    init(from bestSlot: Int, in side: borrowing LadderSide) {
        guard bestSlot >= 0 else {
            wordIndex = 0
            bits = 0
            return
        }
        wordIndex = bestSlot &>> 6
        bits = side.word(wordIndex) & (UInt64.max &>> UInt64(63 &- (bestSlot & 63)))
    }

    /// The next occupied slot, or nil past the lowest.
    @inlinable
    mutating func next(in side: borrowing LadderSide) -> Int? {
        while bits == 0 {
            let next = side.highestOccupied(atOrBelow: wordIndex &<< 6 &- 1)
            if next < 0 { return nil }
            wordIndex = next &>> 6
            bits = side.word(wordIndex)  // `next` is its highest set bit
        }
        let bit = 63 &- bits.leadingZeroBitCount
        bits ^= 1 &<< UInt64(bit)
        return wordIndex &<< 6 | bit
    }
}
