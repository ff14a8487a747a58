/// One cell of a trade-store row: what both databases store and what `asym trades` exports.
public enum StoreValue: Sendable, Hashable, CustomStringConvertible {
    case integer(Int64)
    case real(Double)
    case text(String)
    case null

    /// An integer cell from any fixed-width integer (truncating: callers pass values that fit, such as
    /// journal sequences and counters).
    public static func int<Value: BinaryInteger>(_ value: Value) -> StoreValue {
        .integer(Int64(truncatingIfNeeded: value))
    }

    /// A text cell, or NULL for nil.
    public static func text(_ value: String?) -> StoreValue { value.map(StoreValue.text) ?? .null }

    /// The integer, if this is one.
    public var integerValue: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The number as a `Double`, if this is an integer or a real.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .real(let value): value
        case .text, .null: nil
        }
    }

    /// The text, if this is text.
    public var textValue: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    public var description: String {
        switch self {
        case .integer(let value): "\(value)"
        case .real(let value): "\(value)"
        case .text(let value): value
        case .null: "NULL"
        }
    }
}
