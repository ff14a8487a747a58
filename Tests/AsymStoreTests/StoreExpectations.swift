import AsymJournal
import AsymStore
import Testing

/// Checks that a store holds exactly what a journal holds.
enum StoreExpectations {
    static func rows(_ store: any TradeStore, _ table: StoreTable) throws -> StoreTableRows {
        try store.export(StoreRelation(table))
    }

    static func expect(_ store: any TradeStore, matches census: JournalCensus,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        func count(_ table: StoreTable) throws -> Int { try rows(store, table).rows.count }

        #expect(try count(TradeStoreSchema.signals) == census.count(.signal), sourceLocation: sourceLocation)
        #expect(try count(TradeStoreSchema.decisions) == census.count(.riskApproved, .riskDenied),
                sourceLocation: sourceLocation)
        #expect(try count(TradeStoreSchema.orderEvents) == census.count(.orderSubmitted, .orderStateChange, .fill),
                sourceLocation: sourceLocation)
        #expect(try count(TradeStoreSchema.fills) == census.count(.fill), sourceLocation: sourceLocation)
        #expect(try count(TradeStoreSchema.orders) == census.orderIDs.count, sourceLocation: sourceLocation)
        #expect(try count(TradeStoreSchema.positions) == census.count(.positionSnapshot), sourceLocation: sourceLocation)
        #expect(try count(TradeStoreSchema.equityCurve) == census.count(.positionSnapshot),
                sourceLocation: sourceLocation)
        #expect(try count(TradeStoreSchema.tradingStates) == census.count(.tradingStateChange),
                sourceLocation: sourceLocation)
        #expect(try count(TradeStoreSchema.killSwitches) == census.count(.killSwitch), sourceLocation: sourceLocation)
        #expect(try count(TradeStoreSchema.replayPositions) == census.count(.replayPosition),
                sourceLocation: sourceLocation)
        #expect(try count(TradeStoreSchema.runs) == census.count(.configHash), sourceLocation: sourceLocation)

        let fills = try rows(store, TradeStoreSchema.fills)
        #expect(fills.column("lots").compactMap(\.integerValue).reduce(0, +) == census.fillLots,
                sourceLocation: sourceLocation)
        // Rows come back in sequence order, so the sum is taken in the journal's order: exactly equal.
        #expect(fills.column("fee").compactMap(\.doubleValue).reduce(0, +) == census.fillFees,
                sourceLocation: sourceLocation)

        let orders = try rows(store, TradeStoreSchema.orders)
        #expect(Set(orders.column("client_order_id").compactMap(\.textValue)) == census.orderIDs,
                sourceLocation: sourceLocation)

        let equity = try rows(store, TradeStoreSchema.equityCurve)
        if let snapshot = census.lastSnapshot {
            #expect(equity.column("wallet_balance").last == .real(snapshot.walletBalance), sourceLocation: sourceLocation)
            #expect(equity.column("equity").last == .real(snapshot.equity), sourceLocation: sourceLocation)
            #expect(equity.column("peak_equity").last == .real(snapshot.peakEquity), sourceLocation: sourceLocation)
            let positions = try rows(store, TradeStoreSchema.positions)
            #expect(positions.column("lots").last == .integer(snapshot.lots), sourceLocation: sourceLocation)
        } else {
            #expect(equity.rows.isEmpty, sourceLocation: sourceLocation)
        }

        let denials = try store.export(try #require(TradeStoreSchema.relation(named: "denials")))
        var byReason: [String: Int] = [:]
        for reason in denials.column("reason") { byReason[reason.textValue ?? "NULL", default: 0] += 1 }
        #expect(byReason == census.denialsByReason, sourceLocation: sourceLocation)

        #expect(try store.metaValues()["last_sequence"] == Int64(census.lastSequence), sourceLocation: sourceLocation)
    }

    /// Row counts of every table and view.
    static func counts(_ store: any TradeStore) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for relation in TradeStoreSchema.relations { counts[relation.name] = try store.rows(of: relation).count }
        return counts
    }
}
