public import AsymJournal

/// Stores `.replayPosition` records (`ReplayPositionRecord`) in `replay_positions`.
public struct ReplayPositionStoreDecoder: TradeStoreRecordDecoder {
    public init() {}

    public var recordTypes: [JournalRecordType] { [.replayPosition] }

    public func decode(_ record: JournalRecord, type: JournalRecordType, into batch: inout TradeStoreBatch)
        throws(RecordSkipReason)
    {
        let position = try record.storePayload(as: ReplayPositionRecord.self, type: type)
        batch.add(TradeStoreSchema.replayPositions, [
            "line": .integer(position.line), "receive_time": .integer(position.receiveTime),
        ])
    }
}
