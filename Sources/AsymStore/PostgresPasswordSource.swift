import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the PostgreSQL password comes from. Never from a URL, argv or a config file: an environment variable
/// or a file only its owner can read (mode 0600 or stricter), and it never reaches a log or an error message.
public enum PostgresPasswordSource: Sendable, Equatable, CustomStringConvertible {
    /// No password (trust or peer authentication).
    case none
    /// The value of an environment variable.
    case environment(String)
    /// The first line of a file that neither group nor others may read or write.
    case file(String)

    /// The password, read now.
    ///
    /// - Throws: `.password` when the variable is unset or empty, or the file is missing, unreadable, empty or
    ///   open to group or others.
    public func resolve() throws(TradeStoreError) -> String? {
        switch self {
        case .none:
            return nil
        case .environment(let name):
            guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
                throw .password("environment variable \(name) is not set")
            }
            return value
        case .file(let path):
            var status = stat()
            guard stat(path, &status) == 0 else { throw .password("cannot stat \(path): errno \(errno)") }
            guard status.st_mode & 0o077 == 0 else {
                throw .password("\(path) is readable by others (mode \(String(status.st_mode & 0o777, radix: 8))); "
                                + "chmod 600 it")
            }
            guard let contents = FileManager.default.contents(atPath: path),
                  let text = String(data: contents, encoding: .utf8) else {
                throw .password("cannot read \(path)")
            }
            let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let password = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            guard !password.isEmpty else { throw .password("\(path) is empty") }
            return password
        }
    }

    /// Names the source, never the secret.
    public var description: String {
        switch self {
        case .none: "none"
        case .environment(let name): "environment variable \(name)"
        case .file(let path): "file \(path)"
        }
    }
}
