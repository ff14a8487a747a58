import AsymConsensus
import AsymJournal
import AsymStore

/// Stores the consensus's journalled votes (`ai_vote`) in the trade store's `ai_votes` table, naming each analyst
/// by its configured model.
struct AIVoteStoreDecoder: TradeStoreRecordDecoder {
    let models: [String]

    var recordTypes: [JournalRecordType] { [.aiVote] }

    func decode(_ record: JournalRecord, type: JournalRecordType, into batch: inout TradeStoreBatch)
        throws(RecordSkipReason)
    {
        // Every field of the record is a number (the action and abstention are raw bytes, validated here).
        let vote = try record.storePayload(as: AIVoteRecord.self, type: type)
        let action: String
        if let parsed = AnalystAction(rawValue: vote.action) {
            action = parsed.description
        } else if vote.action == 0 {
            action = "ABSTAIN"
        } else {
            throw .invalidField(type, field: "action", byte: vote.action)
        }
        let analyst = Int(vote.analyst)
        batch.addAIVote(round: vote.roundTime, model: analyst < models.count ? models[analyst] : "analyst-\(analyst)",
                        action: action, confidence: vote.confidence)
    }
}
