import PostgresNIO
import Synchronization

/// The trade store in a PostgreSQL database, through postgres-nio, with the same schema as SQLite
/// (`TradeStoreSchema`). One connection on NIO's shared event loop; calls block the calling thread on its
/// futures, so call it from a background thread, never from an event loop or the engine thread.
///
/// Rows go in multi-row `INSERT … ON CONFLICT` statements (up to `rowsPerStatement` rows, under PostgreSQL's
/// 65,535-parameter limit) inside one transaction per batch, so a batch costs a few round trips, not one per row.
public final class PostgresTradeStore: TradeStore {
    /// The configuration it was opened with (no password in it).
    public let configuration: PostgresStoreConfiguration
    public var dialect: StoreDialect { .postgres }
    /// The most rows in one `INSERT`.
    public static let rowsPerStatement = 1000

    private let connection: PostgresConnection
    private let logger: Logger
    private let isClosed = Atomic(false)

    /// Connects, selects (creating) the configured schema and creates whatever is missing of the tables.
    ///
    /// - Throws: `.password` when the password source fails, `.connection` when the server cannot be reached
    ///   or refuses the login, `.invalidConfiguration`, `.schemaVersion`, `.database`.
    public init(configuration: PostgresStoreConfiguration) throws(TradeStoreError) {
        try configuration.validate()
        self.configuration = configuration
        var logger = Logger(label: "asym.store.postgres")
        // postgres-nio logs queries at debug level; only failures are worth a line, and never a password.
        logger.logLevel = .error
        self.logger = logger
        let password = try configuration.password.resolve()
        let tls: PostgresConnection.Configuration.TLS
        switch configuration.tls {
        case .disable:
            tls = .disable
        case .require:
            do {
                tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            } catch {
                throw .invalidConfiguration("TLS: \(error)")
            }
        }
        var connectionConfiguration = PostgresConnection.Configuration(
            host: configuration.host, port: configuration.port, username: configuration.user, password: password,
            database: configuration.database, tls: tls)
        connectionConfiguration.options.connectTimeout = .seconds(configuration.connectTimeout)
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: connectionConfiguration, id: 1,
                logger: logger
            ).wait()
        } catch {
            throw .connection(host: configuration.host, port: configuration.port, message: Self.message(error))
        }
        do throws(TradeStoreError) {
            if let schema = configuration.schema {
                // `schema` was validated as a plain identifier.
                try run("CREATE SCHEMA IF NOT EXISTS \(schema)")
                try run("SET search_path TO \(schema)")
            }
            try prepareSchema()
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    public func execute(_ statements: [String]) throws(TradeStoreError) {
        try transaction { () throws(TradeStoreError) in
            for statement in statements { try run(statement) }
        }
    }

    public func write(_ batch: TradeStoreBatch) throws(TradeStoreError) -> [String: Int] {
        try transaction { () throws(TradeStoreError) -> [String: Int] in
            var changed: [String: Int] = [:]
            for table in batch.tables {
                let rows = batch.rows[table.name] ?? []
                let perStatement = max(1, min(Self.rowsPerStatement, Int(UInt16.max) / table.columns.count))
                // Every full chunk has the same text: build it once.
                let fullChunk = rows.count >= perStatement ? table.insertStatement(rows: perStatement, in: .postgres) : ""
                var count = 0
                var start = 0
                while start < rows.count {
                    let end = min(rows.count, start + perStatement)
                    var bindings = PostgresBindings(capacity: (end - start) * table.columns.count)
                    for row in rows[start..<end] {
                        for value in row { Self.bind(value, to: &bindings) }
                    }
                    let sql = end - start == perStatement ? fullChunk : table.insertStatement(rows: end - start, in: .postgres)
                    count += try run(PostgresQuery(unsafeSQL: sql, binds: bindings)).metadata.rows ?? 0
                    start = end
                }
                changed[table.name] = count
            }
            return changed
        }
    }

    public func rows(of relation: StoreRelation) throws(TradeStoreError) -> [[StoreValue]] {
        let result = try run(PostgresQuery(unsafeSQL: relation.selectStatement))
        var rows: [[StoreValue]] = []
        rows.reserveCapacity(result.rows.count)
        for row in result.rows {
            var values: [StoreValue] = []
            values.reserveCapacity(relation.columns.count)
            for (cell, column) in zip(row, relation.columns) {
                do {
                    switch column.type {
                    case .integer: values.append(try cell.decode(Int64?.self).map(StoreValue.integer) ?? .null)
                    case .real: values.append(try cell.decode(Double?.self).map(StoreValue.real) ?? .null)
                    case .text: values.append(try cell.decode(String?.self).map(StoreValue.text) ?? .null)
                    }
                } catch {
                    throw .database(message: "\(relation.name).\(column.name): \(error)")
                }
            }
            rows.append(values)
        }
        return rows
    }

    public func close() {
        guard !isClosed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        try? connection.close().wait()
    }

    // MARK: - Statements

    @discardableResult
    private func run(_ sql: String) throws(TradeStoreError) -> PostgresQueryResult {
        try run(PostgresQuery(unsafeSQL: sql))
    }

    @discardableResult
    private func run(_ query: PostgresQuery) throws(TradeStoreError) -> PostgresQueryResult {
        guard !isClosed.load(ordering: .acquiring) else { throw .closed }
        do {
            return try connection.query(query, logger: logger).wait()
        } catch {
            throw .database(message: Self.message(error))
        }
    }

    private func transaction<Result>(_ body: () throws(TradeStoreError) -> Result) throws(TradeStoreError) -> Result {
        try run("BEGIN")
        do {
            let result = try body()
            try run("COMMIT")
            return result
        } catch {
            _ = try? run("ROLLBACK")
            throw error
        }
    }

    static func bind(_ value: StoreValue, to bindings: inout PostgresBindings) {
        switch value {
        case .integer(let value): bindings.append(value)
        case .real(let value): bindings.append(value)
        case .text(let value): bindings.append(value)
        case .null: bindings.appendNull()
        }
    }

    /// The server's message and SQLSTATE, or the connection failure. `PSQLError`'s own description hides
    /// everything by design; the server's fields and the underlying network error carry no secret.
    static func message(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let info = error.serverInfo {
            return [info[.sqlState].map { "SQLSTATE \($0)" }, info[.message], info[.detail]]
                .compactMap { $0 }.joined(separator: ": ")
        }
        return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
    }
}
