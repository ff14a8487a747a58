public import AsymJournal
import AsymRisk

/// Stores `.tradingStateChange` (`TradingStateRecord`) in `trading_states` and `.killSwitch`
/// (`KillSwitchRecord`) in `kill_switches`.
public struct TradingStateStoreDecoder: TradeStoreRecordDecoder {
    let stateFields: [StoreEnumField<TradingStateRecord>] = [
        StoreEnumField("state", \.state), StoreEnumField("cause", \.cause),
    ]
    let killFields: [StoreEnumField<KillSwitchRecord>] = [
        StoreEnumField("state", \.state), StoreEnumField("cause", \.cause),
    ]

    public init() {}

    public var recordTypes: [JournalRecordType] { [.tradingStateChange, .killSwitch] }

    public func decode(_ record: JournalRecord, type: JournalRecordType, into batch: inout TradeStoreBatch)
        throws(RecordSkipReason)
    {
        if type == .killSwitch {
            let kill = try record.storePayload(as: KillSwitchRecord.self, type: type, enumFields: killFields)
            batch.add(TradeStoreSchema.killSwitches, [
                "state": .text(kill.state.description), "cause": .text(StoreNames.name(kill.cause)),
            ])
        } else {
            let change = try record.storePayload(as: TradingStateRecord.self, type: type, enumFields: stateFields)
            batch.add(TradeStoreSchema.tradingStates, [
                "state": .text(change.state.description), "cause": .text(StoreNames.name(change.cause)),
            ])
        }
    }
}
