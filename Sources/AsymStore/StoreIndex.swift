/// An extra index on a store table.
public struct StoreIndex: Sendable, Hashable {
    /// Suffix of the index name (`<table>_<name>`).
    public let name: String
    public let columns: [String]
    public let isUnique: Bool
    /// A `WHERE` clause making it a partial index.
    public let condition: String?

    public init(name: String, columns: [String], unique: Bool, where condition: String? = nil) {
        self.name = name
        self.columns = columns
        isUnique = unique
        self.condition = condition
    }
}
