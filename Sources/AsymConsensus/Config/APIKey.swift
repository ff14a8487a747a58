import Foundation

/// An API key, kept out of every printable form: `description`, `debugDescription` and reflection show
/// `[REDACTED]`. It is read once at start and only ever placed in the `Authorization` header.
public struct APIKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let secret: String

    /// Wraps `secret`; trailing whitespace (a key file's newline) is dropped.
    public init(_ secret: String) throws(ConsensusError) {
        let trimmed = secret.trimmingCharacters(in: .whitespacesAndNewlines)
        // Scalars, not Characters: "\r\n" is one Character equal to neither "\r" nor "\n".
        guard !trimmed.isEmpty, !trimmed.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
            throw .malformedAPIKey
        }
        self.secret = trimmed
    }

    public var description: String { "[REDACTED]" }
    public var debugDescription: String { "[REDACTED]" }
    public var customMirror: Mirror { Mirror(self, children: []) }

    /// The `Authorization` header value.
    var authorizationValue: String { "Bearer \(secret)" }

    /// The key for `configuration`: from its environment variable (in `environment`, default the process's), else its key file, else nil where the
    /// endpoint is loopback (the built-in analysts need none).
    ///
    /// - Throws: `.missingAPIKey` for a remote endpoint without a key; `.apiKeyFilePermissions` when the file is
    ///   readable by group or others; `.apiKeyFileUnreadable`; `.malformedAPIKey`.
    public static func load(for configuration: ConsensusConfiguration,
                            environment: [String: String]? = nil)
        throws(ConsensusError) -> APIKey?
    {
        let environment = environment ?? ProcessInfo.processInfo.environment
        if let value = environment[configuration.apiKeyEnvironmentVariable], !value.isEmpty {
            return try APIKey(value)
        }
        if let path = configuration.apiKeyFile {
            return try APIKey(readingFile: path)
        }
        if configuration.isLoopback { return nil }
        throw .missingAPIKey(environmentVariable: configuration.apiKeyEnvironmentVariable)
    }

    /// Reads a key file that only its owner may read (mode 0600 or stricter).
    public init(readingFile path: String) throws(ConsensusError) {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw .apiKeyFileUnreadable(path: path)
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        guard mode & 0o077 == 0 else { throw .apiKeyFilePermissions(path: path, mode: mode) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .apiKeyFileUnreadable(path: path)
        }
        try self.init(text)
    }
}
