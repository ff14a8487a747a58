@_spi(Testing) import AsymRing
import Testing

@Suite struct SPSCRingTests {
    @Test func popsInPushOrder() {
        let ring = SPSCRing<Int>(capacity: 8)
        for value in 0..<5 { #expect(ring.tryPush(value)) }
        #expect(ring.count == 5)
        for value in 0..<5 { #expect(ring.tryPop() == value) }
        #expect(ring.tryPop() == nil)
    }

    @Test func refusesPushWhenFullAndAcceptsAfterPop() {
        let ring = SPSCRing<Int>(capacity: 4)
        for value in 0..<4 { #expect(ring.tryPush(value)) }
        #expect(!ring.tryPush(99))
        #expect(ring.tryPop() == 0)
        #expect(ring.tryPush(4))
        #expect(Array(sequence(state: ring) { $0.tryPop() }) == [1, 2, 3, 4])
    }

    @Test func wrapsAroundIndexOverflowWithoutLosingOrder() {
        let ring = SPSCRing<Int>(capacity: 4, startingIndex: Int.max - 5)
        var next = 0
        var expected = 0
        for _ in 0..<50 {
            while ring.tryPush(next) { next += 1 }
            while let value = ring.tryPop() {
                #expect(value == expected)
                expected += 1
            }
        }
        #expect(expected == next)
        #expect(next > 100)
    }

    @Test func peekDoesNotConsume() {
        let ring = SPSCRing<UInt64>(capacity: 2)
        ring.tryPush(7)
        #expect(ring.peek() == 7)
        #expect(ring.tryPop() == 7)
        #expect(ring.peek() == nil)
    }

    @Test func pushSpinningGivesUpWhenRingStaysFull() {
        let ring = SPSCRing<Int>(capacity: 2)
        #expect(ring.pushSpinning(1, maxSpins: 10))
        #expect(ring.pushSpinning(2, maxSpins: 10))
        #expect(!ring.pushSpinning(3, maxSpins: 10))
    }

    @Test func twoThreadStressLosesReordersAndTearsNothing() async {
        let items = RingStress.itemCount(default: 2_000_000)
        let report = await RingStress.runEvents(items: items, capacity: 1024)
        #expect(report.received == items)
        #expect(report.lost == 0)
        #expect(report.reordered == 0)
        #expect(report.torn == 0)
    }
}
