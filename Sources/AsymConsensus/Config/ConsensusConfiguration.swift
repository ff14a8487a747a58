/// Everything the AI consensus can be told: where the analysts live, who they are, how often to ask, how to
/// vote, how to learn from outcomes and what it may spend. Times are nanoseconds.
///
/// The API key is not part of it: it is read from the environment variable named here, or from a 0600 file,
/// when the client starts (`APIKey.load`), so it never appears in a configuration dump.
public struct ConsensusConfiguration: Sendable, Equatable {
    /// The OpenAI-compatible API root; `/chat/completions` is appended.
    public var baseURL: String
    /// The environment variable holding the API key.
    public var apiKeyEnvironmentVariable: String
    /// A file holding the API key (mode 0600 or stricter), used when the environment variable is unset.
    public var apiKeyFile: String?
    /// One model ID per analyst, in panel order (at most 8).
    public var models: [String]
    /// Per-model request timeout (connect included), nanoseconds; an index past `modelTimeouts` uses `requestTimeout`.
    public var requestTimeout: Int64
    public var modelTimeouts: [Int64]
    /// Agreeing analysts needed for a bias (their summed feedback weight must reach it too).
    public var quorum: Int
    /// Time between scheduled rounds.
    public var cadence: Int64
    /// How often the running service looks at the brief for a regime change (an extra round).
    public var regimePollInterval: Int64
    /// The least time between two rounds, so a flapping regime cannot burn the budget.
    public var minimumRoundSpacing: Int64
    /// How long a published bias counts.
    public var biasLifetime: Int64
    /// When an analyst's call is scored: was the direction right after this long?
    public var feedbackHorizon: Int64
    /// Scored calls kept per analyst for its rolling accuracy.
    public var feedbackWindow: Int
    /// Scored calls needed before the accuracy can down-weight an analyst.
    public var feedbackMinimumSamples: Int
    /// Rolling accuracy below which an analyst is down-weighted.
    public var accuracyThreshold: Double
    /// The vote weight of a down-weighted analyst (a full analyst weighs 1).
    public var downWeightScale: Double
    /// Factor applied to a down-weighted analyst's confidence.
    public var downWeightConfidenceScale: Double
    /// Request budget: requests per rolling minute (0 = unlimited) and tokens per UTC day (0 = unlimited).
    public var requestsPerMinute: Int
    public var tokensPerDay: Int
    /// Attempts per analyst per round (the first plus retries of 429, 5xx and failed connections).
    public var maximumAttempts: Int
    /// First retry delay without `Retry-After`; doubles per attempt.
    public var retryBaseDelay: Int64
    /// The longest wait before a retry, `Retry-After` included; a longer `Retry-After` means abstain.
    public var maximumRetryDelay: Int64
    /// Ask for `response_format: json_schema` (dropped per model after the endpoint rejects it).
    public var structuredOutput: Bool
    /// Sampling temperature and completion cap sent with every request.
    public var temperature: Double
    public var maximumCompletionTokens: Int
    /// Publish "no consensus" (which hides the previous bias) when a round reaches none.
    public var withdrawOnNoConsensus: Bool
    /// A prompt template file (same format as the shipped `analyst-prompt.md`) to use instead of the shipped one.
    public var promptTemplatePath: String?

    /// OpenRouter's URL and key variable, the original agent's three models, 2 of 3, every 30 min.
    public init(
        baseURL: String = "https://openrouter.ai/api/v1",
        apiKeyEnvironmentVariable: String = "OPENROUTER_API_KEY",
        apiKeyFile: String? = nil,
        models: [String] = ConsensusConfiguration.defaultModels,
        requestTimeout: Int64 = 60_000_000_000,
        modelTimeouts: [Int64] = [],
        quorum: Int = 2,
        cadence: Int64 = 1_800_000_000_000,
        regimePollInterval: Int64 = 5_000_000_000,
        minimumRoundSpacing: Int64 = 300_000_000_000,
        biasLifetime: Int64 = 2_700_000_000_000,
        feedbackHorizon: Int64 = 14_400_000_000_000,
        feedbackWindow: Int = 50,
        feedbackMinimumSamples: Int = 10,
        accuracyThreshold: Double = 0.55,
        downWeightScale: Double = 0.5,
        downWeightConfidenceScale: Double = 0.5,
        requestsPerMinute: Int = 20,
        tokensPerDay: Int = 2_000_000,
        maximumAttempts: Int = 3,
        retryBaseDelay: Int64 = 1_000_000_000,
        maximumRetryDelay: Int64 = 60_000_000_000,
        structuredOutput: Bool = true,
        temperature: Double = 0.2,
        maximumCompletionTokens: Int = 600,
        withdrawOnNoConsensus: Bool = true,
        promptTemplatePath: String? = nil
    ) {
        self.baseURL = baseURL
        self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable
        self.apiKeyFile = apiKeyFile
        self.models = models
        self.requestTimeout = requestTimeout
        self.modelTimeouts = modelTimeouts
        self.quorum = quorum
        self.cadence = cadence
        self.regimePollInterval = regimePollInterval
        self.minimumRoundSpacing = minimumRoundSpacing
        self.biasLifetime = biasLifetime
        self.feedbackHorizon = feedbackHorizon
        self.feedbackWindow = feedbackWindow
        self.feedbackMinimumSamples = feedbackMinimumSamples
        self.accuracyThreshold = accuracyThreshold
        self.downWeightScale = downWeightScale
        self.downWeightConfidenceScale = downWeightConfidenceScale
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerDay = tokensPerDay
        self.maximumAttempts = maximumAttempts
        self.retryBaseDelay = retryBaseDelay
        self.maximumRetryDelay = maximumRetryDelay
        self.structuredOutput = structuredOutput
        self.temperature = temperature
        self.maximumCompletionTokens = maximumCompletionTokens
        self.withdrawOnNoConsensus = withdrawOnNoConsensus
        self.promptTemplatePath = promptTemplatePath
    }

    /// The original agent's analysts.
    public static let defaultModels = ["x-ai/grok-4-fast", "qwen/qwen3-max", "deepseek/deepseek-chat-v3.1"]

    /// The largest panel: agreeing analysts are a bitmask in a byte.
    public static var maximumModels: Int { 8 }

    /// The timeout for analyst `index`.
    public func timeout(forAnalyst index: Int) -> Int64 {
        index < modelTimeouts.count ? modelTimeouts[index] : requestTimeout
    }

    /// The URL requests go to.
    public var chatCompletionsURL: String {
        (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/chat/completions"
    }

    /// Whether `baseURL` points at this machine (127.0.0.0/8, `localhost`, `[::1]`), where no key is needed.
    public var isLoopback: Bool {
        guard let host = Self.host(of: baseURL) else { return false }
        return Self.isLoopbackHost(host)
    }

    /// `localhost`, `::1` (bracketed or not) or a dotted-quad 127.x.y.z; a name that merely starts with "127." is not.
    static func isLoopbackHost(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// The host part of an `http(s)://host[:port]/…` URL, or nil when the URL has no such shape.
    static func host(of url: String) -> String? {
        let lowered = url.lowercased()
        let rest: Substring
        if lowered.hasPrefix("https://") {
            rest = lowered.dropFirst(8)
        } else if lowered.hasPrefix("http://") {
            rest = lowered.dropFirst(7)
        } else {
            return nil
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@").last ?? authority
        if hostAndPort.hasPrefix("[") {
            guard let close = hostAndPort.firstIndex(of: "]") else { return nil }
            return String(hostAndPort[...close])
        }
        let host = hostAndPort.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        return host.isEmpty ? nil : host
    }

    /// Checks the values that would make the service misbehave rather than merely trade differently.
    public func validate() throws(ConsensusError) {
        func fail(_ reason: String) -> ConsensusError { .invalidConfiguration(reason) }
        guard Self.host(of: baseURL) != nil else { throw .invalidBaseURL(baseURL) }
        guard !models.isEmpty, models.count <= Self.maximumModels else {
            throw fail("models: 1 to \(Self.maximumModels) analysts")
        }
        guard !models.contains(where: \.isEmpty) else { throw fail("models: empty model ID") }
        guard quorum >= 1, quorum <= models.count else { throw fail("quorum must be between 1 and the number of models") }
        guard requestTimeout > 0, modelTimeouts.allSatisfy({ $0 > 0 }) else { throw fail("timeouts must be positive") }
        guard cadence > 0, regimePollInterval > 0, minimumRoundSpacing >= 0, biasLifetime > 0, feedbackHorizon > 0 else {
            throw fail("cadence, poll interval, bias lifetime and horizon must be positive")
        }
        guard feedbackWindow >= 1, feedbackMinimumSamples >= 1, feedbackMinimumSamples <= feedbackWindow else {
            throw fail("feedback window and minimum samples: 1 ≤ minimum ≤ window")
        }
        guard accuracyThreshold >= 0, accuracyThreshold <= 1 else { throw fail("accuracy threshold must be in [0, 1]") }
        guard downWeightScale >= 0, downWeightScale <= 1, downWeightConfidenceScale >= 0, downWeightConfidenceScale <= 1
        else { throw fail("down-weight scales must be in [0, 1]") }
        guard requestsPerMinute >= 0, tokensPerDay >= 0 else { throw fail("budgets must not be negative") }
        guard maximumAttempts >= 1, retryBaseDelay >= 0, maximumRetryDelay >= 0 else {
            throw fail("at least one attempt; retry delays must not be negative")
        }
        guard temperature >= 0, temperature <= 2, maximumCompletionTokens > 0 else {
            throw fail("temperature in [0, 2] and a positive completion cap")
        }
    }
}
