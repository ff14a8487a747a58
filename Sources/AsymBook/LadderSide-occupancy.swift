/// The ladder's two-level occupancy bitmap: one bit per slot, plus one summary bit per non-empty 64-slot
/// word, so "next occupied slot" scans at most one word per level (plus `capacity / 262_144` summary
/// words). It lives in the same `storage` array as the quantities so an update pays one uniqueness check.
///
/// Model: the occupancy index that lets hftbacktest-style array depth find the next best tick after the
/// best level is deleted without walking empty ticks one by one.
extension LadderSide {
    @inlinable
    static func storageCount(capacity: Int) -> Int {
        capacity + capacity / 64 + max(1, capacity / 4096)
    }

    @inlinable var wordsStart: Int { capacity }
    @inlinable var wordCount: Int { capacity &>> 6 }
    @inlinable var summaryStart: Int { capacity &+ (capacity &>> 6) }
    @inlinable var summaryCount: Int { max(1, capacity &>> 12) }

    @inlinable
    func word(_ index: Int) -> UInt64 { UInt64(bitPattern: storage[wordsStart &+ index]) }

    @inlinable
    func summaryWord(_ index: Int) -> UInt64 { UInt64(bitPattern: storage[summaryStart &+ index]) }

    @inlinable
    func isOccupied(_ slot: Int) -> Bool {
        word(slot &>> 6) & (1 &<< UInt64(slot & 63)) != 0
    }

    @inlinable
    mutating func markOccupied(_ slot: Int) {
        let index = slot &>> 6
        let old = word(index)
        storage[wordsStart &+ index] = Int64(bitPattern: old | (1 &<< UInt64(slot & 63)))
        if old == 0 {
            let group = summaryStart &+ (index &>> 6)
            storage[group] = Int64(bitPattern: UInt64(bitPattern: storage[group]) | (1 &<< UInt64(index & 63)))
        }
    }

    @inlinable
    mutating func markEmpty(_ slot: Int) {
        let index = slot &>> 6
        let new = word(index) & ~(1 &<< UInt64(slot & 63))
        storage[wordsStart &+ index] = Int64(bitPattern: new)
        if new == 0 {
            let group = summaryStart &+ (index &>> 6)
            storage[group] = Int64(bitPattern: UInt64(bitPattern: storage[group]) & ~(1 &<< UInt64(index & 63)))
        }
    }

    /// The highest occupied slot `<= slot`, or -1.
    /// - Complexity: O(1) per level; the summary loop runs only past 262,144 slots.
    @inlinable
    func highestOccupied(atOrBelow slot: Int) -> Int {
        if slot < 0 { return -1 }
        var index = slot &>> 6
        let bits = word(index) & (UInt64.max &>> UInt64(63 &- (slot & 63)))
        if bits != 0 { return index &<< 6 | (63 &- bits.leadingZeroBitCount) }
        index &-= 1
        if index < 0 { return -1 }
        var group = index &>> 6
        var groupBits = summaryWord(group) & (UInt64.max &>> UInt64(63 &- (index & 63)))
        while groupBits == 0 {
            group &-= 1
            if group < 0 { return -1 }
            groupBits = summaryWord(group)
        }
        let found = group &<< 6 | (63 &- groupBits.leadingZeroBitCount)
        return found &<< 6 | (63 &- word(found).leadingZeroBitCount)
    }

    /// The lowest occupied slot `>= slot`, or -1.
    /// - Complexity: O(1) per level; the summary loop runs only past 262,144 slots.
    @inlinable
    func lowestOccupied(atOrAbove slot: Int) -> Int {
        if slot >= capacity { return -1 }
        var index = slot &>> 6
        let bits = word(index) & (UInt64.max &<< UInt64(slot & 63))
        if bits != 0 { return index &<< 6 | bits.trailingZeroBitCount }
        index &+= 1
        if index >= wordCount { return -1 }
        var group = index &>> 6
        var groupBits = summaryWord(group) & (UInt64.max &<< UInt64(index & 63))
        while groupBits == 0 {
            group &+= 1
            if group >= summaryCount { return -1 }
            groupBits = summaryWord(group)
        }
        let found = group &<< 6 | groupBits.trailingZeroBitCount
        return found &<< 6 | word(found).trailingZeroBitCount
    }
}
