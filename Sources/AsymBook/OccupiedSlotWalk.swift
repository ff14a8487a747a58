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
