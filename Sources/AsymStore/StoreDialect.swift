/// The SQL dialects the trade store speaks. The schema and the statements are shared; only type names
/// (`StoreColumnType.name(in:)`) and parameter placeholders differ.
public enum StoreDialect: Sendable, Hashable, CustomStringConvertible {
    case sqlite
    case postgres

    /// The placeholder for the parameter at zero-based `index`: `?` in SQLite, `$1`, `$2`, … in PostgreSQL.
    func placeholder(_ index: Int) -> String {
        switch self {
        case .sqlite: "?"
        case .postgres: "$\(index + 1)"
        }
    }

    public var description: String {
        switch self {
        case .sqlite: "sqlite"
        case .postgres: "postgresql"
        }
    }
}
