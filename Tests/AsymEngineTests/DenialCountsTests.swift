@testable import AsymEngine
import AsymRisk
import AsymTransport
import Testing

@Suite struct DenialCountsTests {
    /// The engine thread copies the session's counters into every status snapshot; the next denial then writes
    /// the session's own counters without allocating, and the snapshot keeps what it saw.
    @Test func aDenialAfterCopyingTheCountersAllocatesNothingAndLeavesTheCopyAlone() {
        var counters = TradingSessionSummary()
        let reason = Int(DenialReason.spoofScoreTooHigh.rawValue)
        counters.denied[reason] &+= 1
        let snapshot = counters
        let (_, allocations) = AllocationCounter.countingOnThisThread { counters.denied[reason] &+= 1 }
        #expect(allocations == 0)
        #expect(snapshot.denials(.spoofScoreTooHigh) == 1 && counters.denials(.spoofScoreTooHigh) == 2)
        #expect(snapshot != counters)
    }

    /// One counter per reason: each reason counts on its own, the total sums them, equality compares them all.
    @Test func everyReasonHasItsOwnCounterAndTheTotalSumsThem() {
        var counts = DenialCounts()
        #expect(counts.count == Int(DenialReason.allCases.map(\.rawValue).max()!) + 1)
        for (offset, reason) in DenialReason.allCases.enumerated() { counts[Int(reason.rawValue)] = Int64(offset + 1) }
        let n = Int64(DenialReason.allCases.count)
        #expect(counts.total == n * (n + 1) / 2)
        for (offset, reason) in DenialReason.allCases.enumerated() { #expect(counts[Int(reason.rawValue)] == Int64(offset + 1)) }
        var other = counts
        #expect(other == counts)
        other[0] &+= 1
        #expect(other != counts)
    }
}
