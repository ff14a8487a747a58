import AsymStore
import Foundation
import TestSupport
import Testing

/// The PostgreSQL store against the throwaway server `scripts/test` starts on loopback: the same rows as the
/// journal and as SQLite. Without the server these tests are skipped with a loud message, and fail under CI.
@Suite struct PostgresTradeStoreTests {
    static let serverNeeded = "needs \(PostgresTestServer.urlVariable): run through scripts/test"

    @Test func thePostgresServerIsThereWhenCIIsSet() throws {
        guard PostgresTestServer.isConfigured else {
            if PostgresTestServer.isCI {
                Issue.record(Comment(rawValue: PostgresTestServer.missingMessage))
            } else {
                print("\n*** WARNING: \(PostgresTestServer.missingMessage) ***\n")
            }
            return
        }
        try PostgresTestServer.withStore { store, _ in
            let meta = try store.metaValues()
            #expect(meta.isEmpty, "a fresh schema holds no ingest yet")
        }
    }

    @Test(.enabled(if: PostgresTestServer.isConfigured, Comment(rawValue: serverNeeded)))
    func postgresHoldsTheSameRowsAsTheJournalAndAsSQLite() throws {
        try TemporaryDirectory.with { directory in
            let engine = try EngineJournal.write(in: directory)
            let census = try JournalCensus(directory: engine.journal)
            try #require(census.count(.fill) > 0 && census.count(.riskDenied) > 0)
            let sqlite = try SQLiteTradeStore(path: directory.path("trades.sqlite"))
            let sqliteSummary = try TradeStoreWriter(store: sqlite, instruments: engine.instruments, batchSize: 2_000)
                .ingest(journalDirectory: engine.journal)
            try PostgresTestServer.withStore { store, _ in
                let summary = try TradeStoreWriter(store: store, instruments: engine.instruments, batchSize: 2_000)
                    .ingest(journalDirectory: engine.journal)
                #expect(summary.recordsStored == census.counts.values.reduce(0, +) && summary.skipped.isEmpty)
                #expect(summary.rowsWritten == sqliteSummary.rowsWritten)
                try StoreExpectations.expect(store, matches: census)
                for relation in TradeStoreSchema.relations {
                    #expect(try store.rows(of: relation) == sqlite.rows(of: relation), "\(relation.name)")
                }
            }
        }
    }

    @Test(.enabled(if: PostgresTestServer.isConfigured, Comment(rawValue: serverNeeded)))
    func postgresReingestAddsNothingAndGrowthAddsOnlyTheNewRecords() throws {
        try TemporaryDirectory.with { directory in
            let journal = directory.path("journal")
            try HandJournal.write(journal) { writer in
                try writer.run(hash: 7, at: 1)
                for number in 1...3 { try writer.trade(UInt64(number), at: Int64(number) * HandJournal.second) }
            }
            try PostgresTestServer.withStore { store, configuration in
                let first = try TradeStoreWriter(store: store, batchSize: 4).ingest(journalDirectory: journal)
                let again = try TradeStoreWriter(store: store).ingest(journalDirectory: journal)
                #expect(first.recordsStored == 34 && again.recordsRead == 0 && again.transactions == 0)
                try HandJournal.write(journal) { writer in
                    try writer.run(hash: 8, at: 10 * HandJournal.second)
                    for number in 4...6 { try writer.trade(UInt64(number), at: Int64(number + 10) * HandJournal.second) }
                }
                // A new connection (a restarted engine) continues from the stored sequence.
                let reopened = try PostgresTradeStore(configuration: configuration)
                defer { reopened.close() }
                let grown = try TradeStoreWriter(store: reopened, batchSize: 4).ingest(journalDirectory: journal)
                #expect(grown.previousSequence == 34 && grown.recordsRead == 34)
                #expect(grown.rows("fills") == 6 && grown.rows("signals") == 3 && grown.rows("orders") >= 3)
                try StoreExpectations.expect(store, matches: try JournalCensus(directory: journal))
                let orders = try StoreExpectations.rows(store, TradeStoreSchema.orders)
                #expect(orders.column("state") == Array(repeating: .text("filled"), count: 6))
            }
        }
    }

    @Test(.enabled(if: PostgresTestServer.isConfigured, Comment(rawValue: serverNeeded)))
    func aWrongPasswordIsATypedConnectionErrorThatDoesNotShowIt() throws {
        try TemporaryDirectory.with { directory in
            let file = directory.path("password")
            let secret = "not-the-password-\(UInt32.random(in: 0...UInt32.max))"
            try #require(FileManager.default.createFile(atPath: file, contents: Data(secret.utf8),
                                                        attributes: [.posixPermissions: 0o600]))
            var configuration = try PostgresTestServer.configuration()
            configuration.password = .file(file)
            do throws(TradeStoreError) {
                _ = try PostgresTradeStore(configuration: configuration)
                Issue.record("a wrong password was accepted")
            } catch {
                guard case .connection(let host, _, let message) = error else { Issue.record("\(error)"); return }
                #expect(host == configuration.host)
                #expect(message.contains("28P01"), "SQLSTATE invalid_password: \(message)")
                #expect(!"\(error)".contains(secret) && !configuration.description.contains(secret))
            }
        }
    }

    @Test func anUnreachableServerIsATypedConnectionError() throws {
        var configuration = PostgresStoreConfiguration(host: "127.0.0.1", port: 1, user: "asym", database: "asym")
        configuration.connectTimeout = 5
        do throws(TradeStoreError) {
            _ = try PostgresTradeStore(configuration: configuration)
            Issue.record("connected to port 1")
        } catch {
            guard case .connection(let host, let port, _) = error else { Issue.record("\(error)"); return }
            #expect(host == "127.0.0.1" && port == 1)
        }
    }

    @Test func theURLGivesTheConfigurationAndMayNotCarryAPassword() throws {
        let parsed = try PostgresStoreConfiguration(url: "postgres://trader@db.local:6543/asym?schema=paper",
                                                    password: .environment("ASYM_PG_PASSWORD"))
        #expect(parsed == PostgresStoreConfiguration(host: "db.local", port: 6543, user: "trader", database: "asym",
                                                     schema: "paper", password: .environment("ASYM_PG_PASSWORD")))
        #expect(try PostgresStoreConfiguration(url: "postgresql://trader@db.local").database == "trader")
        for bad in ["postgres://trader:hunter2@db.local/asym", "http://trader@db.local/asym", "postgres://db.local/asym",
                    "postgres://trader@db.local/asym?schema=Bad-Name", "postgres://trader@db.local/asym?color=red"] {
            do throws(TradeStoreError) {
                _ = try PostgresStoreConfiguration(url: bad)
                Issue.record("accepted \(bad)")
            } catch {
                guard case .invalidConfiguration(let message) = error else { Issue.record("\(error)"); continue }
                #expect(!message.contains("hunter2"))
            }
        }
    }

    @Test func aPasswordFileOthersCanReadOrAMissingVariableIsRefused() throws {
        try TemporaryDirectory.with { directory in
            let file = directory.path("password")
            try #require(FileManager.default.createFile(atPath: file, contents: Data("secret\n".utf8),
                                                        attributes: [.posixPermissions: 0o644]))
            #expect(throws: TradeStoreError.self) { try PostgresPasswordSource.file(file).resolve() }
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
            #expect(try PostgresPasswordSource.file(file).resolve() == "secret", "the first line, without its newline")
            #expect(throws: TradeStoreError.self) { try PostgresPasswordSource.file(directory.path("absent")).resolve() }
            #expect(throws: TradeStoreError.password("environment variable ASYM_TEST_SURELY_UNSET is not set")) {
                try PostgresPasswordSource.environment("ASYM_TEST_SURELY_UNSET").resolve()
            }
        }
    }
}
