/// Something rows can be read from: a table or a view, with its columns and a stable order.
public struct StoreRelation: Sendable, Hashable {
    public let name: String
    public let columns: [StoreColumn]
    /// `SELECT` of every column in a stable order (the key).
    public let selectStatement: String

    public init(_ table: StoreTable) {
        name = table.name
        columns = table.columns
        selectStatement = table.selectStatement
    }

    public init(_ view: StoreView) {
        name = view.name
        columns = view.source.columns
        selectStatement = "SELECT \(view.source.columns.map(\.name).joined(separator: ", ")) FROM \(view.name) "
            + "ORDER BY \(view.source.primaryKey.joined(separator: ", "))"
    }
}
