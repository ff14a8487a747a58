/// A database holding the trade store's tables (`TradeStoreSchema`): SQLite (`SQLiteTradeStore`, the default)
/// or PostgreSQL (`PostgresTradeStore`). Calls block; use it from one background thread, never the engine
/// thread (`TradeStoreWriter` feeds it from the journal).
public protocol TradeStore: AnyObject, Sendable {
    /// Its SQL dialect.
    var dialect: StoreDialect { get }

    /// Runs `statements` in one transaction (schema creation).
    func execute(_ statements: [String]) throws(TradeStoreError)

    /// Writes every row of `batch` in one transaction, and returns the rows each table actually gained or
    /// changed (rows whose key was already stored are not counted).
    func write(_ batch: TradeStoreBatch) throws(TradeStoreError) -> [String: Int]

    /// Every row of `relation`, in its order.
    func rows(of relation: StoreRelation) throws(TradeStoreError) -> [[StoreValue]]

    /// Releases the connection; later calls throw `.closed`. Idempotent.
    func close()
}

extension TradeStore {
    /// Creates whatever is missing of the schema, and refuses a store written by another schema version.
    public func prepareSchema() throws(TradeStoreError) {
        try execute(TradeStoreSchema.createStatements(in: dialect))
        let meta = try metaValues()
        if let found = meta["schema_version"], found != TradeStoreSchema.version {
            throw .schemaVersion(found: found, expected: TradeStoreSchema.version)
        }
    }

    /// The `meta` table as a dictionary.
    public func metaValues() throws(TradeStoreError) -> [String: Int64] {
        var values: [String: Int64] = [:]
        for row in try rows(of: StoreRelation(TradeStoreSchema.meta)) {
            if let name = row[0].textValue, let value = row[1].integerValue { values[name] = value }
        }
        return values
    }

    /// Every row of `table`.
    public func rows(of table: StoreTable) throws(TradeStoreError) -> [[StoreValue]] {
        try rows(of: StoreRelation(table))
    }

    /// The rows of the relation called `name` with its column names (`asym trades --table`).
    public func export(_ relation: StoreRelation) throws(TradeStoreError) -> StoreTableRows {
        StoreTableRows(name: relation.name, columns: relation.columns.map(\.name), rows: try rows(of: relation))
    }
}
