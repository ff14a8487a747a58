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
    /// A value outside what the key allows.
    case outOfRange(key: String, value: String, allowed: String)
    /// A value the key does not accept, with what it does accept.
    case invalidValue(key: String, value: String, expected: String)
    /// A risk limit is invalid or beyond its compiled hard cap.
    case risk(RiskLimitError)
    /// A secret the configuration needs is not set (the environment variable or file named by `source`).
    case missingSecret(key: String, source: String)
    /// A secret file others can read: it must be mode 0600 or stricter.
    case insecureSecretFile(key: String, path: String, mode: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "cannot read \(path): \(reason)"
        case let .syntax(path, line, column, reason): "\(path):\(line):\(column): not valid TOML: \(reason)"
        case let .unknownKey(key): "unknown key \(key)"
        case let .wrongType(key, expected): "\(key) must be \(expected)"
        case let .outOfRange(key, value, allowed): "\(key) = \(value) is out of range (allowed \(allowed))"
        case let .invalidValue(key, value, expected): "\(key) = \(value) is not valid: expected \(expected)"
        case let .risk(error): error.description
        case let .missingSecret(key, source): "\(key): the secret is missing (\(source) is not set)"
        case let .insecureSecretFile(key, path, mode):
            "\(key): \(path) has mode \(mode); a secret file must be readable by its owner only (chmod 600)"
        }
    }
}
