import AsymCore
import AsymExecution
import AsymJournal
import AsymRisk
import AsymStore
import AsymTransport
import Foundation
import TestSupport
import Testing

/// The SQLite store against real journals: the engine's own, and hand-written ones with damage and growth.
@Suite struct SQLiteTradeStoreTests {
    @Test func storeHoldsExactlyTheRowsOfAnEngineJournal() throws {
        try TemporaryDirectory.with { directory in
            let engine = try EngineJournal.write(in: directory)
            let census = try JournalCensus(directory: engine.journal)
            try #require(census.count(.fill) > 0 && census.count(.riskDenied) > 0 && census.count(.signal) > 0,
                         "the recording must trade and be denied for this test to mean anything")

            let store = try SQLiteTradeStore(path: directory.path("trades.sqlite"))
            let writer = TradeStoreWriter(store: store, instruments: engine.instruments, batchSize: 1_000)
            let summary = try writer.ingest(journalDirectory: engine.journal)

            #expect(summary.recordsRead == census.counts.values.reduce(0, +))
            #expect(summary.recordsStored == summary.recordsRead && summary.skipped.isEmpty, "\(summary.skipped)")
            #expect(summary.transactions == (summary.recordsRead + 999) / 1_000)
            #expect(summary.rows("fills") == census.count(.fill))
            try StoreExpectations.expect(store, matches: census)
            let instruments = try StoreExpectations.rows(store, TradeStoreSchema.instruments)
            #expect(instruments.column("symbol") == engine.instruments.sorted { $0.key < $1.key }.map { .text($0.value) })
            let runs = try StoreExpectations.rows(store, TradeStoreSchema.runs)
            #expect(runs.column("records") == [.int(summary.recordsRead)], "one run holds every record")
        }
    }

    @Test func reingestingTheSameJournalAddsNothing() throws {
        try TemporaryDirectory.with { directory in
            let journal = directory.path("journal")
            try HandJournal.write(journal) { writer in
                try writer.run(hash: 7, at: 1)
                for number in 1...5 { try writer.trade(UInt64(number), at: Int64(number) * HandJournal.second) }
            }
            let store = try SQLiteTradeStore(path: directory.path("trades.sqlite"))
            let writer = TradeStoreWriter(store: store)
            let first = try writer.ingest(journalDirectory: journal)
            let before = try StoreExpectations.counts(store)
            let second = try writer.ingest(journalDirectory: journal)

            #expect(first.recordsRead == 56 && first.recordsStored == 56)
            #expect(second.recordsRead == 0 && second.recordsAlreadyStored == 56 && second.transactions == 0)
            #expect(second.rowsWritten.values.allSatisfy { $0 == 0 })
            #expect(try StoreExpectations.counts(store) == before)
            try StoreExpectations.expect(store, matches: try JournalCensus(directory: journal))

            // A second writer (a restarted engine) finds where the first stopped.
            let restarted = try TradeStoreWriter(store: SQLiteTradeStore(path: directory.path("trades.sqlite")))
            #expect(try restarted.ingest(journalDirectory: journal).recordsRead == 0)
        }
    }

    @Test func ingestAfterMoreRecordsAppendsOnlyTheNewOnes() throws {
        try TemporaryDirectory.with { directory in
            let journal = directory.path("journal")
            try HandJournal.write(journal) { writer in
                try writer.run(hash: 7, at: 1)
                for number in 1...3 { try writer.trade(UInt64(number), at: Int64(number) * HandJournal.second) }
            }
            let store = try SQLiteTradeStore(path: directory.path("trades.sqlite"))
            let writer = TradeStoreWriter(store: store, batchSize: 5)
            let first = try writer.ingest(journalDirectory: journal)

            // The engine restarts: a new run appends to the same journal.
            try HandJournal.write(journal) { writer in
                try writer.run(hash: 8, at: 10 * HandJournal.second)
                for number in 4...6 { try writer.trade(UInt64(number), at: Int64(number + 10) * HandJournal.second) }
            }
            let second = try writer.ingest(journalDirectory: journal)

            #expect(first.recordsRead == 34 && first.lastSequence == 34)
            #expect(second.previousSequence == 34 && second.recordsRead == 34 && second.recordsAlreadyStored == 34)
            #expect(second.rows("fills") == 6 && second.rows("signals") == 3, "only the new run's rows")
            try StoreExpectations.expect(store, matches: try JournalCensus(directory: journal))
            let runs = try StoreExpectations.rows(store, TradeStoreSchema.runs)
            #expect(runs.column("config_hash") == [.text("0000000000000007"), .text("0000000000000008")])
            #expect(runs.column("first_sequence") == [.integer(1), .integer(35)])
            #expect(runs.column("last_sequence") == [.integer(34), .integer(68)])

            // The same journal ingested in one pass gives the same rows, table by table.
            let whole = try SQLiteTradeStore(path: directory.path("whole.sqlite"))
            _ = try TradeStoreWriter(store: whole).ingest(journalDirectory: journal)
            for relation in TradeStoreSchema.relations {
                #expect(try whole.rows(of: relation) == store.rows(of: relation), "\(relation.name)")
            }
        }
    }

    @Test func ingestRunsBesideAJournalThatIsBeingWritten() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("journal")
            let journal = try Journal(configuration: JournalConfiguration(directory: path))
            journal.start()
            let trades = 300
            let finished = DispatchSemaphore(value: 0)
            // The engine's side: one producer thread appending to the journal.
            let producer = Thread {
                var writer = HandJournal(journal: journal)
                if (try? writer.run(hash: 5, at: 1)) != nil {
                    for number in 1...trades {
                        guard (try? writer.trade(UInt64(number), at: Int64(number) * HandJournal.second)) != nil else { break }
                        // Paced like a live session, so the ingest passes below interleave with the appends.
                        usleep(1_000)
                    }
                }
                finished.signal()
            }
            producer.start()
            // The store's side: ingest again and again while the journal grows.
            let store = try SQLiteTradeStore(path: directory.path("trades.sqlite"))
            let writer = TradeStoreWriter(store: store, batchSize: 64)
            var read = 0
            var skipped = 0
            var passes = 0
            repeat {
                let summary = try writer.ingest(journalDirectory: path)
                read += summary.recordsRead
                skipped += summary.recordsSkipped
                passes += 1
            } while finished.wait(timeout: .now()) == .timedOut
            try journal.close()
            let last = try writer.ingest(journalDirectory: path)
            read += last.recordsRead
            skipped += last.recordsSkipped

            #expect(read == 1 + 11 * trades, "every record read exactly once over \(passes + 1) passes")
            #expect(skipped == 0)
            try StoreExpectations.expect(store, matches: try JournalCensus(directory: path))
        }
    }

    @Test func ordersHoldEachOrdersLatestStateWhateverTheBatchSize() throws {
        try TemporaryDirectory.with { directory in
            let journal = directory.path("journal")
            try HandJournal.write(journal) { writer in
                try writer.run(hash: 1, at: 1)
                try writer.trade(1, at: HandJournal.second)
                try writer.append(HandJournal.event(2, .submitted, .submitted, at: 5), .orderSubmitted, at: 5)
                try writer.append(HandJournal.event(2, .rejected, .rejected, at: 6, reason: .postOnlyWouldTake),
                                  .orderStateChange, at: 6)
                // A later event without a reason keeps the stored one.
                try writer.append(HandJournal.event(2, .illegalTransition, .rejected, at: 7), .orderStateChange, at: 7)
                try writer.append(HandJournal.event(3, .unmatchedReport, .unknown, at: 8), .orderStateChange, at: 8)
            }
            var stores: [[[StoreValue]]] = []
            for batchSize in [1, 3, 4096] {
                let store = try SQLiteTradeStore(path: directory.path("trades-\(batchSize).sqlite"))
                _ = try TradeStoreWriter(store: store, batchSize: batchSize).ingest(journalDirectory: journal)
                let orders = try StoreExpectations.rows(store, TradeStoreSchema.orders)
                #expect(orders.column("client_order_id").count == 2, "an unmatched report makes no order")
                #expect(orders.column("state") == [.text("filled"), .text("rejected")])
                #expect(orders.column("filled_lots") == [.integer(10), .integer(0)])
                #expect(orders.column("lots") == [.integer(10), .integer(10)])
                #expect(orders.column("price_ticks") == [.integer(100_001), .integer(100_002)])
                #expect(orders.column("reject_reason") == [.null, .text("post_only_would_take")])
                #expect(orders.column("created_sequence") == [.integer(5), .integer(13)])
                #expect(orders.column("updated_sequence") == [.integer(9), .integer(15)])
                stores.append(orders.rows)
            }
            #expect(stores[0] == stores[1] && stores[1] == stores[2])
        }
    }

    @Test func unknownAndDamagedRecordsAreCountedAndSkipped() throws {
        try TemporaryDirectory.with { directory in
            let journal = directory.path("journal")
            let kindOffset = try #require(MemoryLayout<ExecutionEvent>.offset(of: \ExecutionEvent.kind))
            var unknownSequence: UInt64 = 0
            try HandJournal.write(journal) { writer in
                try writer.run(hash: 1, at: 1)
                try writer.trade(1, at: HandJournal.second)
                // A fill of the wrong size, an event whose kind byte is no case, a denial with no reason.
                try writer.append(bytes: [1, 2, 3, 4, 5, 6, 7, 8], .fill, at: 20)
                let valid = HandJournal.event(9, .acked, .acked, at: 21)
                // Safety: reads the bytes of a local POD value inside the closure only.
                var bytes = withUnsafeBytes(of: valid) { Array($0) }
                bytes[kindOffset] = 200
                try writer.append(bytes: bytes, .orderStateChange, at: 21)
                try writer.append(RiskDecisionRecord(reason: 0), .riskDenied, at: 22)
                // Types with no decoder here: a published bias, diagnostic, and one this build does not know.
                try writer.append(UInt64(1), .publishedBias, at: 23)
                try writer.append(UInt64(2), .diagnostic, at: 24)
                unknownSequence = try writer.append(UInt64(3), .publishedBias, at: 25)
                try writer.trade(2, at: 2 * HandJournal.second)
            }
            try Self.retype(record: unknownSequence, in: journal, to: 999)

            let store = try SQLiteTradeStore(path: directory.path("trades.sqlite"))
            let summary = try TradeStoreWriter(store: store).ingest(journalDirectory: journal)

            let eventSize = MemoryLayout<ExecutionEvent>.size
            #expect(summary.skipped == [
                .payloadSize(.fill, expected: eventSize, found: 8): 1,
                .invalidField(.orderStateChange, field: "kind", byte: 200): 1,
                .invalidField(.riskDenied, field: "reason", byte: 0): 1,
                .noDecoder(.publishedBias): 1, .noDecoder(.diagnostic): 1, .unknownType(rawValue: 999): 1,
            ])
            #expect(summary.recordsSkipped == 6 && summary.recordsStored == 23 && summary.recordsRead == 29)
            #expect(summary.skippedSamples.map(\.sequence) == Array(13...18))
            #expect(try store.metaValues()["records_skipped"] == 6)
            #expect(try StoreExpectations.rows(store, TradeStoreSchema.fills).rows.count == 4)
            #expect(try StoreExpectations.rows(store, TradeStoreSchema.decisions).rows.count == 4)
            #expect(try store.metaValues()["last_sequence"] == 29, "the pass went on past the skipped records")
        }
    }

    @Test func damageInTheMiddleOfTheJournalStopsThePassAndIsReported() throws {
        try TemporaryDirectory.with { directory in
            let journal = directory.path("journal")
            var damaged: UInt64 = 0
            try HandJournal.write(journal) { writer in
                try writer.run(hash: 1, at: 1)
                try writer.trade(1, at: HandJournal.second)
                damaged = try writer.append(UInt64(5), .diagnostic, at: 30)
                try writer.trade(2, at: 2 * HandJournal.second)
            }
            try Self.corrupt(record: damaged, in: journal)
            let store = try SQLiteTradeStore(path: directory.path("trades.sqlite"))
            let summary = try TradeStoreWriter(store: store).ingest(journalDirectory: journal)

            let journalSummary = try #require(summary.journal)
            #expect(journalSummary.stoppedAtCorruption && journalSummary.crcErrors == 1)
            #expect(summary.recordsRead == 12 && summary.lastSequence == 12, "everything before the damage")
            #expect(try StoreExpectations.rows(store, TradeStoreSchema.fills).rows.count == 2)
        }
    }

    @Test func aBadDatabasePathIsATypedError() throws {
        try TemporaryDirectory.with { directory in
            let missingDirectory = directory.path("no/such/dir/trades.sqlite")
            #expect(throws: TradeStoreError.self) { try SQLiteTradeStore(path: missingDirectory) }
            do throws(TradeStoreError) {
                _ = try SQLiteTradeStore(path: missingDirectory)
            } catch {
                guard case .cannotOpen(let path, _) = error else { Issue.record("\(error)"); return }
                #expect(path == missingDirectory)
            }
            do throws(TradeStoreError) {
                _ = try SQLiteTradeStore(path: directory.path("absent.sqlite"), mode: .readOnly)
                Issue.record("a read-only open must not create the file")
            } catch {
                guard case .cannotOpen = error else { Issue.record("\(error)"); return }
            }
            #expect(!FileManager.default.fileExists(atPath: directory.path("absent.sqlite")))
            let notADatabase = directory.path("text.sqlite")
            try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: notADatabase))
            #expect(throws: TradeStoreError.self) { try SQLiteTradeStore(path: notADatabase) }
            #expect(throws: TradeStoreError.self) { try SQLiteTradeStore(path: notADatabase, mode: .readOnly) }
        }
    }

    @Test func aMissingJournalDirectoryIsATypedError() throws {
        try TemporaryDirectory.with { directory in
            let store = try SQLiteTradeStore(path: directory.path("trades.sqlite"))
            do throws(TradeStoreError) {
                _ = try TradeStoreWriter(store: store).ingest(journalDirectory: directory.path("missing"))
                Issue.record("ingest of a missing directory succeeded")
            } catch {
                guard case .journal(.fileSystem(let call, _, _)) = error else { Issue.record("\(error)"); return }
                #expect(call == "opendir")
            }
        }
    }

    @Test func aDifferentJournalIsRefused() throws {
        try TemporaryDirectory.with { directory in
            let long = directory.path("long")
            let short = directory.path("short")
            let shifted = directory.path("shifted")
            try HandJournal.write(long) { writer in
                try writer.run(hash: 1, at: 1)
                for number in 1...3 { try writer.trade(UInt64(number), at: Int64(number) * HandJournal.second) }
            }
            try HandJournal.write(short) { writer in
                try writer.run(hash: 1, at: 1)
                try writer.trade(1, at: HandJournal.second)
            }
            try HandJournal.write(shifted) { writer in
                try writer.run(hash: 1, at: 2)
                for number in 1...3 { try writer.trade(UInt64(number), at: Int64(number) * HandJournal.second + 7) }
            }
            let store = try SQLiteTradeStore(path: directory.path("trades.sqlite"))
            let writer = TradeStoreWriter(store: store)
            _ = try writer.ingest(journalDirectory: long)
            #expect(throws: TradeStoreError.journalBehindStore(journalLast: 12, storeLast: 34)) {
                try writer.ingest(journalDirectory: short)
            }
            do throws(TradeStoreError) {
                _ = try writer.ingest(journalDirectory: shifted)
                Issue.record("a journal with other times was accepted")
            } catch {
                guard case .journalMismatch(let sequence, _, _) = error else { Issue.record("\(error)"); return }
                #expect(sequence == 34)
            }
        }
    }

    @Test func aStoreOfAnotherSchemaVersionIsRefused() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("trades.sqlite")
            let store = try SQLiteTradeStore(path: path)
            var batch = TradeStoreBatch()
            batch.add(TradeStoreSchema.meta, ["name": .text("schema_version"), "value": .integer(99)])
            _ = try store.write(batch)
            store.close()
            #expect(throws: TradeStoreError.schemaVersion(found: 99, expected: TradeStoreSchema.version)) {
                try SQLiteTradeStore(path: path)
            }
            #expect(throws: TradeStoreError.closed) { try store.rows(of: TradeStoreSchema.meta) }
        }
    }

    @Test func aRegisteredDecoderStoresAIVotes() throws {
        try TemporaryDirectory.with { directory in
            let journal = directory.path("journal")
            try HandJournal.write(journal) { writer in
                try writer.run(hash: 1, at: 1)
                try writer.append(TestVote(round: 4, model: 2, action: 1, confidence: 0.75), .aiVote, at: 10)
                try writer.append(TestVote(round: 4, model: 7, action: 1, confidence: 0.5), .aiVote, at: 11)
            }
            let plain = try SQLiteTradeStore(path: directory.path("plain.sqlite"))
            let withoutDecoder = try TradeStoreWriter(store: plain).ingest(journalDirectory: journal)
            #expect(withoutDecoder.skipped == [.noDecoder(.aiVote): 2])

            let store = try SQLiteTradeStore(path: directory.path("votes.sqlite"))
            let summary = try TradeStoreWriter(store: store, decoders: [TestVoteDecoder()])
                .ingest(journalDirectory: journal)
            #expect(summary.skipped.isEmpty && summary.rows("ai_votes") == 2)
            let votes = try StoreExpectations.rows(store, TradeStoreSchema.aiVotes)
            #expect(votes.column("model") == [.text("model-2"), .text("model-7")])
            #expect(votes.column("action") == [.text("long"), .text("long")])
            #expect(votes.column("confidence") == [.real(0.75), .real(0.5)])
            #expect(votes.column("round") == [.integer(4), .integer(4)])
            #expect(votes.column("run_id") == [.integer(1), .integer(1)])
            #expect(votes.column("time") == [.integer(10), .integer(11)])
        }
    }

    // MARK: - Journal surgery

    /// The byte offset of record `sequence` in the journal's only segment.
    static func offset(of sequence: UInt64, in segment: [UInt8]) -> Int {
        var offset = 32  // the segment header
        var current: UInt64 = 1
        while current < sequence {
            let length = Int(segment[offset + 2]) | Int(segment[offset + 3]) << 8 | Int(segment[offset + 4]) << 16
            offset += JournalRecordLayout.overhead + length
            current += 1
        }
        return offset
    }

    static func segmentPath(_ journal: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: journal).filter { !$0.hasPrefix(".") }
        try #require(names.count == 1)
        return journal + "/" + names[0]
    }

    /// Rewrites the type of record `sequence` and its CRC, so it reads back valid with a type this build lacks.
    static func retype(record sequence: UInt64, in journal: String, to type: UInt16) throws {
        let path = try segmentPath(journal)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let offset = offset(of: sequence, in: bytes)
        let length = Int(bytes[offset + 2]) | Int(bytes[offset + 3]) << 8
        bytes[offset] = UInt8(type & 0xFF)
        bytes[offset + 1] = UInt8(type >> 8)
        let covered = JournalRecordLayout.headerSize + length
        let crc = bytes[offset..<(offset + covered)].withUnsafeBytes { CRC32C.checksum($0) }
        for index in 0..<4 { bytes[offset + covered + index] = UInt8(truncatingIfNeeded: crc >> (8 * index)) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Flips a payload byte of record `sequence`, leaving its CRC wrong.
    static func corrupt(record sequence: UInt64, in journal: String) throws {
        let path = try segmentPath(journal)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[offset(of: sequence, in: bytes) + JournalRecordLayout.headerSize] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}

/// A stand-in for the consensus module's vote record.
struct TestVote: BitwiseCopyable {
    var round: Int64
    var model: UInt8
    var action: UInt8
    var confidence: Double
}

/// How the consensus module's decoder will look: a few lines over `addAIVote`.
struct TestVoteDecoder: TradeStoreRecordDecoder {
    var recordTypes: [JournalRecordType] { [.aiVote] }

    func decode(_ record: JournalRecord, type: JournalRecordType, into batch: inout TradeStoreBatch)
        throws(RecordSkipReason)
    {
        let vote = try record.storePayload(as: TestVote.self, type: type)
        batch.addAIVote(round: vote.round, model: "model-\(vote.model)", action: vote.action == 1 ? "long" : "short",
                        confidence: vote.confidence)
    }
}
