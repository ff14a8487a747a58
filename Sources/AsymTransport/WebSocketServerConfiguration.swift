/// Options for a ``WebSocketServer``.
public struct WebSocketServerConfiguration: Sendable {
    /// The interface address to listen on (`iface`); loopback by default.
    public var host: String
    /// The port to listen on; `0` picks an ephemeral port, see ``WebSocketServer/port``.
    public var port: UInt16
    /// A PEM certificate file; with ``privateKeyPath`` it turns on TLS (`wss://`, `https://`).
    public var certificatePath: String?
    /// The PEM private key matching ``certificatePath``.
    public var privateKeyPath: String?
    /// The largest message accepted from a client; larger ones close it with 1009.
    public var maxMessageSize: Int
    /// Extra request headers (lws does not tokenise them) to record in ``WebSocketServerConnection/headers``.
    public var capturedHeaderNames: [String]
    /// The service thread's name.
    public var threadName: String

    /// Creates a configuration listening on `127.0.0.1` with an ephemeral port by default.
    public init(
        host: String = "127.0.0.1",
        port: UInt16 = 0,
        certificatePath: String? = nil,
        privateKeyPath: String? = nil,
        maxMessageSize: Int = 16 << 20,
        capturedHeaderNames: [String] = [],
        threadName: String = "asym-ws-server"
    ) {
        self.host = host
        self.port = port
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
        self.maxMessageSize = maxMessageSize
        self.capturedHeaderNames = capturedHeaderNames
        self.threadName = threadName
    }
}
