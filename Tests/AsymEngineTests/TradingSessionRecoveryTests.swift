import AsymCore
@testable import AsymEngine
import AsymExecution
import AsymJournal
import AsymRisk
import AsymSignals
import AsymTransport
import Foundation
import TestSupport
import Testing

/// Start = recovery: a session rebuilt from its journal is the session that wrote it, whether the journal ends at a
/// checkpoint, in the middle of a frame or in a torn record; a live restart applies what came after the checkpoint.
@Suite struct TradingSessionRecoveryTests {
    static let frames: Int64 = 30_000

    /// `TradingSessionTests`' trading configuration; checkpoints only every 30 s of engine time unless asked for,
    /// so a journal cut anywhere leaves signals, decisions and snapshots after its last checkpoint.
    static func configuration(sparseCheckpoints: Bool = true) throws -> TradingSessionConfiguration {
        var configuration = try TradingSessionTests.configuration()
        if sparseCheckpoints {
            configuration.checkpointOnExecution = false
            configuration.checkpointInterval = 30 * TradingSessionTests.second
        }
        return configuration
    }

    static func withRecording(_ body: (TemporaryDirectory, String) throws -> Void) throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("BTCUSDT.synthetic.txt")
            _ = try SyntheticRecording.write(venue: .bybit, frames: Int(frames), seed: 2, to: path, labelsPath: nil)
            try body(directory, path)
        }
    }

    /// Runs the first `frames` frames journalled in `directory` (recovering from it first) and closes the journal.
    static func probe(_ path: String, journal directory: String?, configuration: TradingSessionConfiguration,
                      source: TradingSessionSource = .recording, frames: Int64) throws -> (SessionProbe.Result, TradingSessionRecovery) {
        var configuration = configuration
        let journal = try directory.map(openJournal)
        let recovery = try directory.map { try TradingSessionRecovery(journalDirectory: $0) } ?? .empty
        configuration.journal = journal
        defer { try? journal?.close() }
        let result = try SessionProbe.run(path: path, configuration: configuration, recovery: recovery, source: source,
                                          frames: frames)
        return (result, recovery)
    }

    @Test func theStateRecoveredMidRunEqualsTheLiveStateAtTheLastDurableRecord() throws {
        try Self.withRecording { directory, path in
            let configuration = try Self.configuration()
            let journal = directory.path("journal")
            let stop: Int64 = 27_500
            let (live, _) = try Self.probe(path, journal: journal, configuration: configuration, frames: stop)
            let before = try JournalledRecord.read(journal)
            #expect(live.state.summary.fills > 0, "the run must trade for this to mean anything")

            // A new process: recover from the journal, rebuild the market from the frames before the checkpoint,
            // reproduce the frames after it up to where the journal ends.
            let (recovered, recovery) = try Self.probe(path, journal: journal, configuration: configuration, frames: stop)
            #expect(recovery.checkpoint != nil && recovery.resumeFrame > 0 && recovery.resumeFrame < stop)
            #expect(recovery.recordsAfterCheckpoint > 0, "records after the checkpoint are regenerated, not applied")
            #expect(recovered.regenerated == recovery.recordsAfterCheckpoint && !recovered.stillRegenerating)
            #expect(recovered.divergence == nil)
            #expect(recovered.state == live.state)
            #expect(try JournalledRecord.read(journal) == before, "nothing was appended twice")
        }
    }

    @Test func recoveringTwiceGivesTheSameSession() throws {
        try Self.withRecording { directory, path in
            let configuration = try Self.configuration()
            let journal = directory.path("journal")
            _ = try Self.probe(path, journal: journal, configuration: configuration, frames: 12_000)
            let first = try TradingSessionRecovery(journalDirectory: journal)
            let second = try TradingSessionRecovery(journalDirectory: journal)
            #expect(first.checkpoint == second.checkpoint && first.recordsAfterCheckpoint == second.recordsAfterCheckpoint)
            #expect(first.resumeFrame == second.resumeFrame && first.highestClientOrderID == second.highestClientOrderID)
            // Without a journal nothing is matched or written: the state is the checkpoint plus the frames after it.
            let a = try SessionProbe.run(path: path, configuration: configuration, recovery: first, frames: 12_000)
            let b = try SessionProbe.run(path: path, configuration: configuration, recovery: second, frames: 12_000)
            #expect(a.state == b.state)
        }
    }

    @Test func aJournalTornAnywhereResumesToExactlyTheUninterruptedRun() throws {
        try Self.withRecording { directory, path in
            let configuration = try Self.configuration()
            let session = try MarketDataSession(venue: .bybit)
            var journalConfiguration = JournalConfiguration(directory: directory.path("clean"))
            journalConfiguration.backend = .plain
            let clean = try TradingSessionReplay.runJournalled(path: path, session: session, configuration: configuration,
                                                               journal: journalConfiguration)
            let cleanRecords = try JournalledRecord.read(journalConfiguration.directory)
            #expect(clean.fills > 0 && clean.orders > 0)
            let segments = try FileManager.default.contentsOfDirectory(atPath: journalConfiguration.directory)
            let segment = try #require(segments.first { $0.hasSuffix(".log") })
            let bytes = try Data(contentsOf: URL(fileURLWithPath: journalConfiguration.directory + "/" + segment))
            for (index, fraction) in [0.37, 0.93].enumerated() {
                // A crash: the file ends in the middle of a record somewhere.
                let crashed = directory.path("crashed-\(index)")
                try FileManager.default.createDirectory(atPath: crashed, withIntermediateDirectories: true)
                let cut = Int(Double(bytes.count) * fraction) | 1
                try bytes.prefix(cut).write(to: URL(fileURLWithPath: crashed + "/" + segment))
                var resumed = journalConfiguration
                resumed.directory = crashed
                let summary = try TradingSessionReplay.runJournalled(path: path, session: session,
                                                                     configuration: configuration, journal: resumed)
                #expect(summary.resumedFromFrame > 0, "cut at \(cut)")
                #expect(summary.ignoringRecovery == clean.ignoringRecovery, "cut at \(cut)")
                let records = try JournalledRecord.read(crashed)
                #expect(records.count == cleanRecords.count, "cut at \(cut)")
                #expect(records == cleanRecords, "cut at \(cut): the journal is the uninterrupted run's, each record once")
            }
        }
    }

    @Test func aCompletedRunResumedAgainAddsNothing() throws {
        try Self.withRecording { directory, path in
            let configuration = try Self.configuration(sparseCheckpoints: false)
            var journal = JournalConfiguration(directory: directory.path("journal"))
            journal.backend = .plain
            let session = try MarketDataSession(venue: .bybit)
            let first = try TradingSessionReplay.runJournalled(path: path, session: session, configuration: configuration,
                                                               journal: journal)
            let records = try JournalledRecord.read(journal.directory)
            let again = try TradingSessionReplay.runJournalled(path: path, session: session, configuration: configuration,
                                                               journal: journal)
            #expect(again.resumedFromFrame == Self.frames && again.regeneratedRecords == 0)
            #expect(again.ignoringRecovery == first.ignoringRecovery)
            #expect(try JournalledRecord.read(journal.directory) == records)
        }
    }

    @Test func aLiveRestartAppliesTheRecordsAfterTheCheckpoint() throws {
        try Self.withRecording { directory, path in
            // One checkpoint near the start, then none: everything after it must come from the records.
            var configuration = try Self.configuration()
            configuration.checkpointInterval = 3_600 * TradingSessionTests.second
            let journal = directory.path("journal")
            let (live, _) = try Self.probe(path, journal: journal, configuration: configuration, frames: Self.frames)
            try #require(live.state.summary.fills > 2 && live.state.summary.deniedTotal > 2)

            let (restarted, recovery) = try Self.probe(path, journal: journal, configuration: configuration, source: .live,
                                                       frames: 0)
            #expect(recovery.resumeFrame == 1 && recovery.recordsAfterCheckpoint > 100)
            let expected = live.state
            let actual = restarted.state
            for (a, b) in zip(actual.summary.positions, expected.summary.positions) {
                #expect(a.lots == b.lots && a.averageEntryPrice == b.averageEntryPrice)
                #expect(a.walletBalance == b.walletBalance && a.realizedPnL == b.realizedPnL && a.fees == b.fees)
            }
            for keyPath: KeyPath<TradingSessionSummary, Int64> in [\.signals, \.approved, \.orders, \.entryOrders, \.fills,
                                                                  \.exitIntents, \.exitsApproved, \.exitsDenied] {
                #expect(actual.summary[keyPath: keyPath] == expected.summary[keyPath: keyPath])
            }
            #expect(actual.summary.denied == expected.summary.denied)
            #expect(actual.gate.decisions == expected.gate.decisions && actual.gate.approvals == expected.gate.approvals)
            #expect(actual.gate.denialCounts == expected.gate.denialCounts)
            #expect(actual.gate.entryTimes == expected.gate.entryTimes && actual.gate.lastEntryAt == expected.gate.lastEntryAt)
            #expect(actual.gate.lastSignalAt == expected.gate.lastSignalAt)
            #expect(actual.gate.positionLots == expected.gate.positionLots)
            #expect(actual.gate.consecutiveLosses == expected.gate.consecutiveLosses)
            #expect(actual.gate.wins == expected.gate.wins && actual.gate.losses == expected.gate.losses)
            #expect(actual.gate.state == expected.gate.state)
            #expect(actual.openOrders == 0)
            #expect(restarted.idEpoch > (expected.summary.lastClientOrderID?.epoch ?? 0), "a live restart takes a new id run")

            // What the restart rebuilt is durable: the journal now ends in a checkpoint holding it.
            let after = try TradingSessionRecovery(journalDirectory: journal)
            #expect(after.checkpointNumber == recovery.checkpointNumber + 1 && after.recordsAfterCheckpoint == 0)
        }
    }

    // MARK: - Refusals

    @Test func resumingAReplayUnderOtherLimitsIsRefused() throws {
        try Self.withRecording { directory, path in
            let journal = directory.path("journal")
            _ = try Self.probe(path, journal: journal, configuration: try Self.configuration(), frames: 5_000)
            var other = try Self.configuration()
            var limits = other.riskLimits.limits
            limits.maxEntriesPerDay = 10
            other.riskLimits = try limits.validated()
            #expect(throws: TradingSessionRecoveryError.limitsChanged(journalled: try Self.configuration().riskLimits.integrityHash,
                                                                      current: other.riskLimits.integrityHash)) {
                _ = try Self.probe(path, journal: journal, configuration: other, frames: 5_000)
            }
        }
    }

    @Test func aResumedReplayThatDoesNotReproduceTheJournalStopsAndAppendsNothing() throws {
        try Self.withRecording { directory, path in
            let journal = directory.path("journal")
            _ = try Self.probe(path, journal: journal, configuration: try Self.configuration(), frames: 15_000)
            let before = try JournalledRecord.read(journal)
            var other = try Self.configuration()
            other.signals.minimumConfidence = 0.999  // no signal any more: the first journalled one is not reproduced
            var journalConfiguration = JournalConfiguration(directory: journal)
            journalConfiguration.backend = .plain
            #expect {
                _ = try TradingSessionReplay.runJournalled(path: path, session: try MarketDataSession(venue: .bybit),
                                                           configuration: other, journal: journalConfiguration)
            } throws: { error in
                guard case TradingSessionRecoveryError.replayDiverged = error else { return false }
                return true
            }
            #expect(try JournalledRecord.read(journal) == before)
        }
    }

    @Test func aRecordingShorterThanTheJournalIsRefused() throws {
        try Self.withRecording { directory, path in
            let journal = directory.path("journal")
            _ = try Self.probe(path, journal: journal, configuration: try Self.configuration(sparseCheckpoints: false),
                               frames: 25_000)
            let recovery = try TradingSessionRecovery(journalDirectory: journal)
            let short = directory.path("short.txt")
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").prefix(1_000)
            try (lines.joined(separator: "\n") + "\n").write(toFile: short, atomically: true, encoding: .utf8)
            var journalConfiguration = JournalConfiguration(directory: journal)
            journalConfiguration.backend = .plain
            #expect(throws: TradingSessionRecoveryError.recordingEndedEarly(frames: 1_000, journalFrames: recovery.resumeFrame)) {
                _ = try TradingSessionReplay.runJournalled(path: short, session: try MarketDataSession(venue: .bybit),
                                                           symbol: "BTCUSDT", configuration: try Self.configuration(sparseCheckpoints: false),
                                                           journal: journalConfiguration)
            }
        }
    }

    @Test func aCheckpointOfOtherInstrumentsIsRefused() throws {
        try Self.withRecording { directory, path in
            let journal = directory.path("journal")
            _ = try Self.probe(path, journal: journal, configuration: try Self.configuration(), frames: 3_000)
            let recovery = try TradingSessionRecovery(journalDirectory: journal)
            let btcOnly = try MarketDataSession(venue: .bybit, symbols: ["BTCUSDT"])
            #expect(throws: TradingSessionRecoveryError.checkpoint(.shapeMismatch(what: "session instruments", expected: 1, found: 2))) {
                _ = try SessionProbe.run(path: path, configuration: try Self.configuration(), recovery: recovery, frames: 3_000,
                                         session: btcOnly)
            }
        }
    }

    @Test func damageInTheMiddleOfTheJournalIsRefused() throws {
        try TemporaryDirectory.with { directory in
            let journal = try openJournal(directory.path("journal"))
            for index in 0..<100 { journal.append(UInt64(index), type: .diagnostic, time: Int64(index)) }
            try journal.close()
            let segment = try #require(try FileManager.default.contentsOfDirectory(atPath: directory.path("journal")).first)
            let file = directory.path("journal") + "/" + segment
            var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            bytes[bytes.count / 2] ^= 0xFF
            try bytes.write(to: URL(fileURLWithPath: file))
            #expect {
                _ = try TradingSessionRecovery(journalDirectory: directory.path("journal"))
            } throws: { error in
                guard case TradingSessionRecoveryError.damagedJournal = error else { return false }
                return true
            }
        }
    }

    @Test func aSessionRecordOfTheWrongSizeIsRefused() throws {
        try TemporaryDirectory.with { directory in
            let journal = try openJournal(directory.path("journal"))
            journal.append(UInt64(7), type: .diagnostic, time: 1)
            journal.append(UInt64(7), type: .fill, time: 2)  // 8 bytes where an ExecutionEvent has 64
            try journal.close()
            #expect(throws: TradingSessionRecoveryError.malformedRecord(sequence: 2, type: JournalRecordType.fill.rawValue)) {
                _ = try TradingSessionRecovery(journalDirectory: directory.path("journal"))
            }
        }
    }

    @Test func anUnreadableCheckpointIsRefused() throws {
        try TemporaryDirectory.with { directory in
            let journal = try openJournal(directory.path("journal"))
            let garbage: [UInt64] = [99, 1, 2, 3]
            journal.append(SessionCheckpointChunk(checkpoint: 1, part: 0, parts: 1, source: garbage, range: 0..<4),
                           type: .sessionCheckpoint, time: 1)
            try journal.close()
            #expect(throws: TradingSessionRecoveryError.checkpoint(.shapeMismatch(what: "session checkpoint version",
                                                                                   expected: 1, found: 99))) {
                _ = try TradingSessionRecovery(journalDirectory: directory.path("journal"))
            }
        }
    }

    // MARK: - What recovery skips

    @Test func unknownAndForeignRecordTypesAreSkipped() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("journal")
            let journal = try openJournal(path)
            journal.append(UInt64(1), type: .aiVote, time: 1)
            journal.append(UInt64(0xFEED_FACE), type: .diagnostic, time: 2)
            journal.append(UInt64(3), type: .diagnostic, time: 3)
            try journal.close()
            // Rewrite the second record's type to one this build does not know (a newer writer's), CRC and all.
            let segment = try #require(try FileManager.default.contentsOfDirectory(atPath: path).first)
            let file = path + "/" + segment
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
            let record = JournalSegmentHeader.size + JournalRecordLayout.overhead + 8
            bytes[record] = 0x77
            bytes[record + 1] = 0x77
            let covered = JournalRecordLayout.headerSize + 8
            let crc = CRC32C.checksum(bytes[record..<(record + covered)])
            for index in 0..<4 { bytes[record + covered + index] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(index))) }
            try Data(bytes).write(to: URL(fileURLWithPath: file))

            let recovery = try TradingSessionRecovery(journalDirectory: path)
            #expect(recovery.records == 3 && recovery.unknownRecords == 1)
            #expect(recovery.isEmpty, "nothing of the session's: a fresh start")
        }
    }

    @Test func aCheckpointWhosePartsDidNotAllArriveIsIgnored() throws {
        try Self.withRecording { directory, path in
            let journal = directory.path("journal")
            _ = try Self.probe(path, journal: journal, configuration: try Self.configuration(sparseCheckpoints: false),
                               frames: 6_000)
            let complete = try TradingSessionRecovery(journalDirectory: journal)
            let writer = try openJournal(journal)
            let words = [UInt64](repeating: 1, count: 25)
            writer.append(SessionCheckpointChunk(checkpoint: complete.checkpointNumber + 1, part: 0, parts: 3, source: words,
                                                 range: 0..<10), type: .sessionCheckpoint, time: complete.resumeReceiveTime + 1)
            try writer.close()
            let recovery = try TradingSessionRecovery(journalDirectory: journal)
            #expect(recovery.checkpoint == complete.checkpoint && recovery.checkpointNumber == complete.checkpointNumber)
            #expect(recovery.recordsAfterCheckpoint == complete.recordsAfterCheckpoint + 1)
        }
    }

    @Test func anEmptyJournalIsAFreshStart() throws {
        try TemporaryDirectory.with { directory in
            let recovery = try TradingSessionRecovery(journalDirectory: directory.path("nothing-here"))
            #expect(recovery.isEmpty && recovery.records == 0 && recovery.resumeFrame == 0)
        }
    }

    // MARK: - Cost

    @Test func writingACheckpointAllocatesNothing() throws {
        try Self.withRecording { directory, path in
            #expect(AllocationCounter.isAvailable)
            var configuration = try Self.configuration(sparseCheckpoints: false)
            let journal = try openJournal(directory.path("journal"))
            configuration.journal = journal
            defer { try? journal.close() }
            let allocations = try MarketDataSession(venue: .bybit).withProcessor(CheckpointAllocationProbe(
                path: path, instruments: try MarketDataSession(venue: .bybit).instruments, configuration: configuration))
            #expect(allocations == 0)
        }
    }
}

/// Warms a session up on 20,000 frames, then counts the allocations of writing checkpoints.
struct CheckpointAllocationProbe: MarketDataVisitor {
    var path: String
    var instruments: [Instrument]
    var configuration: TradingSessionConfiguration

    func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws -> UInt64 {
        let session = TradingSession(processor: processor, instruments: instruments, configuration: configuration)
        let reader = try RecordingReader(path: path)
        defer { reader.close() }
        var last: Int64 = 0
        for _ in 0..<20_000 {
            guard let line = try reader.next() else { break }
            session.process(line.frame, receiveTime: line.receiveTimeNanoseconds)
            last = line.receiveTimeNanoseconds
        }
        session.writeCheckpoint(now: last)
        let (_, allocations) = AllocationCounter.countingOnThisThread {
            for offset in 1...50 { session.writeCheckpoint(now: last + Int64(offset)) }
        }
        return allocations
    }
}
