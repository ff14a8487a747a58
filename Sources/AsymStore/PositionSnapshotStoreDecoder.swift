public import AsymJournal
import AsymExecution

/// Stores `.positionSnapshot` records (`PositionSnapshot`): the position in `positions`, the account in
/// `equity_curve`.
public struct PositionSnapshotStoreDecoder: TradeStoreRecordDecoder {
    public init() {}

    public var recordTypes: [JournalRecordType] { [.positionSnapshot] }

    public func decode(_ record: JournalRecord, type: JournalRecordType, into batch: inout TradeStoreBatch)
        throws(RecordSkipReason)
    {
        let snapshot = try record.storePayload(as: PositionSnapshot.self, type: type)
        batch.add(TradeStoreSchema.positions, [
            "instrument_id": .int(snapshot.instrument.rawValue), "lots": .integer(snapshot.lots),
            "average_entry_price_ticks": .real(snapshot.averageEntryPrice),
            "mark_price_ticks": .real(snapshot.markPrice), "realized_pnl": .real(snapshot.realizedPnL),
            "fees": .real(snapshot.fees), "unrealized_pnl": .real(snapshot.unrealizedPnL),
        ])
        batch.add(TradeStoreSchema.equityCurve, [
            "wallet_balance": .real(snapshot.walletBalance), "equity": .real(snapshot.equity),
            "peak_equity": .real(snapshot.peakEquity),
        ])
    }
}
