/// One column of a trade-store table.
public struct StoreColumn: Sendable, Hashable {
    /// The column's name (snake_case, as exported).
    public let name: String
    public let type: StoreColumnType
    /// Whether NULL is allowed (absent values: no reject reason, an approval's denial name).
    public let isNullable: Bool

    public init(_ name: String, _ type: StoreColumnType, nullable: Bool = false) {
        self.name = name
        self.type = type
        isNullable = nullable
    }
}
