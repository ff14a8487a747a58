import Foundation

/// Where a secret comes from: an environment variable or a file readable by its owner only (mode 0600 or
/// stricter). The configuration holds only the variable's name or the file's path, never the value, so
/// `asym config show`, logs and journals cannot leak it.
public enum SecretSource: Sendable, Equatable, CustomStringConvertible {
    case environment(String)
    case file(String)

    public var description: String {
        switch self {
        case .environment(let name): "env:\(name)"
        case .file(let path): "file:\(path)"
        }
    }

    /// Reads the secret. `configurationKey` names the setting in errors.
    public func resolve(configurationKey: String, environment: [String: String]? = nil) throws(ConfigurationError) -> Secret {
        let environment = environment ?? ProcessInfo.processInfo.environment
        switch self {
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else {
                throw .missingSecret(key: configurationKey, source: description)
            }
            return Secret(value)
        case .file(let path):
            var info = stat()
            guard stat(path, &info) == 0 else { throw .missingSecret(key: configurationKey, source: description) }
            guard info.st_mode & 0o077 == 0 else {
                throw .insecureSecretFile(key: configurationKey, path: path,
                                          mode: String(info.st_mode & 0o777, radix: 8))
            }
            guard let data = FileManager.default.contents(atPath: path),
                  let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
                  !text.isEmpty
            else { throw .missingSecret(key: configurationKey, source: description) }
            return Secret(text)
        }
    }
}

/// A secret value. It prints as `<redacted>` everywhere (`description`, `debugDescription`, reflection), so
/// interpolating it into a log line or an error leaks nothing; `withValue` is the one way to read it.
public struct Secret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String

    public init(_ value: String) { self.value = value }

    public func withValue<Result>(_ body: (String) throws -> Result) rethrows -> Result { try body(value) }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: []) }
}
