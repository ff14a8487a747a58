/// Where the loopback analysts listen and which model IDs they answer to.
public struct AnalystsEndpointConfiguration: Sendable {
    /// A loopback address (127.0.0.0/8, `localhost` or `::1`); anything else is refused.
    public var host: String
    /// 0 picks an ephemeral port (reported by `start()`).
    public var port: UInt16
    /// Model ID → analyst. The defaults answer to the analysts' own names and to the default configured models,
    /// so a default `ConsensusConfiguration` pointed at this endpoint works as is.
    public var models: [String: RuleBasedAnalyst]
    /// The longest a `.hang` fault holds a request (the endpoint's `stop()` ends it sooner).
    public var maximumHangSeconds: Double
    /// Where the server's own log lines (start, stop, errors; info and above) go; nil drops them.
    public var log: (@Sendable (String) -> Void)?

    public init(host: String = "127.0.0.1", port: UInt16 = 0,
                models: [String: RuleBasedAnalyst] = AnalystsEndpointConfiguration.defaultModels,
                maximumHangSeconds: Double = 60, log: (@Sendable (String) -> Void)? = nil) {
        self.host = host
        self.port = port
        self.models = models
        self.maximumHangSeconds = maximumHangSeconds
        self.log = log
    }

    /// `momentum`, `mean-reversion`, `order-flow`, and the three default models mapped onto them in order.
    public static var defaultModels: [String: RuleBasedAnalyst] {
        var models: [String: RuleBasedAnalyst] = [:]
        for analyst in RuleBasedAnalyst.allCases { models[analyst.rawValue] = analyst }
        for (model, analyst) in zip(ConsensusConfiguration.defaultModels, RuleBasedAnalyst.allCases) { models[model] = analyst }
        return models
    }
}
