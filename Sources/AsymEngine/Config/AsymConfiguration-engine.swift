public import AsymConsensus
import AsymExecution
import AsymJournal
public import AsymRisk

extension AsymConfiguration {
    /// The trading-session parameters this configuration gives: validated limits, signals, exits, paper venue.
    public func sessionConfiguration(killSwitch: KillSwitch) throws(ConfigurationError) -> TradingSessionConfiguration {
        let limits: ValidatedRiskLimits
        do {
            limits = try risk.validated()
        } catch {
            throw .risk(error)
        }
        var session = TradingSessionConfiguration(riskLimits: limits)
        session.signals = signals
        session.exitRules = exits
        session.startingEquity = paper.startingEquityUSDT
        let latency = Int64(paper.latencyMicroseconds * 1_000)
        session.latency = ConstantLatency(entryNanoseconds: latency, responseNanoseconds: latency)
        if let maker = paper.makerFeeBasisPoints, let taker = paper.takerFeeBasisPoints {
            let maxInstruments = venues.map { $0.symbols?.count ?? 2 }.max() ?? 2
            session.paperVenue.fees = Array(repeating: FeeSchedule(maker: maker / 10_000, taker: taker / 10_000),
                                            count: maxInstruments)
        }
        session.killSwitch = killSwitch
        return session
    }

    /// The engine this configuration describes. A recording source trades the single venue configured.
    public func engineConfiguration(killSwitch: KillSwitch) throws(ConfigurationError) -> EngineConfiguration {
        let plans: [EngineVenuePlan]
        switch source {
        case .live:
            plans = venues.map { EngineVenuePlan(venue: $0.venue, symbols: $0.symbols, source: .webSocket(baseURL: $0.baseURL)) }
        case .recording(let path):
            guard venues.count == 1, let venue = venues.first else {
                throw .invalidValue(key: "venues", value: "\(venues.count) venues",
                                    expected: "exactly one venue with source = \"recording:PATH\" (a recording holds one venue)")
            }
            plans = [EngineVenuePlan(venue: venue.venue, symbols: venue.symbols, source: .recording(path: path))]
        }
        var configuration = EngineConfiguration(venues: plans, session: try sessionConfiguration(killSwitch: killSwitch))
        configuration.journalDirectory = journal.directory
        configuration.journalCommitInterval = Int64(journal.commitIntervalMilliseconds * 1_000_000)
        configuration.journalBackend = journal.backend == "plain" ? .plain : .uring
        configuration.engineCore = engine.engineCore
        configuration.idleSleepMicroseconds = engine.idleSleepMicroseconds
        configuration.statusInterval = Int64(engine.statusIntervalMilliseconds) * 1_000_000
        configuration.framesPerPoll = engine.framesPerPoll
        if consensus.enabled, case .live = source {
            configuration.consensus = consensusConfiguration
        }
        return configuration
    }

    /// The consensus this configuration describes (times in ns).
    public var consensusConfiguration: ConsensusConfiguration {
        let second = 1e9
        var apiKeyEnvironmentVariable = "OPENROUTER_API_KEY"
        var apiKeyFile: String?
        switch consensus.apiKey {
        case .environment(let name): apiKeyEnvironmentVariable = name
        case .file(let path): apiKeyFile = path
        }
        return ConsensusConfiguration(
            baseURL: consensus.baseURL, apiKeyEnvironmentVariable: apiKeyEnvironmentVariable, apiKeyFile: apiKeyFile,
            models: consensus.models, requestTimeout: Int64(consensus.requestTimeoutSeconds * second),
            quorum: consensus.quorum, cadence: Int64(consensus.cadenceSeconds * second),
            biasLifetime: Int64(consensus.biasLifetimeSeconds * second),
            feedbackHorizon: Int64(consensus.feedbackHorizonSeconds * second),
            accuracyThreshold: consensus.accuracyThreshold, downWeightScale: consensus.downWeightScale,
            requestsPerMinute: consensus.requestsPerMinute, tokensPerDay: consensus.tokensPerDay)
    }
}
