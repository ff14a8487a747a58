import AsymTransport
import Testing

@Suite(.serialized) struct AllocationCounterTests {
    @Test func interposerIsActiveInThisProcess() {
        #expect(AllocationCounter.isAvailable)
    }

    @Test func countsArrayAllocations() {
        let (_, allocations) = AllocationCounter.counting {
            var arrays: [[Int]] = []
            for index in 0..<100 { arrays.append([index, index + 1]) }
            return arrays.count
        }
        #expect(allocations >= 100)
    }

    @Test func perThreadCountingSeesThisThreadOnly() async throws {
        let (_, mine) = AllocationCounter.countingOnThisThread {
            var arrays: [[Int]] = []
            for index in 0..<50 { arrays.append([index]) }
            return arrays.count
        }
        #expect(mine >= 50)
        let (_, none) = AllocationCounter.countingOnThisThread { 1 + 1 }
        #expect(none == 0)
    }
}
