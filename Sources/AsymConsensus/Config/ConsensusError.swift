/// Why the consensus cannot start. Never carries the API key.
public enum ConsensusError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The base URL is not an `http://` or `https://` URL with a host.
    case invalidBaseURL(String)
    /// A configuration value is out of range.
    case invalidConfiguration(String)
    /// A remote (non-loopback) endpoint needs a key, and neither the variable nor the key file has one.
    case missingAPIKey(environmentVariable: String)
    /// The key file cannot be read.
    case apiKeyFileUnreadable(path: String)
    /// The key file can be read by group or others; it must be 0600 or stricter.
    case apiKeyFilePermissions(path: String, mode: Int)
    /// The key contains characters that cannot go in an HTTP header (CR, LF, NUL) or is empty.
    case malformedAPIKey
    /// libcurl could not be set up.
    case httpClient(String)

    public var description: String {
        switch self {
        case .invalidBaseURL(let url): "consensus base URL is not an http(s) URL: \(url)"
        case .invalidConfiguration(let reason): "consensus configuration: \(reason)"
        case .missingAPIKey(let variable): "no API key: set \(variable) (or give a 0600 key file) for a remote endpoint"
        case .apiKeyFileUnreadable(let path): "API key file cannot be read: \(path)"
        case .apiKeyFilePermissions(let path, let mode):
            "API key file \(path) has mode \(String(mode, radix: 8)); it must be 0600 or stricter"
        case .malformedAPIKey: "the API key is empty or contains CR, LF or NUL"
        case .httpClient(let message): "HTTP client: \(message)"
        }
    }
}
