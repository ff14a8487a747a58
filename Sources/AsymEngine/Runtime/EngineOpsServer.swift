public import AsymOps
import AsymTransport
import Foundation

/// Starts the ops server for a running engine.
public enum EngineOpsServer {
    /// The configured ops server for `engine`; the token comes from `source` (env var or 0600 file). Returns the
    /// started server and its bound port.
    public static func start(engine: EngineRuntime, mode: String, bind: String, port: Int,
                             token source: OpsTokenSource) throws -> (server: OpsServer, port: Int) {
        let token = try OpsToken.load(from: source)
        let server = OpsServer(configuration: OpsServerConfiguration(bindAddress: bind, port: port, token: token),
                               backend: EngineOpsBackend(engine: engine, mode: mode))
        return (server, try server.start())
    }

    /// A fresh random token written to `path` with mode 0600 (the demo's: nothing to configure, nothing printed).
    public static func writeRandomToken(to path: String) throws -> OpsTokenSource {
        let bytes = try SecureRandom.bytes(count: 24)
        let token = bytes.map { String(format: "%02x", $0) }.joined()
        // Created with its contents at 0600, so the token is never readable by others, not even for a moment.
        guard FileManager.default.createFile(atPath: path, contents: Data(token.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw OpsTokenError.fileUnwritable(path: path)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return .file(path)
    }
}
