import GRDB
import Synchronization

/// The trade store in one SQLite file, through GRDB.swift (`DatabaseQueue`; one connection, serialised).
///
/// Opened read-write it creates the file and the schema and uses write-ahead logging, so `asym trades` can read
/// it while the engine's writer adds to it (`synchronous = NORMAL`: the journal, not the store, is the durable
/// record, and a store can always be rebuilt from it). Opened read-only it neither creates nor changes anything.
public final class SQLiteTradeStore: TradeStore {
    /// How the file is opened.
    public enum Mode: Sendable {
        /// Create the file and schema when missing (ingest).
        case readWrite
        /// Fail unless the file exists; never write (export).
        case readOnly
    }

    /// The database file.
    public let path: String
    public let mode: Mode
    public var dialect: StoreDialect { .sqlite }

    private let queue: DatabaseQueue
    private let isClosed = Atomic(false)

    /// Opens (and in `.readWrite` creates) the store at `path`.
    ///
    /// - Throws: `.cannotOpen` when SQLite cannot open it (missing directory, not a database, absent in
    ///   `.readOnly`), `.schemaVersion` for a store of another schema version.
    public init(path: String, mode: Mode = .readWrite) throws(TradeStoreError) {
        self.path = path
        self.mode = mode
        var configuration = Configuration()
        configuration.readonly = mode == .readOnly
        // Another process (the engine's writer, or `asym trades`) may hold the lock briefly.
        configuration.busyMode = .timeout(10)
        if mode == .readWrite {
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw .cannotOpen(path: path, message: Self.message(error))
        }
        if mode == .readWrite {
            try prepareSchema()
        } else {
            // A read-only open is lazy about the file's contents: read the schema version now, so a file that
            // is not a store fails here.
            let meta: [String: Int64]
            do {
                meta = try metaValues()
            } catch {
                throw .cannotOpen(path: path, message: "\(error)")
            }
            if let found = meta["schema_version"], found != TradeStoreSchema.version {
                throw .schemaVersion(found: found, expected: TradeStoreSchema.version)
            }
        }
    }

    public func execute(_ statements: [String]) throws(TradeStoreError) {
        try guarded { () throws in
            try queue.write { db in
                for statement in statements { try db.execute(sql: statement) }
            }
        }
    }

    public func write(_ batch: TradeStoreBatch) throws(TradeStoreError) -> [String: Int] {
        try guarded { () throws -> [String: Int] in
            try queue.write { db in
                var changed: [String: Int] = [:]
                for table in batch.tables {
                    // One cached statement per table, run per row: SQLite has no round trips to save.
                    let statement = try db.cachedStatement(sql: table.insertStatement(rows: 1, in: .sqlite))
                    var count = 0
                    for row in batch.rows[table.name] ?? [] {
                        try statement.execute(arguments: StatementArguments(row.map(Self.databaseValue)))
                        count += db.changesCount
                    }
                    changed[table.name] = count
                }
                return changed
            }
        }
    }

    public func rows(of relation: StoreRelation) throws(TradeStoreError) -> [[StoreValue]] {
        try guarded { () throws -> [[StoreValue]] in
            try queue.read { db in
                try Row.fetchAll(db, sql: relation.selectStatement).map { row in row.databaseValues.map(Self.storeValue) }
            }
        }
    }

    public func close() {
        guard !isClosed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        try? queue.close()
    }

    // MARK: - Conversions

    /// Runs a GRDB call, turning its errors into `TradeStoreError`.
    private func guarded<Result>(_ body: () throws -> Result) throws(TradeStoreError) -> Result {
        guard !isClosed.load(ordering: .acquiring) else { throw .closed }
        do {
            return try body()
        } catch {
            throw .database(message: Self.message(error))
        }
    }

    static func message(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "\(error.message ?? "no message") (SQLite result code \(error.extendedResultCode.rawValue))"
        }
        return "\(error)"
    }

    static func databaseValue(_ value: StoreValue) -> DatabaseValue {
        switch value {
        case .integer(let value): value.databaseValue
        case .real(let value): value.databaseValue
        case .text(let value): value.databaseValue
        case .null: .null
        }
    }

    static func storeValue(_ value: DatabaseValue) -> StoreValue {
        switch value.storage {
        case .null: .null
        case .int64(let value): .integer(value)
        case .double(let value): .real(value)
        case .string(let value): .text(value)
        case .blob(let data): .text(data.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())
        }
    }
}
