import AsymCore
import AsymSignals
import Testing

@Suite struct OrderFlowTests {
    func level(_ price: Int64, _ lots: Int64) -> BookLevel { BookLevel(price: Price(ticks: price), quantity: Quantity(lots: lots)) }

    @Test func orderFlowImbalanceFollowsContKukanovStoikovForKnownBestLevelChanges() {
        var ofi = OrderFlowImbalance()
        let t: Int64 = 1_000_000_000_000
        ofi.update(bid: level(100, 10), ask: level(101, 10), time: t)
        #expect(ofi.last == 0)  // no reference yet
        // Bid queue grows 10 → 15 at the same price: +5.
        ofi.update(bid: level(100, 15), ask: level(101, 10), time: t + 1)
        #expect(ofi.last == 5)
        // Ask queue shrinks 10 → 4 at the same price: −(4) + 10 = +6.
        ofi.update(bid: level(100, 15), ask: level(101, 4), time: t + 2)
        #expect(ofi.last == 6)
        // Bid improves to 102 (new queue 3 counts fully: +3); the ask retreats to 103 (old queue 4 counts: +4).
        ofi.update(bid: level(102, 3), ask: level(103, 4), time: t + 3)
        #expect(ofi.last == 7)
        // Bid drops back to 100 (queue 20): − old queue 3; ask steps down to 102 (queue 9): − 9 → −12.
        ofi.update(bid: level(100, 20), ask: level(102, 9), time: t + 4)
        #expect(ofi.last == -12)
        #expect(ofi.short.total == Double(5 + 6 + 7 - 12))
    }

    @Test func orderFlowWindowsForgetOldFlowAtDifferentSpeeds() {
        var ofi = OrderFlowImbalance()
        let second: Int64 = 1_000_000_000
        ofi.update(bid: level(100, 10), ask: level(101, 10), time: 100 * second)
        ofi.update(bid: level(100, 30), ask: level(101, 10), time: 100 * second + 1)
        ofi.advance(to: 105 * second)
        #expect(ofi.short.total == 0)
        #expect(ofi.medium.total == 20)
        #expect(ofi.long.total == 20)
    }
}
