public import AsymConsensus
public import AsymRisk
public import AsymSignals

/// The demo's trading parameters: the default risk limits loosened only as far as the compiled hard caps allow
/// (so a short run shows approvals and denials), and candle timeframes scaled down from minutes to seconds so a
/// minute of wall-clock time at 20× holds enough candles for the regime detector and the strategies.
public enum DemoProfile {
    /// The default limits with the cooldowns, entry counts and confidence bars loosened as far as the compiled hard
    /// caps allow (the tests' trading profile too).
    public static func loosenedLimits() -> RiskLimits {
        var limits = RiskLimits()
        limits.entryCooldownSeconds = RiskHardCaps.minimumEntryCooldownSeconds
        limits.lossCooldownSeconds = RiskHardCaps.minimumLossCooldownSeconds
        limits.reversalCooldownSeconds = 60
        limits.duplicateSignalWindowSeconds = 0.5
        limits.maxEntriesPerHour = RiskHardCaps.maximumEntriesPerHour
        limits.maxEntriesPerDay = RiskHardCaps.maximumEntriesPerDay
        limits.confidenceTrending = RiskHardCaps.minimumConfidenceBar
        limits.confidenceRanging = RiskHardCaps.minimumConfidenceBar
        limits.confidenceVolatile = RiskHardCaps.minimumConfidenceBar
        return limits
    }

    public static func riskLimits() throws(RiskLimitError) -> ValidatedRiskLimits {
        var limits = loosenedLimits()
        // The AI consensus vetoes entries against a fresh opposite bias it holds with some conviction.
        limits.advisoryMode = .veto
        limits.advisoryMinimumConfidence = 0.4
        return try limits.validated()
    }

    public static func signals() -> SignalConfiguration { SignalProfile.shortCandles.configuration }

    /// The consensus against the loopback analysts at `baseURL`, on the demo's compressed clock: a round every two
    /// minutes of market time (six seconds at 20×) and on regime changes, biases living five minutes.
    public static func consensus(baseURL: String) -> ConsensusConfiguration {
        let second: Int64 = 1_000_000_000
        return ConsensusConfiguration(
            baseURL: baseURL, requestTimeout: 10 * second, cadence: 120 * second, regimePollInterval: 10 * second,
            minimumRoundSpacing: 60 * second, biasLifetime: 300 * second, feedbackHorizon: 600 * second,
            retryBaseDelay: 2 * second, maximumRetryDelay: 20 * second)
    }

    /// A session configuration with the demo's limits and signals and 100 000 USDT of paper equity.
    public static func session() throws(RiskLimitError) -> TradingSessionConfiguration {
        var configuration = TradingSessionConfiguration(riskLimits: try riskLimits())
        configuration.signals = signals()
        configuration.startingEquity = 100_000
        return configuration
    }
}
