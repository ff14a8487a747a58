/// Settings shared by every request of one ``HTTPClient``.
public struct HTTPClientConfiguration: Hashable, Sendable {
    /// Protocol version to ask for (`CURLOPT_HTTP_VERSION`).
    public var version: HTTPVersion
    /// Limit for TCP connect plus TLS handshake (`CURLOPT_CONNECTTIMEOUT_MS`).
    public var connectTimeoutMilliseconds: Int
    /// Limit for a whole request, connect included; 0 means none (`CURLOPT_TIMEOUT_MS`).
    public var timeoutMilliseconds: Int
    /// Verify the server certificate and host name (`CURLOPT_SSL_VERIFYPEER`/`VERIFYHOST`). Only tests turn this off.
    public var verifyTLS: Bool
    /// PEM bundle of trusted CAs instead of the system store (`CURLOPT_CAINFO`).
    public var caFile: String?
    /// Idle connections kept open for reuse (`CURLMOPT_MAXCONNECTS`), and easy handles kept for reuse.
    public var maximumConnections: Int
    /// TCP keep-alive probes on idle pooled connections (`CURLOPT_TCP_KEEPALIVE`).
    public var tcpKeepAlive: Bool
    /// `User-Agent` header; none when `nil`.
    public var userAgent: String?

    public init(
        version: HTTPVersion = .http2, connectTimeoutMilliseconds: Int = 5_000, timeoutMilliseconds: Int = 30_000,
        verifyTLS: Bool = true, caFile: String? = nil, maximumConnections: Int = 8, tcpKeepAlive: Bool = true,
        userAgent: String? = nil
    ) {
        self.version = version
        self.connectTimeoutMilliseconds = connectTimeoutMilliseconds
        self.timeoutMilliseconds = timeoutMilliseconds
        self.verifyTLS = verifyTLS
        self.caFile = caFile
        self.maximumConnections = maximumConnections
        self.tcpKeepAlive = tcpKeepAlive
        self.userAgent = userAgent
    }
}
