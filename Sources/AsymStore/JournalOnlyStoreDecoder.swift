public import AsymJournal

/// Record types the journal keeps and the trade store deliberately does not: the engine's recovery checkpoints
/// (its internal state, read back only by recovery) and the AI request and response texts (reassembled from the
/// journal by `AITranscripts`; the store keeps the parsed votes). Handled, so they are not reported as skipped.
struct JournalOnlyStoreDecoder: TradeStoreRecordDecoder {
    var recordTypes: [JournalRecordType] { [.sessionCheckpoint, .aiRequest, .aiResponse] }

    func decode(_ record: JournalRecord, type: JournalRecordType, into batch: inout TradeStoreBatch)
        throws(RecordSkipReason) {}
}
