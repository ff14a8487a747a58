public import AsymRisk

/// Why a configuration file cannot be used; every case names the file position or the full key path.
public enum ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The file cannot be read.
    case unreadable(path: String, reason: String)
    /// The file is not valid TOML.
    case syntax(path: String, line: Int, column: Int, reason: String)
    /// A table or key asym does not know, with its full dotted path (`risk.max_leverag`).
    case unknownKey(String)
    /// A value of the wrong type, with its full path.
    case wrongType(key: String, expected: String)
    /// A risk limit is invalid or beyond its compiled hard cap.
    case risk(RiskLimitError)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "cannot read \(path): \(reason)"
        case let .syntax(path, line, column, reason): "\(path):\(line):\(column): not valid TOML: \(reason)"
        case let .unknownKey(key): "unknown key \(key)"
        case let .wrongType(key, expected): "\(key) must be \(expected)"
        case let .risk(error): error.description
        }
    }
}
