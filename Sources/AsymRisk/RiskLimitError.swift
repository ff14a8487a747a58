/// A configured risk limit that cannot be used.
public enum RiskLimitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The value goes beyond its compiled hard cap (`key` as in the TOML config).
    case exceedsHardCap(key: String, value: Double, cap: Double)
    /// The value is negative, zero where it must be positive, NaN, or otherwise meaningless.
    case invalid(key: String, value: Double, reason: String)
    /// No such limit.
    case unknownKey(String)
    /// The value has the wrong type (e.g. text where a number belongs).
    case wrongType(key: String, expected: String)

    public var description: String {
        switch self {
        case let .exceedsHardCap(key, value, cap):
            "risk.\(key) = \(value) exceeds the compiled hard cap \(cap)"
        case let .invalid(key, value, reason):
            "risk.\(key) = \(value) is invalid: \(reason)"
        case let .unknownKey(key):
            "risk.\(key) is not a known risk limit"
        case let .wrongType(key, expected):
            "risk.\(key) must be \(expected)"
        }
    }
}
