import Foundation

/// Where the PostgreSQL trade store lives: server, user, database, an optional schema (namespace) for the
/// tables, the password's source and TLS. Holds no password itself, so it is safe to print.
public struct PostgresStoreConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// Whether to use TLS.
    public enum TLSMode: Sendable, Equatable {
        /// Plain TCP (loopback, or a trusted network).
        case disable
        /// TLS with the system's trust roots and host-name verification.
        case require
    }

    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    /// A schema to create (if missing) and put the tables in; nil for the server's default (`public`).
    public var schema: String?
    public var password: PostgresPasswordSource
    public var tls: TLSMode
    /// Connect timeout, seconds.
    public var connectTimeout: Int64 = 10

    public init(host: String, port: Int = 5432, user: String, database: String, schema: String? = nil,
                password: PostgresPasswordSource = .none, tls: TLSMode = .disable) {
        self.host = host
        self.port = port
        self.user = user
        self.database = database
        self.schema = schema
        self.password = password
        self.tls = tls
    }

    /// Parses `postgres://USER@HOST[:PORT][/DATABASE][?schema=NAME&sslmode=disable|require]` (`postgresql://`
    /// too). The database defaults to the user's name.
    ///
    /// - Throws: `.invalidConfiguration`, also when the URL carries a password: it would be visible in argv,
    ///   shell history and logs; pass it through `password` instead.
    public init(url: String, password: PostgresPasswordSource = .none) throws(TradeStoreError) {
        guard let components = URLComponents(string: url),
              components.scheme == "postgres" || components.scheme == "postgresql" else {
            throw .invalidConfiguration("expected postgres://USER@HOST[:PORT]/DATABASE")
        }
        guard components.password == nil else {
            throw .invalidConfiguration("the URL must not contain a password: use a password file or variable")
        }
        guard let host = components.host, !host.isEmpty else { throw .invalidConfiguration("the URL has no host") }
        guard let user = components.user, !user.isEmpty else { throw .invalidConfiguration("the URL has no user") }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.init(host: host, port: components.port ?? 5432, user: user, database: path.isEmpty ? user : path,
                  password: password)
        for item in components.queryItems ?? [] {
            switch (item.name, item.value) {
            case ("schema", let value?):
                schema = value
            case ("sslmode", "disable"):
                tls = .disable
            case ("sslmode", "require"):
                tls = .require
            default:
                throw .invalidConfiguration("unsupported URL parameter \(item.name)")
            }
        }
        try validate()
    }

    /// Checks the schema name, which is spliced into SQL as an identifier.
    public func validate() throws(TradeStoreError) {
        if let schema {
            let valid = !schema.isEmpty && schema.utf8.count <= 63 && schema.utf8.enumerated().allSatisfy { index, byte in
                byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || (index > 0 && byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            }
            guard valid else { throw .invalidConfiguration("schema must match [a-z_][a-z0-9_]{0,62}") }
        }
        guard (1...65535).contains(port) else { throw .invalidConfiguration("port \(port) is out of range") }
    }

    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (schema.map { "?schema=\($0)" } ?? "")
            + " (password: \(password), tls: \(tls == .require ? "require" : "disable"))"
    }
}
