import AsymStore
import Foundation

/// The PostgreSQL server that `scripts/postgres-test-server` (run by `scripts/test`) starts on loopback and
/// announces in `ASYM_TEST_POSTGRES_URL` and `ASYM_TEST_POSTGRES_PASSWORD_FILE`.
enum PostgresTestServer {
    static let urlVariable = "ASYM_TEST_POSTGRES_URL"
    static let passwordFileVariable = "ASYM_TEST_POSTGRES_PASSWORD_FILE"

    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static var url: String? { environment[urlVariable].flatMap { $0.isEmpty ? nil : $0 } }

    static var isConfigured: Bool { url != nil }

    /// Whether this is a CI run, where skipping the PostgreSQL tests is a failure.
    static var isCI: Bool {
        guard let value = environment["CI"] else { return false }
        return !value.isEmpty && value != "0" && value.lowercased() != "false"
    }

    static let missingMessage = """
        PostgreSQL store tests NOT RUN: \(urlVariable) is not set. Run the suite through scripts/test, or wrap \
        swift test in scripts/postgres-test-server, which installs PostgreSQL and starts a throwaway server on \
        127.0.0.1.
        """

    /// The test server's configuration with a fresh schema, so tests running in parallel never share tables.
    static func configuration() throws -> PostgresStoreConfiguration {
        guard let url else { throw TradeStoreError.invalidConfiguration(missingMessage) }
        var configuration = try PostgresStoreConfiguration(
            url: url, password: environment[passwordFileVariable].map { .file($0) } ?? .none)
        configuration.schema = "asym_test_" + String(UInt64.random(in: 1...UInt64.max), radix: 36)
        return configuration
    }

    /// Runs `body` with a store in a fresh schema, dropped afterwards.
    static func withStore(_ body: (PostgresTradeStore, PostgresStoreConfiguration) throws -> Void) throws {
        let configuration = try configuration()
        let store = try PostgresTradeStore(configuration: configuration)
        defer {
            try? store.execute(["DROP SCHEMA \(configuration.schema!) CASCADE"])
            store.close()
        }
        try body(store, configuration)
    }
}
