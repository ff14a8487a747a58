import AsymJournal
import AsymTransport
import Testing
import TestSupport

@Suite struct JournalHotPathTests {
    @Test func durableSequenceAdvancesAfterCommit() throws {
        try TemporaryDirectory.with { directory in
            var configuration = JournalTestSupport.configuration(directory)
            configuration.commitInterval = 60_000_000_000  // only an explicit request commits
            let journal = try Journal(configuration: configuration)
            journal.start()
            let sequence = try #require(journal.append(TestEvent(1), type: .diagnostic, time: 10))
            #expect(sequence == 1)
            #expect(journal.durableSequence == 0)
            #expect(journal.waitUntilDurable(sequence, timeout: 10_000_000_000))
            #expect(journal.durableSequence >= 1)
            #expect(journal.statistics.commits >= 1)
            let second = try #require(journal.append(TestEvent(2), type: .diagnostic, time: 20))
            #expect(journal.waitUntilDurable(second, timeout: 10_000_000_000))
            #expect(journal.durableSequence == 2)
            try journal.close()
        }
    }

    @Test func hotPathEnqueueAllocatesNothing() throws {
        #expect(AllocationCounter.isAvailable)
        try TemporaryDirectory.with { directory in
            var configuration = JournalTestSupport.configuration(directory)
            configuration.ringSlots = 4096
            let journal = try Journal(configuration: configuration)  // not started: only this thread runs journal code
            for value in UInt64(1)...100 { journal.append(TestEvent(value), type: .diagnostic, time: Int64(value) * 10) }
            // Counted on this thread only: suites running in parallel cannot disturb it.
            var fewest = UInt64.max
            var next: UInt64 = 101
            for _ in 0..<5 {
                let (_, allocations) = AllocationCounter.countingOnThisThread {
                    for _ in 0..<500 {
                        journal.append(TestEvent(next), type: .diagnostic, time: Int64(next) * 10)
                        next += 1
                    }
                }
                fewest = min(fewest, allocations)
            }
            #expect(fewest == 0)
            #expect(journal.lastSequence == 2_600)
            try journal.close()
            #expect(try JournalTestSupport.readAll(configuration.directory).sequences == Array(1...2_600))
        }
    }

    @Test func fullRingSpinsBoundedlyThenReportsFailureWithoutLosingQueuedRecords() throws {
        try TemporaryDirectory.with { directory in
            var configuration = JournalTestSupport.configuration(directory)
            configuration.ringSlots = 4
            configuration.fullRingSpinLimit = 1_000
            let journal = try Journal(configuration: configuration)  // not started yet: nothing drains
            for value in UInt64(1)...4 {
                #expect(journal.append(TestEvent(value), type: .diagnostic, time: Int64(value) * 10) == value)
            }
            #expect(journal.append(TestEvent(5), type: .diagnostic, time: 50) == nil)
            #expect(journal.statistics.enqueueFailures == 1)
            #expect(journal.lastSequence == 4, "a failed append consumes no sequence number")

            journal.start()
            #expect(journal.waitUntilDurable(4, timeout: 10_000_000_000))
            #expect(journal.append(TestEvent(5), type: .diagnostic, time: 50) == 5)
            try journal.close()
            let (summary, sequences, mismatches) = try JournalTestSupport.readAll(configuration.directory)
            #expect(sequences == Array(1...5) && mismatches == 0 && summary.sequenceGaps == 0)
        }
    }

    @Test func tinyRingUnderSustainedLoadLosesNoRecords() throws {
        try TemporaryDirectory.with { directory in
            var configuration = JournalTestSupport.configuration(directory)
            configuration.ringSlots = 8
            configuration.fullRingSpinLimit = .max
            let journal = try JournalTestSupport.write(configuration, values: 1...50_000)
            #expect(journal.statistics.enqueueFailures == 0)
            let (summary, sequences, mismatches) = try JournalTestSupport.readAll(configuration.directory)
            #expect(summary.records == 50_000 && mismatches == 0 && sequences == Array(1...50_000))
        }
    }
}
