/// Options for a ``WebSocketClient``; fixed for the client's lifetime (they shape the lws context).
public struct WebSocketClientConfiguration: Sendable {
    /// A PEM file of trusted CA certificates (`client_ssl_ca_filepath`); `nil` uses the system store.
    public var caFilePath: String?
    /// Whether the server certificate and host name are verified. Disable only for test peers.
    public var verifiesCertificate: Bool
    /// The largest message accepted after reassembly; larger ones close the connection with 1009.
    public var maxMessageSize: Int
    /// Bytes preallocated for reassembling fragmented messages; grows up to `maxMessageSize`.
    public var initialBufferCapacity: Int
    /// How long `connect` waits for the handshake; also the lws connect timeout.
    public var connectTimeout: Duration
    /// The service thread's name, visible in debuggers and `top -H`.
    public var threadName: String

    /// Creates a configuration; verification is on and the message limit is 16 MiB by default.
    public init(
        caFilePath: String? = nil,
        verifiesCertificate: Bool = true,
        maxMessageSize: Int = 16 << 20,
        initialBufferCapacity: Int = 64 << 10,
        connectTimeout: Duration = .seconds(10),
        threadName: String = "asym-ws-client"
    ) {
        self.caFilePath = caFilePath
        self.verifiesCertificate = verifiesCertificate
        self.maxMessageSize = maxMessageSize
        self.initialBufferCapacity = initialBufferCapacity
        self.connectTimeout = connectTimeout
        self.threadName = threadName
    }
}
