import ArgumentParser
import AsymCore
import AsymStore
import Foundation

/// `asym trades`: builds the trade store from a journal and exports its tables.
struct TradesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trades",
        abstract: "Build the trade store (SQLite or PostgreSQL) from a journal and export its tables.",
        discussion: """
            With --journal, first stores the journal's records that the store does not hold yet (re-running adds \
            nothing). Then, with --json, prints one object with one key per table, each an array of row objects; \
            with --csv, prints one table (--table) with a header line. Without either, prints each table's row \
            count (and, after --journal, what was ingested). Tables: \
            \(TradeStoreSchema.relations.map(\.name).joined(separator: ", ")).
            PostgreSQL: --postgres postgres://USER@HOST[:PORT]/DATABASE[?schema=NAME&sslmode=require], the \
            password from --password-file (mode 0600) or --password-env, never from the URL.
            """
    )

    @Option(help: "The SQLite store file (created by --journal when missing).")
    var db: String?

    @Option(help: "A PostgreSQL store URL instead of --db (no password in it).")
    var postgres: String?

    @Option(help: "A file holding the PostgreSQL password (mode 0600).")
    var passwordFile: String?

    @Option(help: "An environment variable holding the PostgreSQL password.")
    var passwordEnv: String?

    @Option(help: "A journal directory to ingest first.")
    var journal: String?

    @Option(name: .customLong("instrument"), help: "ID=SYMBOL for the instruments table (repeatable), e.g. 0=BTCUSDT.")
    var instruments: [String] = []

    @Option(help: "Export only this table.")
    var table: String?

    @Flag(help: "Print CSV (one table, with --table).")
    var csv = false

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        if (db == nil) == (postgres == nil) { throw ValidationError("give one of --db FILE or --postgres URL") }
        if csv && json { throw ValidationError("--csv and --json exclude each other") }
        if csv && table == nil { throw ValidationError("--csv prints one table: choose it with --table") }
        if let table, TradeStoreSchema.relation(named: table) == nil {
            throw ValidationError("no table \(table); tables: \(TradeStoreSchema.relations.map(\.name).joined(separator: ", "))")
        }
        if passwordFile != nil && passwordEnv != nil { throw ValidationError("give --password-file or --password-env, not both") }
        _ = try instrumentMap()
    }

    func run() throws {
        let store = try openStore()
        defer { store.close() }
        var lines: [String] = []
        if let journal {
            let writer = TradeStoreWriter(store: store, instruments: try instrumentMap())
            let summary: IngestSummary
            do {
                summary = try writer.ingest(journalDirectory: journal)
            } catch {
                throw CommandFailure("\(error)")
            }
            lines.append(summary.text)
        }
        let relations = table.flatMap(TradeStoreSchema.relation(named:)).map { [$0] } ?? TradeStoreSchema.relations
        let tables: [StoreTableRows]
        do {
            tables = try relations.map { relation throws(TradeStoreError) in try store.export(relation) }
        } catch {
            throw CommandFailure("\(error)")
        }
        if json || csv {
            // The export owns stdout; the ingest report goes to stderr.
            if !lines.isEmpty { FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8)) }
            print(json ? TradeStoreExport.json(tables) : TradeStoreExport.csv(tables[0]))
        } else {
            lines += tables.map { "\($0.name): \($0.rows.count) row(s)" }
            print(lines.joined(separator: "\n"))
        }
    }

    func openStore() throws -> any TradeStore {
        do {
            if let db {
                return try SQLiteTradeStore(path: db, mode: journal == nil ? .readOnly : .readWrite)
            }
            let password: PostgresPasswordSource =
                passwordFile.map { .file($0) } ?? passwordEnv.map { .environment($0) } ?? .none
            return try PostgresTradeStore(configuration: PostgresStoreConfiguration(url: postgres!, password: password))
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    func instrumentMap() throws -> [InstrumentID: String] {
        var map: [InstrumentID: String] = [:]
        for entry in instruments {
            let parts = entry.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let id = UInt16(parts[0]), !parts[1].isEmpty else {
                throw ValidationError("--instrument wants ID=SYMBOL, got \(entry)")
            }
            map[InstrumentID(id)] = String(parts[1])
        }
        return map
    }
}
