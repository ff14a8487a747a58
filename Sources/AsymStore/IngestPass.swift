import AsymJournal

/// One ingest's progress: the store's bookkeeping, the open batch and the summary.
struct IngestPass {
    let writer: TradeStoreWriter
    var state: IngestState
    let previous: IngestState
    var batch = TradeStoreBatch()
    var summary = IngestSummary()
    var failure: TradeStoreError?
    var instrumentsWritten = false

    init(writer: TradeStoreWriter, state: IngestState) {
        self.writer = writer
        self.state = state
        previous = state
        summary.previousSequence = state.lastSequence
        summary.lastSequence = state.lastSequence
    }

    mutating func consume(_ record: JournalRecord) {
        guard failure == nil else { return }
        guard record.sequence > state.lastSequence else {
            summary.recordsAlreadyStored += 1
            if record.sequence == previous.lastSequence && record.time != previous.lastTime {
                failure = .journalMismatch(sequence: record.sequence, storedTime: previous.lastTime,
                                           journalTime: record.time)
            }
            return
        }
        summary.recordsRead += 1
        batch.sequence = record.sequence
        batch.time = record.time
        if let reason = decode(record) {
            summary.skipped[reason, default: 0] += 1
            state.recordsSkipped += 1
            if summary.skippedSamples.count < TradeStoreWriter.skipSampleLimit {
                summary.skippedSamples.append(SkippedRecord(sequence: record.sequence, reason: reason))
            }
        } else {
            summary.recordsStored += 1
            state.recordsStored += 1
        }
        state.run?.lastSequence = record.sequence
        state.run?.records += 1
        state.lastSequence = record.sequence
        state.lastTime = record.time
        if state.firstSequence == 0 { state.firstSequence = record.sequence }
        batch.records += 1
        if batch.records >= writer.batchSize { flush() }
    }

    /// Adds `record`'s rows to the batch, or returns why it is skipped. A config-hash record opens a run.
    mutating func decode(_ record: JournalRecord) -> RecordSkipReason? {
        guard let type = record.type else { return .unknownType(rawValue: record.typeRawValue) }
        if type == .configHash {
            let hash: UInt64
            do throws(RecordSkipReason) {
                hash = try record.storePayload(as: UInt64.self, type: type)
            } catch {
                return error
            }
            // The run it ends gets its final row in this batch.
            if let ended = state.run { addRow(ended) }
            state.run = IngestState.Run(id: record.sequence, configHash: StoreNames.hex(hash), startedTime: record.time,
                                        firstSequence: record.sequence, lastSequence: record.sequence, records: 0)
            batch.runID = record.sequence
            return nil
        }
        batch.runID = state.run?.id ?? 0
        guard let decoder = writer.decoder(for: record.typeRawValue) else { return .noDecoder(type) }
        do throws(RecordSkipReason) {
            try decoder.decode(record, type: type, into: &batch)
            return nil
        } catch {
            return error
        }
    }

    /// Writes the batch and the bookkeeping in one transaction.
    mutating func flush() {
        guard failure == nil else { return }
        if !instrumentsWritten {
            for (id, symbol) in writer.instruments.sorted(by: { $0.key < $1.key }) {
                batch.add(TradeStoreSchema.instruments, ["instrument_id": .int(id.rawValue), "symbol": .text(symbol)])
            }
            instrumentsWritten = true
        }
        if let run = state.run { addRow(run) }
        for (name, value) in state.metaValues {
            batch.add(TradeStoreSchema.meta, ["name": .text(name), "value": .integer(value)])
        }
        do throws(TradeStoreError) {
            let written = try writer.store.write(batch)
            for (table, count) in written where table != TradeStoreSchema.meta.name {
                summary.rowsWritten[table, default: 0] += count
            }
            summary.transactions += 1
            summary.lastSequence = state.lastSequence
        } catch {
            failure = error
        }
        batch.removeAll()
    }

    /// Adds (or updates, in the batch) `run`'s row.
    mutating func addRow(_ run: IngestState.Run) {
        batch.add(TradeStoreSchema.runs, [
            "run_id": .int(run.id), "config_hash": .text(run.configHash), "started_time": .integer(run.startedTime),
            "first_sequence": .int(run.firstSequence), "last_sequence": .int(run.lastSequence),
            "records": .integer(run.records),
        ])
    }

    mutating func finish() throws(TradeStoreError) -> IngestSummary {
        if batch.records > 0 || (!instrumentsWritten && !writer.instruments.isEmpty) { flush() }
        if let failure { throw failure }
        let journalLast = summary.journal?.lastSequence ?? 0
        if journalLast < previous.lastSequence {
            throw .journalBehindStore(journalLast: journalLast, storeLast: previous.lastSequence)
        }
        return summary
    }
}
