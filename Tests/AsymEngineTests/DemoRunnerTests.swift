import AsymCore
@testable import AsymEngine
import AsymJournal
import AsymRisk
import AsymStore
import Foundation
import Testing
import TestSupport

/// `asym demo --duration 10s --json`: the whole engine over loopback WebSockets, as CI runs it.
@Suite(.serialized) struct DemoRunnerTests {
    @Test func aTenSecondDemoTradesOverLoopbackAndWritesItsJournalAndReport() throws {
        try TemporaryDirectory.with { directory in
            var options = DemoOptions()
            options.duration = .seconds(10)
            options.outputDirectory = directory.path("demo")
            let result = try DemoRunner(options: options, statusToStandardError: true).run()

            #expect(result.venues == [.bybit, .binance, .okx])
            #expect(result.frames > 0 && result.signals > 0)
            #expect(result.approved >= 1, "at least one approval: \(result.json)")
            #expect(!result.denied.isEmpty && result.denied.values.allSatisfy { $0 > 0 }, "denials carry their reasons")
            #expect(result.orders >= 1 && result.fills >= 1)
            #expect(result.latency.count > 0 && result.latency.percentiles.p50 > 0)
            // The engine thread counted its frame path's allocations (the test runner links the counting malloc); an
            // unoptimised build allocates there, so only the release gate (`scripts/allocation-check`) expects 0.
            #expect(result.framePathAllocations != nil)
            #expect(result.json.contains("\"frame_path_allocations\":") && result.json.contains("\"frame_path_frames\":"))
            // So did the status snapshots it published between frames, counted apart from the frame path.
            #expect(result.statusPublishes > 0 && result.statusPublishAllocations != nil, "\(result.json)")
            #expect(result.json.contains("\"status_publish_allocations\":") && result.json.contains("\"status_publishes\":"))

            var journalled = 0
            for venue in result.venues {
                let read = try JournalReader(directory: result.journalDirectory + "/\(venue)").forEach { _ in }
                #expect(read.crcErrors == 0)
                journalled += read.records
            }
            #expect(journalled > 0, "a non-empty journal")

            // The SQLite store holds the journal's rows: signals, decisions, orders, fills and the AI votes.
            #expect(result.databases.count == 3)
            var signals = 0, decisions = 0, fills = 0, votes = 0
            for path in result.databases {
                let store = try SQLiteTradeStore(path: path, mode: .readOnly)
                defer { store.close() }
                signals += try store.rows(of: TradeStoreSchema.signals).count
                decisions += try store.rows(of: TradeStoreSchema.decisions).count
                fills += try store.rows(of: TradeStoreSchema.fills).count
                votes += try store.rows(of: TradeStoreSchema.aiVotes).count
            }
            #expect(Int64(signals) == result.signals && Int64(fills) == result.fills)
            #expect(Int64(decisions) >= result.approved + result.denied.values.reduce(0, +))
            #expect(votes > 0, "consensus rounds against the loopback analysts were journalled and stored")

            let report = try String(contentsOfFile: result.report, encoding: .utf8)
            #expect(report.contains("<svg") && report.contains("aria-label=\"equity curve\""))
            #expect(report.contains("aria-label=\"latency histogram\"") && report.contains("aria-label=\"denials by reason\""))
            #expect(!report.contains("<script") && !report.contains("http://") && !report.contains("https://"),
                    "the report has no external assets")

            // The JSON line has every key the acceptance names.
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.json.utf8)) as? [String: Any])
            for key in ["frames", "venues", "signals", "approved", "denied", "orders", "fills", "pnl", "max_drawdown",
                        "latency_ns", "journal_dir", "db", "report"] {
                #expect(object[key] != nil, "missing \(key)")
            }
            let latency = try #require(object["latency_ns"] as? [String: Any])
            #expect(latency["p50"] != nil && latency["p99"] != nil && latency["p999"] != nil)
        }
    }
}
