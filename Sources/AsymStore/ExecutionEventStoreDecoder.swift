public import AsymJournal
import AsymExecution

/// Stores `.orderSubmitted`, `.orderStateChange` and `.fill` records (`ExecutionEvent`): every event in
/// `order_events`, fills in `fills`, and the order's latest state in `orders` (inserted by its first event,
/// normally the submission; later events update state, filled lots, times and reject reason). A report for no
/// known order (`unmatchedReport`) is an event only.
public struct ExecutionEventStoreDecoder: TradeStoreRecordDecoder {
    let fields: [StoreEnumField<ExecutionEvent>] = [
        StoreEnumField("kind", \.kind), StoreEnumField("state", \.state), StoreEnumField("side", \.side),
        StoreEnumField("liquidity", \.liquidity), StoreEnumField("reason", \.reason),
        StoreEnumField("intent", \.intent),
    ]
    static let orderUpdates = ["state", "filled_lots", "updated_time", "updated_sequence"]

    public init() {}

    public var recordTypes: [JournalRecordType] { [.orderSubmitted, .orderStateChange, .fill] }

    public func decode(_ record: JournalRecord, type: JournalRecordType, into batch: inout TradeStoreBatch)
        throws(RecordSkipReason)
    {
        let event = try record.storePayload(as: ExecutionEvent.self, type: type, enumFields: fields)
        let id = StoreValue.text(event.clientOrderID.text)
        let side = StoreValue.text(StoreNames.name(event.side))
        let intent = StoreValue.text(StoreNames.name(event.intent))
        let reason = StoreValue.text(event.reason == .none ? nil : event.reason.description)
        let liquidity = StoreValue.text(StoreNames.name(event.liquidity))
        let tradeID = StoreValue.text(StoreNames.text(event.tradeID))
        batch.add(TradeStoreSchema.orderEvents, [
            "client_order_id": id, "instrument_id": .int(event.instrument.rawValue),
            "kind": .text(event.kind.description), "state": .text(event.state.description), "side": side,
            "intent": intent, "price_ticks": .integer(event.price), "lots": .integer(event.lots),
            "filled_lots": .integer(event.filledLots), "trade_id": tradeID, "fee": .real(event.fee),
            "liquidity": liquidity, "reject_reason": reason,
        ])
        if event.kind == .fill {
            batch.add(TradeStoreSchema.fills, [
                "client_order_id": id, "trade_id": tradeID, "instrument_id": .int(event.instrument.rawValue),
                "side": side, "intent": intent, "price_ticks": .integer(event.price), "lots": .integer(event.lots),
                "fee": .real(event.fee), "liquidity": liquidity, "order_filled_lots": .integer(event.filledLots),
            ])
        }
        guard event.kind != .unmatchedReport else { return }
        batch.add(TradeStoreSchema.orders, [
            "client_order_id": id, "instrument_id": .int(event.instrument.rawValue), "side": side, "intent": intent,
            // A fill carries the fill's price and lots: they stand in only when the submission was never seen.
            "price_ticks": .integer(event.price), "lots": .integer(event.lots),
            "filled_lots": .integer(event.filledLots), "state": .text(event.state.description),
            "reject_reason": reason, "created_time": .integer(record.time), "updated_time": .integer(record.time),
            "created_sequence": .int(record.sequence), "updated_sequence": .int(record.sequence),
        ], merging: event.reason == .none ? Self.orderUpdates : Self.orderUpdates + ["reject_reason"])
    }
}
