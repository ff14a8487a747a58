public import AsymJournal

/// Turns journal records of some types into trade-store rows. The standard set covers every payload the
/// engine journals today; another module adds its own (the consensus module's AI votes) by passing a decoder
/// to `TradeStoreWriter`, without this module depending on it:
///
/// ```swift
/// struct AIVoteStoreDecoder: TradeStoreRecordDecoder {
///     var recordTypes: [JournalRecordType] { [.aiVote] }
///     func decode(_ record: JournalRecord, type: JournalRecordType,
///                 into batch: inout TradeStoreBatch) throws(RecordSkipReason) {
///         let vote = try record.storePayload(as: AIVoteRecord.self, type: type)
///         batch.addAIVote(round: vote.round, model: vote.modelName, action: vote.actionName,
///                         confidence: vote.confidence)
///     }
/// }
/// ```
public protocol TradeStoreRecordDecoder: Sendable {
    /// The record types this decoder stores.
    var recordTypes: [JournalRecordType] { get }

    /// Adds the rows `record` (of `type`) contributes to `batch`, or throws why the record is skipped.
    func decode(_ record: JournalRecord, type: JournalRecordType, into batch: inout TradeStoreBatch)
        throws(RecordSkipReason)
}
