/// One table of the trade store: columns, key, conflict rule and extra indexes, rendered to DDL for either
/// dialect from this single definition.
public struct StoreTable: Sendable, Hashable {
    public let name: String
    public let columns: [StoreColumn]
    /// The primary key's columns.
    public let primaryKey: [String]
    /// What writing an existing key does.
    public let conflict: StoreConflictRule
    /// Extra indexes as (name suffix, SQL column list and optional `WHERE` clause), e.g. a partial unique index.
    public let indexes: [StoreIndex]

    public init(name: String, columns: [StoreColumn], primaryKey: [String], conflict: StoreConflictRule = .ignore,
                indexes: [StoreIndex] = []) {
        precondition(primaryKey.allSatisfy { key in columns.contains { $0.name == key } }, "primary key not in \(name)")
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
        self.conflict = conflict
        self.indexes = indexes
    }

    /// The zero-based position of column `name`.
    public func index(of name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// `CREATE TABLE IF NOT EXISTS` in `dialect`.
    public func createStatement(in dialect: StoreDialect) -> String {
        var parts = columns.map { column in
            "\(column.name) \(column.type.name(in: dialect))\(column.isNullable ? "" : " NOT NULL")"
        }
        parts.append("PRIMARY KEY (\(primaryKey.joined(separator: ", ")))")
        return "CREATE TABLE IF NOT EXISTS \(name) (\(parts.joined(separator: ", ")))"
    }

    /// `CREATE [UNIQUE] INDEX IF NOT EXISTS` for each extra index (the same text in both dialects).
    public var indexStatements: [String] {
        indexes.map { index in
            "CREATE \(index.isUnique ? "UNIQUE " : "")INDEX IF NOT EXISTS \(name)_\(index.name) ON \(name) "
                + "(\(index.columns.joined(separator: ", ")))" + (index.condition.map { " WHERE \($0)" } ?? "")
        }
    }

    /// An `INSERT` of `rowCount` rows with this table's conflict rule, with `dialect`'s placeholders.
    func insertStatement(rows rowCount: Int, in dialect: StoreDialect) -> String {
        var sql = "INSERT INTO \(name) (\(columns.map(\.name).joined(separator: ", "))) VALUES "
        var parameter = 0
        for row in 0..<rowCount {
            if row > 0 { sql += ", " }
            sql += "("
            for column in columns.indices {
                if column > 0 { sql += ", " }
                sql += dialect.placeholder(parameter)
                parameter += 1
            }
            sql += ")"
        }
        switch conflict {
        case .ignore:
            sql += " ON CONFLICT DO NOTHING"
        case .update(let assignments, let condition):
            sql += " ON CONFLICT (\(primaryKey.joined(separator: ", "))) DO UPDATE SET \(assignments)"
            if let condition { sql += " WHERE \(condition)" }
        }
        return sql
    }

    /// A `SELECT` of every column, ordered by the primary key.
    var selectStatement: String {
        "SELECT \(columns.map(\.name).joined(separator: ", ")) FROM \(name) ORDER BY \(primaryKey.joined(separator: ", "))"
    }
}
