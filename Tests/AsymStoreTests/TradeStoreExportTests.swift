import AsymStore
import Foundation
import TestSupport
import Testing

/// What `asym trades` prints: JSON that parses, one key per table, and CSV with a header.
@Suite struct TradeStoreExportTests {
    @Test func jsonExportParsesWithOneArrayOfRowObjectsPerTable() throws {
        try TemporaryDirectory.with { directory in
            let journal = directory.path("journal")
            try HandJournal.write(journal) { writer in
                try writer.run(hash: 3, at: 1)
                for number in 1...4 { try writer.trade(UInt64(number), at: Int64(number) * HandJournal.second) }
            }
            let store = try SQLiteTradeStore(path: directory.path("trades.sqlite"))
            _ = try TradeStoreWriter(store: store, instruments: [.init(0): "BTC\"USDT"]).ingest(journalDirectory: journal)
            let tables = try TradeStoreSchema.relations.map { relation throws(TradeStoreError) in
                try store.export(relation)
            }
            let text = TradeStoreExport.json(tables)

            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(Set(object.keys) == Set(TradeStoreSchema.relations.map(\.name)))
            for table in tables {
                let rows = try #require(object[table.name] as? [[String: Any]], "\(table.name)")
                #expect(rows.count == table.rows.count, "\(table.name)")
                if let first = rows.first { #expect(Set(first.keys) == Set(table.columns), "\(table.name)") }
            }
            let fills = try #require(object["fills"] as? [[String: Any]])
            #expect(fills.compactMap { $0["lots"] as? Int }.reduce(0, +) == 40)
            #expect(fills.first?["client_order_id"] as? String == HandJournal.orderID(1).text)
            let instruments = try #require(object["instruments"] as? [[String: Any]])
            #expect(instruments.first?["symbol"] as? String == "BTC\"USDT", "text is escaped")
            let denials = try #require(object["denials"] as? [[String: Any]])
            #expect(denials.count == 4 && denials.allSatisfy { $0["reason"] as? String == "spoof_score_too_high" })
            let orders = try #require(object["orders"] as? [[String: Any]])
            #expect(orders.allSatisfy { $0["reject_reason"] is NSNull }, "NULL is null")
        }
    }

    @Test func csvExportHasAHeaderAndOneLinePerRow() throws {
        let table = StoreTableRows(name: "t", columns: ["id", "name", "price", "note"], rows: [
            [.integer(1), .text("plain"), .real(1.5), .null],
            [.integer(2), .text("a,b \"c\""), .real(.nan), .text("line\nbreak")],
        ])
        let csv = TradeStoreExport.csv(table)
        #expect(csv == "id,name,price,note\n1,plain,1.5,\n2,\"a,b \"\"c\"\"\",nan,\"line\nbreak\"")
        #expect(csv.split(separator: "\n").first == "id,name,price,note")
    }

    @Test func csvOfAStoredTableStartsWithItsColumns() throws {
        try TemporaryDirectory.with { directory in
            let journal = directory.path("journal")
            try HandJournal.write(journal) { writer in
                try writer.run(hash: 3, at: 1)
                try writer.trade(1, at: HandJournal.second)
            }
            let store = try SQLiteTradeStore(path: directory.path("trades.sqlite"))
            _ = try TradeStoreWriter(store: store).ingest(journalDirectory: journal)
            store.close()
            let reader = try SQLiteTradeStore(path: directory.path("trades.sqlite"), mode: .readOnly)
            let lines = TradeStoreExport.csv(try reader.export(StoreRelation(TradeStoreSchema.fills)))
                .split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first.map(String.init) == TradeStoreSchema.fills.columns.map(\.name).joined(separator: ","))
            #expect(lines.count == 3)
            #expect(lines[1].hasPrefix("7,"), "first fill at sequence 7")
        }
    }

    @Test func schemaRendersTheSameTablesInBothDialects() {
        let sqlite = TradeStoreSchema.createStatements(in: .sqlite)
        let postgres = TradeStoreSchema.createStatements(in: .postgres)
        #expect(sqlite.count == postgres.count)
        let fills = TradeStoreSchema.fills.createStatement(in: .postgres)
        #expect(fills.contains("price_ticks BIGINT NOT NULL") && fills.contains("fee DOUBLE PRECISION NOT NULL"))
        #expect(TradeStoreSchema.fills.createStatement(in: .sqlite).contains("price_ticks INTEGER NOT NULL"))
        for (lite, pg) in zip(sqlite, postgres) {
            let normalise = { (sql: String) in
                sql.replacing("DOUBLE PRECISION", with: "REAL").replacing("BIGINT", with: "INTEGER")
                    .replacing("CREATE OR REPLACE VIEW", with: "CREATE VIEW IF NOT EXISTS")
            }
            #expect(normalise(lite) == normalise(pg), "only type names and view syntax differ")
        }
    }
}
