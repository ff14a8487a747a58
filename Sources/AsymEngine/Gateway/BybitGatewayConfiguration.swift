/// Where and how `BybitOrderGateway` talks to Bybit.
public struct BybitGatewayConfiguration: Sendable {
    /// REST root, e.g. `https://api.bybit.com` (or a loopback emulator's `http://127.0.0.1:PORT`).
    public var restBaseURL: String
    /// The private stream, e.g. `wss://stream.bybit.com/v5/private`.
    public var privateStreamURL: String
    /// `X-BAPI-RECV-WINDOW` (ms).
    public var receiveWindowMilliseconds: Int64 = 5000
    /// Total time one REST request may take before its outcome counts as unknown.
    public var requestTimeoutMilliseconds = 2000
    /// How long `start` waits for the private stream to authenticate and subscribe.
    public var startTimeoutMilliseconds = 5000
    /// Queries by client id after a request whose answer was lost, before the order counts as never received.
    public var resolutionQueries = 3
    public var resolutionQueryIntervalMilliseconds = 200
    /// Requests the engine may have queued for the gateway thread.
    public var requestCapacity = 1024
    /// Reports the gateway may have queued for the engine.
    public var reportCapacity = 4096
    /// The heartbeat the docs ask for.
    public var pingIntervalMilliseconds = 20_000

    public init(restBaseURL: String, privateStreamURL: String) {
        self.restBaseURL = restBaseURL
        self.privateStreamURL = privateStreamURL
    }

    /// Bybit's production endpoints (PROTOCOLS.md §1).
    public static var mainnet: BybitGatewayConfiguration {
        BybitGatewayConfiguration(restBaseURL: "https://api.bybit.com", privateStreamURL: "wss://stream.bybit.com/v5/private")
    }
}
