/// One side of an `OrderBook` in *key* space, where the best level is always the highest key
/// (bids use `key = ticks`, asks `key = -ticks`), so both sides share one code path.
///
/// A power-of-two window of `capacity` keys starting at `base` is stored as a dense array of
/// quantities followed by an occupancy bitmap (`LadderSide-occupancy.swift`) in the same array — one
/// array, so an update pays one copy-on-write uniqueness check; levels outside the window live in
/// `OverflowLevels`.
/// Invariant: every overflow key is below `base` (worse than every ladder level), so the best
/// level is the ladder's best slot when the ladder is non-empty, else the overflow's greatest key.
///
/// Model: hftbacktest's `ROIVectorMarketDepth` (array indexed by tick within a region of interest,
/// `best_bid_tick` tracked incrementally), extended so that nothing outside the region is lost.
@usableFromInline
struct LadderSide: Sendable {
    /// Quantities by slot in `0..<capacity`, then the occupancy words, then their summary words.
    @usableFromInline var storage: [Int64]
    @usableFromInline var overflow: OverflowLevels
    /// Key of slot 0.
    @usableFromInline var base: Int64
    /// Best occupied slot, or -1 when the ladder (not necessarily the side) is empty.
    @usableFromInline var bestSlot: Int
    @usableFromInline var ladderLevelCount: Int
    /// Summed quantity of the ladder's levels (the overflow keeps its own), kept on every change so the
    /// side's total is O(1).
    @usableFromInline var ladderLots: Int64
    @usableFromInline let capacity: Int
    @usableFromInline var recentreCount: Int

    init(capacity: Int, overflowCapacity: Int) {
        precondition(capacity >= 64 && capacity & (capacity - 1) == 0, "ladder capacity must be a power of two >= 64")
        precondition(capacity <= 1 << 24, "ladder capacity must be <= 2^24")
        self.capacity = capacity
        storage = Array(repeating: 0, count: Self.storageCount(capacity: capacity))
        overflow = OverflowLevels(capacity: overflowCapacity)
        base = 0
        bestSlot = -1
        ladderLevelCount = 0
        ladderLots = 0
        recentreCount = 0
    }

    @inlinable var levelCount: Int { ladderLevelCount &+ overflow.count }

    /// Summed quantity of every level of the side.
    @inlinable var totalLots: Int64 { ladderLots &+ overflow.totalLots }

    @inlinable
    var bestKey: Int64? {
        bestSlot >= 0 ? base &+ Int64(bestSlot) : overflow.maxKey
    }

    @inlinable
    var bestQuantity: Int64 {
        bestSlot >= 0 ? storage[bestSlot] : (overflow.count > 0 ? overflow.quantities[overflow.count &- 1] : 0)
    }

    /// Sets the absolute quantity at `key`; 0 removes the level.
    /// - Complexity: O(1) inside the window; O(n) in the overflow size outside it; O(levels) when it
    ///   re-centres.
    @inlinable
    mutating func set(key: Int64, quantity: Int64) {
        let offset = key &- base
        if UInt64(bitPattern: offset) < UInt64(capacity) {
            setSlot(Int(truncatingIfNeeded: offset), quantity)
        } else {
            setOutsideWindow(key: key, quantity: quantity)
        }
    }

    @inlinable
    mutating func setSlot(_ slot: Int, _ quantity: Int64) {
        let old = storage[slot]
        storage[slot] = quantity
        ladderLots &+= quantity &- old
        if quantity != 0 {
            if old == 0 {
                markOccupied(slot)
                ladderLevelCount &+= 1
                if slot > bestSlot { bestSlot = slot }
            }
        } else if old != 0 {
            markEmpty(slot)
            ladderLevelCount &-= 1
            if slot == bestSlot { bestSlot = highestOccupied(atOrBelow: slot &- 1) }
        }
    }

    /// Slow path, kept out of line so the in-window path stays small.
    @usableFromInline
    mutating func setOutsideWindow(key: Int64, quantity: Int64) {
        // A delete never moves the window: removing an unknown level is normal on every venue.
        guard quantity != 0 else {
            overflow.remove(key: key)
            return
        }
        let half = Int64(capacity / 2)
        guard let best = bestKey else {
            base = key - half  // empty side: centre on the first level
            setSlot(Int(half), quantity)
            return
        }
        if key >= base + Int64(capacity) {
            // Above the window: the new level is the best, and overflow may hold only worse keys.
            recentre(centre: key)
            set(key: key, quantity: quantity)
        } else if best - key < half {
            // Near the touch but below the window (the touch drifted down): follow the touch.
            recentre(centre: max(best, key))
            set(key: key, quantity: quantity)
        } else {
            overflow.upsert(key: key, quantity: quantity)
        }
    }

    /// Moves the window to `[centre - capacity/2, centre + capacity/2)`; `centre` must be `>=` every
    /// stored key, so levels leave only through the bottom (into the overflow) and overflow levels
    /// enter only at the bottom.
    /// - Complexity: O(ladder levels + moved overflow levels + capacity / 64).
    @usableFromInline
    mutating func recentre(centre: Int64) {
        let newBase = centre - Int64(capacity / 2)
        let shift = newBase - base
        if shift > 0 {
            let leaving = shift >= Int64(capacity) ? capacity : Int(shift)
            var slot = lowestOccupied(atOrAbove: 0)
            while slot >= 0 && slot < leaving {
                overflow.appendGreatest(key: base + Int64(slot), quantity: storage[slot])
                ladderLots &-= storage[slot]
                storage[slot] = 0
                markEmpty(slot)
                ladderLevelCount -= 1
                slot = lowestOccupied(atOrAbove: slot + 1)
            }
            while slot >= 0 {  // ascending, so a destination is never an unvisited source
                let quantity = storage[slot]
                storage[slot] = 0
                markEmpty(slot)
                storage[slot - leaving] = quantity
                markOccupied(slot - leaving)
                slot = lowestOccupied(atOrAbove: slot + 1)
            }
        } else if shift < 0 {
            var slot = highestOccupied(atOrBelow: capacity - 1)
            if slot >= 0 {
                let distance = Int(-shift)
                precondition(slot + distance < capacity, "re-centre below the best level")
                while slot >= 0 {  // descending, for the same reason
                    let quantity = storage[slot]
                    storage[slot] = 0
                    markEmpty(slot)
                    storage[slot + distance] = quantity
                    markOccupied(slot + distance)
                    slot = highestOccupied(atOrBelow: slot - 1)
                }
            }
        }
        base = newBase
        while let key = overflow.maxKey, key >= newBase {
            let slot = Int(key - newBase)
            precondition(slot < capacity, "overflow level above the window")
            storage[slot] = overflow.quantities[overflow.count - 1]
            ladderLots &+= storage[slot]
            markOccupied(slot)
            ladderLevelCount += 1
            overflow.removeLast()
        }
        bestSlot = highestOccupied(atOrBelow: capacity - 1)
        recentreCount += 1
    }

    /// The quantity at `key`, or 0.
    @inlinable
    func quantity(at key: Int64) -> Int64 {
        let offset = key &- base
        if UInt64(bitPattern: offset) < UInt64(capacity) { return storage[Int(truncatingIfNeeded: offset)] }
        return overflow.quantity(at: key)
    }

    /// Calls `body(key, quantity)` best-first (descending key) until it returns `false`.
    /// - Complexity: O(visited levels) plus one bitmap step per non-empty word (`OccupiedSlotWalk`).
    @inlinable
    func forEachLevel(_ body: (Int64, Int64) -> Bool) {
        var walk = OccupiedSlotWalk(from: bestSlot, in: self)
        while let slot = walk.next(in: self) {
            if !body(base &+ Int64(slot), storage[slot]) { return }
        }
        var index = overflow.count &- 1
        while index >= 0 {
            if !body(overflow.keys[index], overflow.quantities[index]) { return }
            index &-= 1
        }
    }

    /// The lowest key of the side, or nil when it is empty.
    @inlinable
    var worstKey: Int64? {
        if overflow.count > 0 { return overflow.keys[0] }
        return bestSlot >= 0 ? base &+ Int64(lowestOccupied(atOrAbove: 0)) : nil
    }

    /// The summed quantity of every level with a key `>= limit`.
    ///
    /// From the side's running total when the limit is at or below every level, else by summing the levels
    /// on whichever side of the limit spans fewer ticks (everything minus the levels below it, or the levels
    /// at or above it directly).
    /// - Complexity: O(1) when every level qualifies; else O(levels on the shorter side of the limit).
    @inlinable
    func totalQuantity(atOrAbove limit: Int64) -> Int64 {
        guard let worst = worstKey, let best = bestKey, limit <= best else { return 0 }
        if limit <= worst { return totalLots }
        return best &- limit <= limit &- worst
            ? ladderQuantity(atOrAbove: limit) &+ overflowQuantity(atOrAbove: limit)
            : totalLots &- ladderQuantity(below: limit) &- overflowQuantity(below: limit)
    }

    /// The ladder levels with a key `>= limit`, summed a masked occupancy word at a time, lowest bit first
    /// (a sum needs no order, and clearing the lowest bit is the cheapest step).
    @inlinable
    func ladderQuantity(atOrAbove limit: Int64) -> Int64 {
        let lowOffset = limit &- base
        guard bestSlot >= 0 && lowOffset <= Int64(bestSlot) else { return 0 }
        var total: Int64 = 0
        let lowSlot = lowOffset > 0 ? Int(lowOffset) : 0
        let lowWord = lowSlot &>> 6
        var wordIndex = bestSlot &>> 6
        var bits = word(wordIndex) & (UInt64.max &>> UInt64(63 &- (bestSlot & 63)))
        while true {
            if wordIndex == lowWord { bits &= UInt64.max &<< UInt64(lowSlot & 63) }
            let first = wordIndex &<< 6
            while bits != 0 {
                total &+= storage[first | bits.trailingZeroBitCount]
                bits &= bits &- 1
            }
            if wordIndex == lowWord { break }
            let next = highestOccupied(atOrBelow: first &- 1)
            if next < lowSlot { break }
            wordIndex = next &>> 6
            bits = word(wordIndex)  // `next` is its highest set bit
        }
        return total
    }

    /// The ladder levels with a key `< limit`, summed upward from the lowest a masked word at a time.
    @inlinable
    func ladderQuantity(below limit: Int64) -> Int64 {
        let highOffset = limit &- base  // slots below this one qualify
        guard bestSlot >= 0 && highOffset > 0 else { return 0 }
        if highOffset > Int64(bestSlot) { return ladderLots }
        let highSlot = Int(highOffset)  // exclusive
        let highWord = highSlot &>> 6
        var slot = lowestOccupied(atOrAbove: 0)
        var total: Int64 = 0
        while slot >= 0 && slot < highSlot {
            let wordIndex = slot &>> 6
            var bits = word(wordIndex)
            if wordIndex == highWord { bits &= (1 &<< UInt64(highSlot & 63)) &- 1 }
            let first = wordIndex &<< 6
            while bits != 0 {
                total &+= storage[first | bits.trailingZeroBitCount]
                bits &= bits &- 1
            }
            if wordIndex == highWord { break }
            slot = lowestOccupied(atOrAbove: first &+ 64)
        }
        return total
    }

    /// The overflow levels with a key `>= limit` (they all lie below the window).
    @inlinable
    func overflowQuantity(atOrAbove limit: Int64) -> Int64 {
        var total: Int64 = 0
        var index = overflow.count &- 1
        while index >= 0 && overflow.keys[index] >= limit {
            total &+= overflow.quantities[index]
            index &-= 1
        }
        return total
    }

    /// The overflow levels with a key `< limit`.
    @inlinable
    func overflowQuantity(below limit: Int64) -> Int64 {
        var total: Int64 = 0
        var index = 0
        while index < overflow.count && overflow.keys[index] < limit {
            total &+= overflow.quantities[index]
            index &+= 1
        }
        return total
    }

    /// Removes every level; the window stays where it is.
    /// - Complexity: O(levels + capacity / 4096).
    mutating func removeAll() {
        var slot = lowestOccupied(atOrAbove: 0)
        while slot >= 0 {
            storage[slot] = 0
            markEmpty(slot)
            slot = lowestOccupied(atOrAbove: slot + 1)
        }
        ladderLevelCount = 0
        ladderLots = 0
        bestSlot = -1
        overflow.removeAll()
    }
}
