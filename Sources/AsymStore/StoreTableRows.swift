/// The rows of one table or view, with its column names: what `asym trades` exports.
public struct StoreTableRows: Sendable, Equatable {
    public let name: String
    public let columns: [String]
    public let rows: [[StoreValue]]

    public init(name: String, columns: [String], rows: [[StoreValue]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }

    /// The values of column `name` in row order.
    public func column(_ name: String) -> [StoreValue] {
        guard let index = columns.firstIndex(of: name) else { return [] }
        return rows.map { $0[index] }
    }
}
