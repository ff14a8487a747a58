public import AsymCore

/// `mode` and `source` at the top of `asym.toml`: paper or live orders, live feeds or a recording.
public enum TradingMode: String, Sendable, CaseIterable {
    /// Orders go to the in-process paper venue (the default; needs no keys).
    case paper
    /// Orders go to the venues; needs `mode = "live"` spelled out and every venue's keys.
    case live
}

/// Where market data comes from.
public enum SourceSetting: Sendable, Equatable, CustomStringConvertible {
    /// The venues' public WebSockets (or `base_url` overrides).
    case live
    /// A recording file (`source = "recording:PATH"`); the replay position is journalled so a restart resumes.
    case recording(path: String)

    public var description: String {
        switch self {
        case .live: "live"
        case .recording(let path): "recording:\(path)"
        }
    }
}

/// `[venues.<name>]`: one venue to trade.
public struct VenueSettings: Sendable, Equatable {
    public var venue: Venue
    /// Venue symbols; nil ⇒ the catalog's defaults.
    public var symbols: [String]?
    /// WebSocket base override (`ws://127.0.0.1:9000` for a loopback emulator).
    public var baseURL: String?
    /// API key and secret, needed only with `mode = "live"`.
    public var apiKey: SecretSource
    public var apiSecret: SecretSource

    public init(venue: Venue) {
        self.venue = venue
        let prefix = "ASYM_\(venue.description.uppercased())"
        apiKey = .environment(prefix + "_API_KEY")
        apiSecret = .environment(prefix + "_API_SECRET")
    }
}

/// `[engine]`: the engine thread.
public struct EngineSettings: Sendable, Equatable {
    /// Core to pin the engine thread to; nil ⇒ not pinned.
    public var engineCore: Int?
    /// Sleep between empty polls (0 ⇒ busy-spin).
    public var idleSleepMicroseconds = 50
    public var statusIntervalMilliseconds = 100
    public var framesPerPoll = 256

    public init() {}
}

/// `[journal]`.
public struct JournalSettings: Sendable, Equatable {
    public var directory = "journal"
    public var commitIntervalMilliseconds = 2.0
    /// "uring" or "plain".
    public var backend = "uring"

    public init() {}
}

/// `[store]`: the trade store fed from the journal.
public struct StoreSettings: Sendable, Equatable {
    public var sqlitePath = "asym.sqlite"
    /// Optional PostgreSQL mirror (`postgres://user@host:port/database`); the password is a secret.
    public var postgresURL: String?
    public var postgresPassword: SecretSource = .environment("ASYM_POSTGRES_PASSWORD")

    public init() {}
}

/// `[paper]`: the paper venue and the paper account.
public struct PaperSettings: Sendable, Equatable {
    public var startingEquityUSDT = 10_000.0
    /// One-way latency of order entry and of the venue's responses.
    public var latencyMicroseconds = 0.0
    /// Fee overrides for every venue, basis points (nil ⇒ each venue's default schedule).
    public var makerFeeBasisPoints: Double?
    public var takerFeeBasisPoints: Double?

    public init() {}
}

/// `[ops]`: the control and metrics server.
public struct OpsSettings: Sendable, Equatable {
    public var enabled = true
    public var bind = "127.0.0.1"
    public var port = 9470
    /// Bearer token for everything but `/healthz`.
    public var token: SecretSource = .environment("ASYM_OPS_TOKEN")

    public init() {}
}

/// `[consensus]`: the AI analysts beside the engine (off unless enabled; live sources only).
public struct ConsensusSettings: Sendable, Equatable {
    public var enabled = false
    public var baseURL = "https://openrouter.ai/api/v1"
    /// The API key: an environment variable's name or a 0600 file (none needed for a loopback URL).
    public var apiKey: SecretSource = .environment("OPENROUTER_API_KEY")
    public var models = ["x-ai/grok-4-fast", "qwen/qwen3-max", "deepseek/deepseek-chat-v3.1"]
    public var quorum = 2
    public var requestTimeoutSeconds = 60.0
    public var cadenceSeconds = 1_800.0
    public var biasLifetimeSeconds = 2_700.0
    public var feedbackHorizonSeconds = 14_400.0
    public var accuracyThreshold = 0.55
    public var downWeightScale = 0.5
    public var requestsPerMinute = 20
    public var tokensPerDay = 2_000_000

    public init() {}
}
