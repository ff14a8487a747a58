/// Remembers recent (trade id, order) pairs so a fill seen twice (a WebSocket report and its REST echo,
/// a replayed message) is applied once.
///
/// Two-choice hashing over fixed arrays, replacing the older entry of the pair: O(1), no allocation, and
/// exact for the most recent ~`capacity` fills, which is where duplicates occur. A duplicate older than
/// that would pass and then show up as an overfill alert, not go unnoticed.
struct TradeIDFilter {
    var trades: [UInt64]
    var orders: [UInt64]
    var stamps: [UInt64]
    var clock: UInt64 = 0
    let mask: Int

    init(capacity: Int) {
        var size = 2
        while size < capacity { size <<= 1 }
        trades = Array(repeating: 0, count: size)
        orders = Array(repeating: 0, count: size)
        stamps = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// Records the pair; false when it was already recorded.
    mutating func insert(tradeID: UInt64, order: UInt64) -> Bool {
        var hash = tradeID &* 0x9E37_79B9_7F4A_7C15 ^ order &* 0xC2B2_AE3D_27D4_EB4F
        hash ^= hash >> 29
        let first = Int(truncatingIfNeeded: hash) & mask
        let second = Int(truncatingIfNeeded: hash >> 32) & mask
        if stamps[first] != 0 && trades[first] == tradeID && orders[first] == order { return false }
        if stamps[second] != 0 && trades[second] == tradeID && orders[second] == order { return false }
        clock &+= 1
        let slot = stamps[first] <= stamps[second] ? first : second
        trades[slot] = tradeID
        orders[slot] = order
        stamps[slot] = clock
        return true
    }
}
