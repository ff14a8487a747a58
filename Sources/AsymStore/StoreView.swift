/// A read-only view over one store table: the rows of `source` that match `condition`, with all its columns.
public struct StoreView: Sendable, Hashable {
    public let name: String
    public let source: StoreTable
    /// The SQL `WHERE` condition (shared by both dialects).
    public let condition: String

    public init(name: String, source: StoreTable, condition: String) {
        self.name = name
        self.source = source
        self.condition = condition
    }

    /// The view's DDL: SQLite has `IF NOT EXISTS` for views, PostgreSQL has `OR REPLACE`.
    public func createStatement(in dialect: StoreDialect) -> String {
        let select = "SELECT * FROM \(source.name) WHERE \(condition)"
        return switch dialect {
        case .sqlite: "CREATE VIEW IF NOT EXISTS \(name) AS \(select)"
        case .postgres: "CREATE OR REPLACE VIEW \(name) AS \(select)"
        }
    }
}
