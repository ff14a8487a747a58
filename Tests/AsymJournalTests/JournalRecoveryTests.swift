import AsymJournal
import Testing
import TestSupport

@Suite struct JournalRecoveryTests {
    @Test func reopeningContinuesTheSequence() throws {
        try TemporaryDirectory.with { directory in
            let configuration = JournalTestSupport.configuration(directory)
            _ = try JournalTestSupport.write(configuration, values: 1...100)
            let reopened = try JournalTestSupport.write(configuration, values: 101...150)
            #expect(reopened.recovery.lastSequence == 100 && !reopened.recovery.tornTailTruncated)
            #expect(reopened.recovery.recordsInLastSegment == 100)
            let (summary, sequences, mismatches) = try JournalTestSupport.readAll(configuration.directory)
            #expect(summary.records == 150 && summary.segments == 1 && mismatches == 0)
            #expect(sequences == Array(1...150))
        }
    }

    @Test func reopeningAnEmptyJournalStartsAtOne() throws {
        try TemporaryDirectory.with { directory in
            let configuration = JournalTestSupport.configuration(directory)
            let first = try Journal(configuration: configuration)
            #expect(first.recovery.lastSequence == 0 && first.recovery.segments == 1)
            try first.close()
            let second = try Journal(configuration: configuration)
            #expect(second.recovery.nextSequence == 1 && second.lastSequence == 0)
            #expect(second.append(TestEvent(1), type: .diagnostic, time: 10) == 1)
            try second.close()
        }
    }

    @Test func truncatesAShortTornTailAndAppendsAfterIt() throws {
        try TemporaryDirectory.with { directory in
            let configuration = JournalTestSupport.configuration(directory)
            _ = try JournalTestSupport.write(configuration, values: 1...100)
            let segment = try #require(JournalTestSupport.segmentPaths(configuration.directory).last)
            let full = JournalTestSupport.fileSize(segment)
            JournalTestSupport.truncate(segment, to: full - 5)  // the last record loses its CRC and a byte

            let (before, _, _) = try JournalTestSupport.readAll(configuration.directory)
            #expect(before.tornTailFound && before.tornTailBytes == UInt64(JournalTestSupport.recordSize - 5))
            #expect(before.records == 99 && before.crcErrors == 0)
            #expect(JournalTestSupport.fileSize(segment) == full - 5, "reading must not repair")

            let reopened = try JournalTestSupport.write(configuration, values: 100...120)
            #expect(reopened.recovery.tornTailTruncated)
            #expect(reopened.recovery.tornTailBytes == UInt64(JournalTestSupport.recordSize - 5))
            #expect(reopened.recovery.lastSequence == 99)
            let (summary, sequences, mismatches) = try JournalTestSupport.readAll(configuration.directory)
            #expect(!summary.tornTailFound && summary.crcErrors == 0 && mismatches == 0)
            #expect(sequences == Array(1...120))
        }
    }

    @Test func truncatesATailRecordWhoseCRCIsCorrupt() throws {
        try TemporaryDirectory.with { directory in
            let configuration = JournalTestSupport.configuration(directory)
            _ = try JournalTestSupport.write(configuration, values: 1...100)
            let segment = try #require(JournalTestSupport.segmentPaths(configuration.directory).last)
            JournalTestSupport.flipByte(segment, at: JournalTestSupport.fileSize(segment) - 1)

            let reopened = try JournalTestSupport.write(configuration, values: 100...101)
            #expect(reopened.recovery.tornTailTruncated)
            #expect(reopened.recovery.tornTailBytes == UInt64(JournalTestSupport.recordSize))
            let (summary, sequences, mismatches) = try JournalTestSupport.readAll(configuration.directory)
            #expect(summary.crcErrors == 0 && mismatches == 0 && sequences == Array(1...101))
        }
    }

    @Test func truncatesALengthFieldPointingPastTheEnd() throws {
        try TemporaryDirectory.with { directory in
            let configuration = JournalTestSupport.configuration(directory)
            _ = try JournalTestSupport.write(configuration, values: 1...10)
            let segment = try #require(JournalTestSupport.segmentPaths(configuration.directory).last)
            let lastRecord = JournalTestSupport.fileSize(segment) - JournalTestSupport.recordSize
            JournalTestSupport.flipByte(segment, at: lastRecord + 5)  // high byte of the length

            let reopened = try JournalTestSupport.write(configuration, values: 10...10)
            #expect(reopened.recovery.tornTailTruncated && reopened.recovery.lastSequence == 9)
            #expect(try JournalTestSupport.readAll(configuration.directory).sequences == Array(1...10))
        }
    }

    @Test func restartsASegmentWhoseHeaderNeverReachedTheDisk() throws {
        try TemporaryDirectory.with { directory in
            var configuration = JournalTestSupport.configuration(directory)
            configuration.segmentSize = 32 + 10 * JournalTestSupport.recordSize
            _ = try JournalTestSupport.write(configuration, values: 1...15)
            let segments = JournalTestSupport.segmentPaths(configuration.directory)
            #expect(segments.count == 2)
            JournalTestSupport.truncate(segments[1], to: 20)  // a crash while writing the new segment's header

            let reopened = try JournalTestSupport.write(configuration, values: 11...12)
            #expect(reopened.recovery.tornTailTruncated && reopened.recovery.tornTailBytes == 20)
            #expect(reopened.recovery.lastSequence == 10)
            let (summary, sequences, _) = try JournalTestSupport.readAll(configuration.directory)
            #expect(summary.crcErrors == 0 && sequences == Array(1...12))
        }
    }

    @Test func reportsACRCErrorInTheMiddleOfASegmentInsteadOfSkippingIt() throws {
        try TemporaryDirectory.with { directory in
            let configuration = JournalTestSupport.configuration(directory)
            _ = try JournalTestSupport.write(configuration, values: 1...100)
            let segment = try #require(JournalTestSupport.segmentPaths(configuration.directory).last)
            let damaged = 32 + 49 * JournalTestSupport.recordSize  // record 50
            JournalTestSupport.flipByte(segment, at: damaged + 22)  // its payload

            // Default reader: everything before the damage, then a reported stop.
            let stopped = try JournalTestSupport.readAll(configuration.directory)
            #expect(stopped.sequences == Array(1...49))
            #expect(stopped.summary.crcErrors == 1 && stopped.summary.stoppedAtCorruption)
            #expect(stopped.summary.corruptions == [JournalCorruption(path: segment, offset: UInt64(damaged))])
            #expect(!stopped.summary.tornTailFound)

            // Skipping reader (inspect): the damage is counted, and so is the gap it leaves.
            let skipped = try JournalTestSupport.readAll(configuration.directory, policy: .skip)
            #expect(skipped.summary.records == 99 && skipped.summary.crcErrors == 1 && skipped.summary.sequenceGaps == 1)
            #expect(!skipped.sequences.contains(50) && skipped.mismatches == 0)

            // The writer refuses to truncate durable records after the damage.
            #expect(throws: JournalError.corruptRecord(path: segment, offset: UInt64(damaged))) {
                try Journal(configuration: configuration)
            }
            #expect(JournalTestSupport.fileSize(segment) == 32 + 100 * JournalTestSupport.recordSize)
        }
    }

    @Test func rotatesSegmentsAndTheReaderCrossesThemInSequence() throws {
        try TemporaryDirectory.with { directory in
            var configuration = JournalTestSupport.configuration(directory)
            configuration.segmentSize = 32 + 10 * JournalTestSupport.recordSize
            let journal = try JournalTestSupport.write(configuration, values: 1...95)
            #expect(journal.statistics.segmentsCreated == 10)
            let names = JournalTestSupport.segmentPaths(configuration.directory).map { $0.split(separator: "/").last! }
            #expect(names.count == 10)
            #expect(names.first == "journal-00000000000000000001.log")
            #expect(names[1] == "journal-00000000000000000011.log" && names.last == "journal-00000000000000000091.log")

            let reopened = try JournalTestSupport.write(configuration, values: 96...120)
            #expect(reopened.recovery.lastSequence == 95 && reopened.recovery.segments == 10)
            let (summary, sequences, mismatches) = try JournalTestSupport.readAll(configuration.directory)
            #expect(summary.segments == 12 && summary.records == 120 && mismatches == 0)
            #expect(summary.sequenceGaps == 0 && summary.crcErrors == 0)
            #expect(sequences == Array(1...120))
        }
    }
}
