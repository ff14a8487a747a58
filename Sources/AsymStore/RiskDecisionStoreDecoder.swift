public import AsymJournal
import AsymRisk

/// Stores `.riskApproved` and `.riskDenied` records (`RiskDecisionRecord`) in `decisions`, denials with their
/// `DenialReason` name.
public struct RiskDecisionStoreDecoder: TradeStoreRecordDecoder {
    let fields: [StoreEnumField<RiskDecisionRecord>] = [
        StoreEnumField("kind", \.kind), StoreEnumField("direction", \.direction),
    ]

    public init() {}

    public var recordTypes: [JournalRecordType] { [.riskApproved, .riskDenied] }

    public func decode(_ record: JournalRecord, type: JournalRecordType, into batch: inout TradeStoreBatch)
        throws(RecordSkipReason)
    {
        let decision = try record.storePayload(as: RiskDecisionRecord.self, type: type, enumFields: fields)
        let approved = type == .riskApproved
        // `reason` is a plain byte (the raw value), so an unknown one is a report, not undefined behaviour.
        let reason = DenialReason(rawValue: decision.reason)
        if approved ? decision.reason != 0 : reason == nil {
            throw .invalidField(type, field: "reason", byte: decision.reason)
        }
        batch.add(TradeStoreSchema.decisions, [
            "decision_id": .int(decision.decision), "instrument_id": .int(decision.instrument.rawValue),
            "kind": .text(StoreNames.name(decision.kind)), "direction": .text(decision.direction.description),
            "approved": .integer(approved ? 1 : 0), "reason": .text(reason?.description),
            "reason_code": .int(decision.reason), "lots": .integer(decision.lots), "equity": .real(decision.equity),
            "margin_in_use": .real(decision.marginInUse), "confidence": .real(decision.confidence),
            "spoof_score": .real(decision.spoofScore), "risk_penalty": .real(decision.riskPenalty),
        ])
    }
}
