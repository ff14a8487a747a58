public import AsymCore

/// Settings for a ``LiveFeed``: venue, symbols, endpoints, heartbeats, reconnect policy.
///
/// Defaults follow PROTOCOLS.md: Bybit pings every 20 s, OKX pings after 20 s of silence (< 30 s),
/// Binance answers server pings (lws does it) and splits depth and trades across `/public` and `/market`.
public struct LiveFeedConfiguration: Sendable {
    /// The venue.
    public var venue: Venue
    /// Venue symbols (`BTCUSDT`, `BTC-USDT-SWAP`); a tag's symbol index points into this list. At most 64.
    public var symbols: [String]
    /// Scheme, host and port of the WebSocket endpoint (e.g. `ws://127.0.0.1:9000`); the venue's path is
    /// appended. Nil ⇒ the public production endpoint.
    public var baseURL: String?
    /// REST base (Binance depth snapshots); nil ⇒ ``restBaseURL(for:webSocketBase:)``.
    public var restBaseURL: String?
    /// Whether trades are subscribed besides the book.
    public var includesTrades: Bool
    /// Bybit order-book depth topic (`orderbook.{depth}.{symbol}`).
    public var bybitBookDepth: Int
    /// Binance depth stream suffix (`<symbol>@depth@100ms`).
    public var binanceDepthStream: String
    /// Binance REST snapshot depth (`limit`).
    public var binanceSnapshotLimit: Int
    /// OKX book channel.
    public var okxBookChannel: String
    /// First reconnect delay.
    public var backoffBase: Duration
    /// Longest reconnect delay.
    public var backoffMaximum: Duration
    /// Jitter seed; tests fix it, production can leave the default (time-based).
    public var jitterSeed: UInt64
    /// No data frame for this long ⇒ the connection is closed and reopened (counted as stale).
    public var staleTimeout: Duration
    /// Bybit: ping period. OKX: silence before a text `ping`.
    public var heartbeatInterval: Duration
    /// How long to wait for a pong before reconnecting.
    public var pongTimeout: Duration
    /// Handshake timeout of each connect attempt.
    public var connectTimeout: Duration
    /// Whether TLS certificates are verified (disable only for test peers).
    public var verifiesCertificate: Bool
    /// How often the supervisor thread checks timers and resync requests.
    public var supervisorTick: Duration

    /// A configuration with production endpoints and PROTOCOLS.md heartbeats.
    public init(venue: Venue, symbols: [String], baseURL: String? = nil, restBaseURL: String? = nil,
                includesTrades: Bool = true) {
        self.venue = venue
        self.symbols = symbols
        self.baseURL = baseURL
        self.restBaseURL = restBaseURL
        self.includesTrades = includesTrades
        bybitBookDepth = 50
        binanceDepthStream = "depth@100ms"
        binanceSnapshotLimit = 1000
        okxBookChannel = "books"
        backoffBase = .milliseconds(500)
        backoffMaximum = .seconds(30)
        jitterSeed = UInt64(truncatingIfNeeded: WallClock.nanoseconds())
        staleTimeout = .seconds(60)
        heartbeatInterval = .seconds(20)
        pongTimeout = .seconds(10)
        connectTimeout = .seconds(10)
        verifiesCertificate = true
        supervisorTick = .milliseconds(10)
    }

    /// The production WebSocket base of each venue.
    public static func defaultBaseURL(for venue: Venue) -> String {
        switch venue {
        case .bybit: "wss://stream.bybit.com"
        case .binance: "wss://fstream.binance.com"
        case .okx: "wss://ws.okx.com:8443"
        }
    }

    /// The WebSocket base in use.
    public var effectiveBaseURL: String {
        var base = baseURL ?? Self.defaultBaseURL(for: venue)
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    /// The REST base in use.
    public var effectiveRestBaseURL: String {
        restBaseURL ?? Self.restBaseURL(for: venue, webSocketBase: baseURL)
    }

    /// The public REST base of `venue`: its production API, or the HTTP twin of an overridden WebSocket base
    /// (`ws://127.0.0.1:9000` ⇒ `http://127.0.0.1:9000`; the emulator answers REST on its feed port).
    public static func restBaseURL(for venue: Venue, webSocketBase: String?) -> String {
        guard var base = webSocketBase else {
            switch venue {
            case .bybit: return "https://api.bybit.com"
            case .binance: return "https://fapi.binance.com"
            case .okx: return "https://www.okx.com"
            }
        }
        while base.hasSuffix("/") { base.removeLast() }
        if base.hasPrefix("wss://") { return "https://" + base.dropFirst(6) }
        if base.hasPrefix("ws://") { return "http://" + base.dropFirst(5) }
        return base
    }
}
