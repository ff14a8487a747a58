/// Where the ops server listens and which token guards it.
public struct OpsServerConfiguration: Sendable {
    /// The address to bind: loopback unless the operator chooses otherwise.
    public var bindAddress: String
    /// The TCP port; 0 picks a free one (``OpsServer/start()`` returns it).
    public var port: Int
    /// The bearer token; nil refuses every protected route with 403.
    public var token: OpsToken?
    /// How long `stop()` lets open requests finish before cancelling them, seconds.
    public var shutdownGraceSeconds: Double

    /// The port asym listens on unless configured otherwise.
    public static let defaultPort = 9470

    public init(
        bindAddress: String = "127.0.0.1", port: Int = OpsServerConfiguration.defaultPort, token: OpsToken?,
        shutdownGraceSeconds: Double = 2
    ) {
        self.bindAddress = bindAddress
        self.port = port
        self.token = token
        self.shutdownGraceSeconds = shutdownGraceSeconds
    }
}
