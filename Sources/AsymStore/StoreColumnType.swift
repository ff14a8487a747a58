/// The three column types the trade store uses, and the one place they map to each database's type names.
///
/// Prices and sizes are integer ticks and lots (`integer`), scores and money in quote currency are `real`, and
/// names, client order ids and 64-bit unsigned values that may exceed `Int64.max` (trade ids, hashes) are `text`.
public enum StoreColumnType: Sendable, Hashable {
    /// A signed 64-bit integer.
    case integer
    /// An IEEE-754 double.
    case real
    /// UTF-8 text.
    case text

    /// The column type in `dialect`'s DDL: SQLite's storage classes, PostgreSQL's 64-bit types.
    public func name(in dialect: StoreDialect) -> String {
        switch (self, dialect) {
        case (.integer, .sqlite): "INTEGER"
        case (.real, .sqlite): "REAL"
        case (.text, .sqlite): "TEXT"
        case (.integer, .postgres): "BIGINT"
        case (.real, .postgres): "DOUBLE PRECISION"
        case (.text, .postgres): "TEXT"
        }
    }
}
