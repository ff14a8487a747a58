public import AsymJournal
import AsymSignals

/// Stores `.signal` records (`Signal`) in `signals`.
public struct SignalStoreDecoder: TradeStoreRecordDecoder {
    let fields: [StoreEnumField<Signal>] = [
        StoreEnumField("direction", \.direction), StoreEnumField("regime", \.regime),
    ]

    public init() {}

    public var recordTypes: [JournalRecordType] { [.signal] }

    public func decode(_ record: JournalRecord, type: JournalRecordType, into batch: inout TradeStoreBatch)
        throws(RecordSkipReason)
    {
        let signal = try record.storePayload(as: Signal.self, type: type, enumFields: fields)
        batch.add(TradeStoreSchema.signals, [
            "instrument_id": .int(signal.instrument.rawValue), "direction": .text(signal.direction.description),
            "source": .text(signal.source.description), "regime": .text(signal.regime.description),
            "confidence": .real(Double(signal.confidence)), "expected_edge_bps": .real(Double(signal.expectedEdgeBasisPoints)),
            "spoof_score": .real(Double(signal.spoofScore)), "risk_penalty": .real(Double(signal.riskPenalty)),
            "atr_fraction": .real(Double(signal.atrFraction)), "reference_price_ticks": .integer(signal.referencePriceTicks),
            "stop_price_ticks": .integer(signal.stopPriceTicks),
            "take_profit_price_ticks": .integer(signal.takeProfitPriceTicks),
            "frame_receive_time": .integer(signal.frameReceiveTime),
        ])
    }
}
