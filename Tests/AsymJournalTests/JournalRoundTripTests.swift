import AsymJournal
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

@Suite struct JournalRoundTripTests {
    /// 1 M records by default; 10 M with `ASYM_LONG_TESTS=1` (about 14 s alone in a debug build on the project
    /// machine, 40 s while other builds share its two cores).
    static var bulkCount: UInt64 {
        getenv("ASYM_LONG_TESTS").map { String(cString: $0) == "1" } == true ? 10_000_000 : 1_000_000
    }

    @Test func writesAndReadsBackMillionsOfRecordsWithValidCRCs() throws {
        let count = Self.bulkCount
        try TemporaryDirectory.with { directory in
            var configuration = JournalTestSupport.configuration(directory)
            configuration.fullRingSpinLimit = .max
            configuration.fileWriter.bufferSize = 1 << 20
            let journal = try JournalTestSupport.write(configuration, values: 1...count)
            #expect(journal.statistics.enqueueFailures == 0)
            #expect(journal.durableSequence == count)
            #expect(journal.statistics.recordsWritten == count)

            // Checked while streaming: 10 M sequences would not fit comfortably in a debug test's memory budget.
            var expected: UInt64 = 1
            var mismatches = 0
            let summary = try JournalReader(directory: configuration.directory).forEach { record in
                if record.sequence != expected || record.payload.count != 16
                    || record.load(as: TestEvent.self) != TestEvent(expected) || record.time != Int64(expected) * 10 {
                    mismatches += 1
                }
                expected += 1
            }
            #expect(mismatches == 0 && expected == count + 1)
            #expect(summary.records == Int(count))
            #expect(summary.crcErrors == 0 && summary.sequenceGaps == 0 && !summary.tornTailFound)
            #expect(summary.firstSequence == 1 && summary.lastSequence == count)
            #expect(summary.segments == (count == 10_000_000 ? 2 : 1), "rotated at 256 MiB")
            #expect(summary.bytes == UInt64(32 * summary.segments + Int(count) * JournalTestSupport.recordSize))
            #expect(summary.recordsByType == [JournalRecordType.diagnostic.rawValue: Int(count)])
        }
    }

    @Test func plainWriterBackendProducesTheSameJournal() throws {
        try TemporaryDirectory.with { directory in
            let configuration = JournalTestSupport.configuration(directory, backend: .plain)
            _ = try JournalTestSupport.write(configuration, values: 1...1_000)
            let (summary, sequences, mismatches) = try JournalTestSupport.readAll(configuration.directory)
            #expect(summary.records == 1_000 && mismatches == 0 && sequences == Array(1...1_000))
        }
    }

    @Test func rawBytesAppendKeepsTypeTimeAndPayload() throws {
        try TemporaryDirectory.with { directory in
            let configuration = JournalTestSupport.configuration(directory)
            let journal = try Journal(configuration: configuration)
            journal.start()
            let hash: [UInt8] = Array(0..<32)
            let sequence = hash.withUnsafeBytes { journal.append(bytes: $0, type: .configHash, time: 7) }
            let empty = journal.append(bytes: UnsafeRawBufferPointer(start: nil, count: 0), type: .killSwitch, time: 8)
            try journal.close()
            #expect(sequence == 1 && empty == 2)
            var seen: [(JournalRecordType?, Int64, [UInt8])] = []
            let summary = try JournalReader(directory: configuration.directory).forEach { record in
                seen.append((record.type, record.time, Array(record.payload)))
            }
            #expect(summary.records == 2)
            #expect(seen.count == 2 && seen[0].0 == .configHash && seen[0].1 == 7 && seen[0].2 == hash)
            #expect(seen.count == 2 && seen[1].0 == .killSwitch && seen[1].1 == 8 && seen[1].2.isEmpty)
            #expect(summary.recordsByType == [1: 1, 12: 1])
        }
    }

    @Test func recordTypeRawValuesAreStable() {
        #expect(JournalRecordType.configHash.rawValue == 1)
        #expect(JournalRecordType.replayPosition.rawValue == 13)
        #expect(JournalRecordType.diagnostic.rawValue == 0xFFFF)
        #expect(Set(JournalRecordType.allCases.map(\.rawValue)).count == JournalRecordType.allCases.count)
        #expect(JournalRecordType.name(forRawValue: 4) == "risk_denied")
        #expect(JournalRecordType.name(forRawValue: 999) == "unknown_999")
    }

    @Test func segmentFileNamesAreZeroPaddedFirstSequences() {
        #expect(JournalSegmentHeader.fileName(firstSequence: 1) == "journal-00000000000000000001.log")
        #expect(JournalSegmentHeader.firstSequence(fileName: "journal-00000000000000012345.log") == 12345)
        #expect(JournalSegmentHeader.firstSequence(fileName: "journal-1.log") == nil)
        #expect(JournalSegmentHeader.firstSequence(fileName: JournalSegmentHeader.fileName(firstSequence: .max)) == .max)
    }
}
